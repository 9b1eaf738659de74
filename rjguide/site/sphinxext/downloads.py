"""The downloads page: a placeholder that the build fills once the PDFs and packs exist
(their sizes and checksums are known only then)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rjguide.site.sphinxext.dynamic_pages import note_dynamic_page

PLACEHOLDER = '<div class="rj-downloads" id="rj-downloads"></div>'


class DownloadsList(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        note_dynamic_page(self.env)  # the build fills the placeholder of a fresh page
        return [nodes.raw("", PLACEHOLDER, format="html")]


def setup(app: Sphinx) -> dict:
    app.setup_extension("rjguide.site.sphinxext.dynamic_pages")
    app.add_directive("downloads-list", DownloadsList)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
