"""The interface strings a reader meets: which of Sphinx's, and all of the library's own.

Sphinx's catalogue holds hundreds of log messages no reader sees; the UI template keeps
only the strings of the files that make up a page (the basic theme, the HTML writer,
admonition labels, the search scripts) and adds the strings of our theme and extensions.
"""

from __future__ import annotations

from pathlib import Path

import sphinx
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).parent.parent
SPHINX_PAGE_FILES = (
    "locale/__init__.py",
    "themes/basic/layout.html",
    "themes/basic/search.html",
    "themes/basic/genindex.html",
    "themes/basic/genindex-single.html",
    "themes/basic/genindex-split.html",
    "themes/basic/static/searchtools.js",
    "themes/basic/static/sphinx_highlight.js",
)
# Files whose other messages are log messages: only these strings reach a page.
SPHINX_PAGE_STRINGS = {"General Index", "Index", "Search Page", "index"}
# The HTML writer's own messages are log messages except these link titles.
SPHINX_WRITER = "writers/html5.py"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "__": None}


def sphinx_page_messages() -> list[tuple[str | tuple[str, str], str]]:
    pot = Path(sphinx.__file__).parent / "locale" / "sphinx.pot"
    with pot.open("rb") as handle:
        catalog = read_po(handle)
    chosen = []
    for message in catalog:
        if not message.id:
            continue
        files = {location for location, _ in message.locations}
        text = message.id if isinstance(message.id, str) else message.id[0]
        on_page = files & set(SPHINX_PAGE_FILES) and "%s" not in text and "{" not in text
        if on_page or text in SPHINX_PAGE_STRINGS:
            chosen.append((message.id, "sphinx/" + sorted(files)[0]))
        elif SPHINX_WRITER in files and text.startswith("Link to this"):
            chosen.append((message.id, "sphinx/" + SPHINX_WRITER))
    return chosen


def own_messages() -> list[tuple[str | tuple[str, str], str]]:
    method_map = [
        ("review/server/**", "ignore"),   # the review server has a catalogue of its own
        ("**.py", "python"),
        ("site/theme/**.html", "jinja2.ext:babel_extract"),
        ("**/templates/**.html", "jinja2.ext:babel_extract"),
        ("**/templates/**.txt", "jinja2.ext:babel_extract"),
    ]
    found = []
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE_DIR), method_map=method_map, keywords=KEYWORDS,
        options_map={pattern: {"trimmed": "true"}
                     for pattern in ("site/theme/**.html", "**/templates/**.html",
                                     "**/templates/**.txt")},
    ):
        found.append((message, f"rjguide/{filename}"))
    return found


def ui_template() -> Catalog:
    """The UI catalogue's template; messages in a stable order."""
    template = Catalog(fuzzy=False)
    for message_id, location in sphinx_page_messages() + own_messages():
        if message_id in template:
            template[message_id].locations.append((location, None))
        else:
            template.add(message_id, locations=[(location, None)])
    return template
