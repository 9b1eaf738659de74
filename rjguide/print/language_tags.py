"""Each part of a PDF in another language than the document's says so in its tags.

WeasyPrint 70 writes the document's language (`/Lang` in the catalogue) but not the
`lang` of the elements inside it, so a screen reader reads untranslated English passages
of a Nynorsk guide with Nynorsk rules. This wraps WeasyPrint's structure-tree builder so
that the structure element of every HTML element with a `lang` gets that `/Lang`.
"""

from __future__ import annotations

import pydyf
from weasyprint.pdf import tags

_build = tags._build_box_tree
WHOLE_DOCUMENT = {"html", "body"}    # their language is the catalogue's /Lang


def _build_with_language(box, parent, *args):
    element = getattr(box, "element", None)
    own = None
    if element is not None and getattr(box, "element_tag", None) not in WHOLE_DOCUMENT:
        own = element.get("lang")
    for structure in _build(box, parent, *args):
        if own and "Lang" not in structure:
            structure["Lang"] = pydyf.String(own)
        yield structure


def tag_languages() -> None:
    """Installs the wrapper (once per process); rendering calls it before the first PDF."""
    if tags._build_box_tree is not _build_with_language:
        tags._build_box_tree = _build_with_language
