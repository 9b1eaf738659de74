"""A participant's handout as a form: each empty cell of a table is a place to write, on
paper (a cell tall enough for handwriting) and on screen (a text field of the PDF form).

A field is named by its column and its row, as a screen reader announces it: the column's
header and the row's first cells («Før: 3. Personar som søkjer seg …»). WeasyPrint takes a
field's accessible name (`/TU`) from its `title`. Fields follow the document's order, row
by row, which is the order of the tab key.

Two kinds of handout are forms by their name: in a checklist (`handout-…-checklist`) each
question of a list gets a tick box before it; in an evaluation or a questionnaire
(`handout-evaluation`, `handout-…-questionnaire`) each question of a list gets a few
lines to write on, a multi-line field on screen.
"""

from __future__ import annotations

from lxml import html as lxml_html

WRITE_IN = "rj-write-in"


def cell_text(cell) -> str:
    return " ".join(cell.text_content().split())


def is_empty(cell) -> bool:
    return not cell_text(cell) and not cell.xpath(".//img | .//input | .//textarea")


def make_fillable(content: lxml_html.HtmlElement, prefix: str) -> int:
    """Turns the empty cells of every table into text fields; returns how many."""
    made = 0
    for number, table in enumerate(content.iter("table")):
        headers = [cell_text(th) for th in table.xpath(".//thead//th")]
        for row_number, row in enumerate(table.xpath(".//tbody/tr")):
            cells = row.xpath("./td|./th")
            # the row's first words, or its number in a table of empty rows (signatures)
            label = " ".join(cell_text(c) for c in cells[:2] if not is_empty(c)) or \
                str(row_number + 1)
            for column, cell in enumerate(cells):
                if not is_empty(cell):
                    continue
                header = headers[column] if column < len(headers) else ""
                for child in list(cell):
                    cell.remove(child)
                cell.set("class", f"{cell.get('class', '')} {WRITE_IN}".strip())
                field = lxml_html.Element("input", type="text",
                                          name=f"{prefix}t{number}-r{row_number}-c{column}",
                                          title=f"{header}: {label}" if header else label)
                field.set("class", "rj-field")
                cell.append(field)
                made += 1
    return made


def form_kind(docname: str) -> str | None:
    name = docname.rsplit("/", 1)[-1]
    if name.endswith("-checklist"):
        return "checklist"
    if name.startswith("handout-evaluation") or name.endswith("-questionnaire"):
        return "questions"
    return None


def add_answer_fields(content: lxml_html.HtmlElement, prefix: str, kind: str) -> int:
    """Tick boxes (checklist) or write-in fields (questions) for the questions of lists."""
    made = 0
    for number, item in enumerate(content.xpath(".//li")):
        text = cell_text(item)
        if not text.endswith("?") or item.xpath(".//input | .//textarea | .//li"):
            continue
        name = f"{prefix}q{number}"
        if kind == "checklist":
            box = lxml_html.Element("input", type="checkbox", name=name, title=text)
            box.set("class", "rj-tick")
            item.insert(0, box)
            item.set("class", f"{item.get('class', '')} rj-ticked".strip())
        else:
            area = lxml_html.Element("textarea", name=name, title=text)
            area.set("class", "rj-answer")
            item.append(area)
        made += 1
    return made
