"""Two repairs to the structure tree WeasyPrint 70 writes for PDF/UA, made as it is built.

- Languages: WeasyPrint writes the document's language (`/Lang` in the catalogue) but not
  the `lang` of the elements inside it, so a screen reader would read the untranslated
  English passages of a Nynorsk guide with Nynorsk rules. The structure element of every
  HTML element with a `lang` gets that `/Lang`.
- List items: PDF/UA (ISO 14289-1, 7.2; veraPDF rule 7.2-20) lets an `LI` hold only `Lbl`
  and `LBody`. WeasyPrint puts an item's block children (`<li><p>…</p></li>`, as Sphinx
  writes every list item) straight under the `LI`; they are moved under one `LBody`.

Both wrap WeasyPrint's recursive builder `_build_box_tree`, which calls itself through the
module, so every level of the tree passes through the wrapper.
"""

from __future__ import annotations

import pydyf
from weasyprint.pdf import tags

_build = tags._build_box_tree
WHOLE_DOCUMENT = {"html", "body"}    # their language is the catalogue's /Lang
ITEM_PARTS = ("/Lbl", "/LBody")


def _build_repaired(box, parent, pdf, page_number, nums, *rest):
    element = getattr(box, "element", None)
    own = None
    if element is not None and getattr(box, "element_tag", None) not in WHOLE_DOCUMENT:
        own = element.get("lang")
    for structure in _build(box, parent, pdf, page_number, nums, *rest):
        if own and "Lang" not in structure:
            structure["Lang"] = pydyf.String(own)
        if structure.get("S") == "/LI":
            gather_item_body(structure, pdf, nums)
        yield structure


def gather_item_body(item: pydyf.Dictionary, pdf: pydyf.PDF, nums: dict) -> None:
    """Every kid of a list item that is not its label goes into the item's LBody (the one
    it has, or a new one), in order."""
    kids, body = [], None
    for kid in item["K"]:
        found = structure_of(pdf, kid)
        if found is not None and found.get("S") == "/Lbl":
            kids.append(kid)
            continue
        if found is not None and found.get("S") == "/LBody" and body is None:
            body = found
            kids.append(kid)
            continue
        if body is None:
            body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody",
                                     "K": pydyf.Array([]), "Pg": item["Pg"],
                                     "P": item.reference})
            pdf.add_object(body)
            kids.append(body.reference)
        body["K"].append(kid)
        if found is not None:
            found["P"] = body.reference
        elif isinstance(kid, int):     # a marked-content id: its parent is now the body
            nums[kid] = body.reference
    item["K"] = pydyf.Array(kids)


def structure_of(pdf: pydyf.PDF, kid) -> pydyf.Dictionary | None:
    """The structure element a kid reference (b"12 0 R") names, or None for a marked
    content id or any other object."""
    if not isinstance(kid, bytes):
        return None
    found = pdf.objects[int(kid.split()[0])]
    return found if isinstance(found, pydyf.Dictionary) and found.get("Type") == \
        "/StructElem" else None


def repair_structure_tags() -> None:
    """Installs the wrapper (once per process); rendering calls it before the first PDF."""
    if tags._build_box_tree is not _build_repaired:
        tags._build_box_tree = _build_repaired
