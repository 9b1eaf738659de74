"""The library's Sphinx extensions; conf.py loads this one, which loads the rest."""

from sphinx.application import Sphinx

EXTENSIONS = (
    "rjguide.sphinxext.module_blocks",
    "rjguide.sphinxext.languages",
    "rjguide.sphinxext.module_catalogue",
    "rjguide.sphinxext.glossary",
    "rjguide.sphinxext.dashboard",
    "rjguide.sphinxext.downloads",
    "rjguide.sphinxext.review_notes",
    "rjguide.sphinxext.message_templates",
    "rjguide.sphinxext.theme",
)


def setup(app: Sphinx) -> dict:
    for name in EXTENSIONS:
        app.setup_extension(name)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
