"""The printed layout, read back from every published PDF: no heading at the foot of a page
without the text it introduces, and no page left 40 % empty by a box that did not fit."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.xdist_group("library")

MARGIN = 22 / 25.4 * 72     # the print stylesheet's top and bottom page margin, in points
HEADING = 11.5              # points: h2–h4 are 14, 12 and 12 pt bold; the text is 10.5 pt
CHAPTER = (19, 22)          # h1 (20 pt), which starts a new page; the cover's title is 26


def lines_of(page) -> list[tuple[float, float, str, str]]:
    """(size in points, baseline from the bottom, text, font) of each piece of text."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((size * tm[3] * cm[3], tm[5] * cm[3] + cm[5], text.strip(),
                          str(font.get("/BaseFont", "")) if font else ""))
    page.extract_text(visitor_text=visit)
    return found


def is_chapter(size: float) -> bool:
    return CHAPTER[0] <= size < CHAPTER[1]


def body(page) -> list[tuple[float, float, str, str]]:
    height = float(page.mediabox.height)   # the running header and footer left out
    return [line for line in lines_of(page) if MARGIN - 5 < line[1] < height - MARGIN + 5
            and line[0] > 7]


def layout_faults(pdf: Path) -> list[str]:
    pages = [body(page) for page in PdfReader(pdf).pages]
    heights = [float(page.mediabox.height) for page in PdfReader(pdf).pages]
    faults = []
    started = False   # the cover and the contents page are laid out on purpose
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True), 1):
        started = started or any(is_chapter(size) for size, *_ in lines) or \
            "compact" in pdf.name or pdf.name.startswith("handout-") or \
            pdf.name == "glossary.pdf"
        if not started:
            continue
        for size, y, text, font in lines:
            if size >= HEADING and "Bold" in font and y < 0.12 * height:
                faults.append(f"page {number}: the heading «{text[:40]}» at the foot")
        following = pages[number] if number < len(pages) else None
        if following is None or any(is_chapter(size) for size, *_ in following[:1]):
            continue   # the last page, or the page before a new chapter
        lowest = min((y for _size, y, *_ in lines), default=height)
        empty = (lowest - MARGIN) / (height - 2 * MARGIN)
        if empty > 0.40:
            faults.append(f"page {number}: {empty:.0%} of the page left empty")
    return faults


def test_no_heading_at_the_foot_and_no_page_left_half_empty(library):
    pdfs = sorted((library.site_dir / "downloads").rglob("*.pdf"))
    assert len(pdfs) > 50
    faults = {str(p.relative_to(library.site_dir)): layout_faults(p) for p in pdfs}
    assert {path: found for path, found in faults.items() if found} == {}
