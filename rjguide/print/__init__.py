"""Print: in come the built site's pages; out go facilitator guides, handouts and
handbooks as print HTML, rendered to tagged PDF (PDF/UA-1) by WeasyPrint."""
