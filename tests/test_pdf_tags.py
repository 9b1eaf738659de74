"""The structure tree of a printed list: every list item holds only its label and its body
(PDF/UA-1, veraPDF rule 7.2-20), whatever Sphinx puts in the item."""

from __future__ import annotations

from pypdf import PdfReader
from weasyprint import HTML

from rjguide.print.structure_tags import repair_structure_tags

LISTS = """<html lang="nb"><head><title>Lister</title></head><body><h1>Lister</h1>
<ul><li><p>Ett avsnitt.</p></li><li><p>To avsnitt,</p><p>i ett punkt.</p>
<ul><li><p>Et punkt under.</p></li></ul></li><li>Uten avsnitt.</li></ul>
<ol><li><p>Med <a href="https://example.org">lenke</a> og <span lang="en">English</span>.</p>
</li></ol><dl><dt>Begrep</dt><dd><p>Forklaring.</p></dd></dl></body></html>"""


def structure(node, found):
    """(tag, the tags of its element kids) of every structure element under `node`."""
    node = node.get_object()
    kids = node.get("/K", [])
    kids = [k.get_object() for k in (kids if isinstance(kids, list) else [kids])]
    elements = [k for k in kids if hasattr(k, "get") and "/S" in k]
    if "/S" in node:
        found.append((node["/S"], [k["/S"] for k in elements]))
    for kid in elements:
        structure(kid, found)
    return found


def test_every_list_item_holds_only_its_label_and_body(tmp_path):
    repair_structure_tags()
    pdf = tmp_path / "lists.pdf"
    HTML(string=LISTS).write_pdf(pdf, pdf_variant="pdf/ua-1")
    root = PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]
    elements = structure(root, [])
    items = [kids for tag, kids in elements if tag == "/LI"]
    assert len(items) >= 6
    for kids in items:
        assert set(kids) <= {"/Lbl", "/LBody"} and "/LBody" in kids, kids
    bodies = [kids for tag, kids in elements if tag == "/LBody"]
    assert any(kids.count("/P") == 2 for kids in bodies)   # two paragraphs, one body
    assert any(tag == "/Link" for tag, _kids in elements)   # the link kept its tag
