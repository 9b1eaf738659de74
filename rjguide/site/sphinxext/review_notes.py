"""Review notes: remarks for the working group, written in the source next to the text
they concern. They never reach the site, the PDFs, the packs or the catalogues: the
directive leaves nothing in the document. `make review` reads them from the source."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class ReviewNote(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        return []


def setup(app: Sphinx) -> dict:
    app.add_directive("review-note", ReviewNote)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
