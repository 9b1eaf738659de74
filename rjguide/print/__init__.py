"""Printable documents: the facilitator guide, the handouts and the handbook, made from the
built site's pages, then rendered to tagged PDF (PDF/UA-1) by WeasyPrint."""
