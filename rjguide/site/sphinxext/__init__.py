"""The library's Sphinx extensions; conf.py loads this one, which loads the rest."""

from sphinx.application import Sphinx

EXTENSIONS = (
    "rjguide.site.sphinxext.module_blocks",
    "rjguide.site.sphinxext.languages",
    "rjguide.site.sphinxext.module_catalogue",
    "rjguide.site.sphinxext.glossary",
    "rjguide.site.sphinxext.dashboard",
    "rjguide.site.sphinxext.downloads",
    "rjguide.site.sphinxext.review_notes",
    "rjguide.site.sphinxext.message_templates",
    "rjguide.site.sphinxext.theme",
)


def setup(app: Sphinx) -> dict:
    for name in EXTENSIONS:
        app.setup_extension(name)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
