"""The library's HTML theme, shipped in the package."""

from pathlib import Path

from sphinx.application import Sphinx

THEME_DIR = Path(__file__).parent.parent / "theme" / "rjguide"


def setup(app: Sphinx) -> dict:
    app.add_html_theme("rjguide", str(THEME_DIR))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
