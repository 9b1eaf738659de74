"""Print documents, assembled from the built site's pages in one language.

A facilitator guide is a module's main page and its handouts; a handout is one handout
page with the notes for the facilitator left out; the handbook is every module and the
glossary. Links that lead outside the document become plain text, ids are made unique
per document, and headings stay in order (handouts are sections of the guide).
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from babel.dates import format_date
from lxml import html as lxml_html

from rjguide.findings import BuildError, Finding
from rjguide.library.labels import language_name, library_title, status_label
from rjguide.library.modules import Module
from rjguide.print.fonts import FAMILIES, font_face_css
from rjguide.print.forms import add_answer_fields, form_kind, make_fillable
from rjguide.templating import render, templates_of
from rjguide.translation.stats import percent_text

TEMPLATES = templates_of(__file__)

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Page:
    """One built page's content, ready to be placed in a print document."""

    docname: str
    source: str            # the source file, for diagnostics
    content: lxml_html.HtmlElement
    location: Path | None = None   # the built page's file, against which links resolve


RESOURCES = ".//img/@src | .//source/@src | .//object/@data | .//link/@href | " \
            ".//video/@src | .//audio/@src | .//embed/@src | .//image/@href"


def outside_references(page: Page, root: Path) -> list[Finding]:
    """Resources a page would make the renderer read from outside the project tree."""
    findings = []
    for url in page.content.xpath(RESOURCES):
        parsed = urlparse(url)
        if parsed.scheme == "data":
            continue
        if parsed.scheme not in ("", "file") or parsed.netloc:
            where = url
        else:
            path = Path(unquote(parsed.path))
            if not path.is_absolute() and page.location is not None:
                path = page.location.parent / path
            if path.resolve().is_relative_to(root.resolve()):
                continue
            where = str(path.resolve())
        findings.append(Finding(page.source, None, "error", "pdf",
                                f"'{where}' is outside the project: a printed document may "
                                "use only files inside the project (nothing was fetched)"))
    return findings


@dataclass(frozen=True)
class Cover:
    kind: str              # "Facilitator guide", "Participant handout", "Handbook", translated
    title: str
    language: str
    version: str | None
    status: str | None     # a module status (draft, review, approved) or None
    date: dt.datetime
    translated: float = 1.0    # the share of its text in `language`; the rest is English
    compact: bool = False      # a handout: a header on page 1, no cover or contents page
    module_title: str | None = None   # the module it belongs to, named in that header


def read_page(site: Path, docname: str, source: str) -> Page:
    tree = lxml_html.parse(str(site / f"{docname}.html")).getroot()
    found = tree.xpath("//div[@class='rj-content']")
    if not found:
        raise BuildError([Finding(source, None, "error", "pdf",
                                  f"the built page {docname}.html has no content area")])
    return Page(docname, source, found[0], site / f"{docname}.html")


def prepare(page: Page, prefix: str, *, participant: bool, demote: int,
            in_document: set[str]) -> lxml_html.HtmlElement:
    """A copy of the page's content made fit for print."""
    content = copy.deepcopy(page.content)
    for element in content.xpath(".//a[contains(@class,'headerlink')] | "
                                 ".//span[contains(@class,'rj-term-tip')] | "
                                 ".//div[contains(@class,'toctree-wrapper')]"):
        element.drop_tree()
    if participant:
        for note in content.xpath(".//*[contains(@class,'rj-facilitator-note')]"):
            note.drop_tree()
        make_fillable(content, prefix)   # the participant's copy is a form
        kind = form_kind(page.docname)
        if kind:
            add_answer_fields(content, prefix, kind)
    for image in content.iter("img"):
        if not (image.get("alt") or "").strip():
            raise BuildError([Finding(page.source, None, "error", "pdf",
                                      f"the image {image.get('src')} has no alternative text; "
                                      "add one (![what it shows](file))")])
    if page.location is not None:
        for attribute in content.xpath(RESOURCES):
            parsed = urlparse(attribute)
            if parsed.scheme or parsed.netloc or attribute.startswith("/"):
                continue
            # Resolved against the page it came from, as in the site, not the print document.
            element = attribute.getparent()
            element.set(attribute.attrname,
                        (page.location.parent / unquote(parsed.path)).resolve().as_uri())
    for element in content.xpath(".//*[@id]"):
        element.set("id", f"{prefix}{element.get('id')}")
    for link in content.iter("a"):
        href = link.get("href") or ""
        if href.startswith(("http://", "https://", "mailto:")):
            continue
        target = href.split("#", 1)
        page_part = target[0].removesuffix(".html")
        anchor = target[1] if len(target) > 1 else ""
        local = page_part == "" or page_part.endswith(page.docname.rsplit("/", 1)[-1])
        if local and anchor and f"{prefix}{anchor}" in in_document:
            link.set("href", f"#{prefix}{anchor}")
        else:
            link.drop_tag()  # leads outside this document: keep the words
    for lead_in in content.xpath(".//p[following-sibling::*[1][contains(@class,'rj-block')]]"):
        lead_in.set("class", f"{lead_in.get('class', '')} rj-lead-in".strip())
    if demote:
        for heading in content.xpath(".//h1|.//h2|.//h3|.//h4|.//h5"):
            heading.tag = HEADINGS[min(HEADINGS.index(heading.tag) + demote, 5)]
    return content


def ids_of(page: Page, prefix: str) -> set[str]:
    return {f"{prefix}{e.get('id')}" for e in page.content.xpath(".//*[@id]")}


def assemble(pages: list[tuple[Page, bool, int]], cover: Cover, gettext) -> str:
    """The print HTML: cover, contents with page numbers, then the pages in order.
    `pages` holds (page, participant version, heading demotion)."""
    prefixes = [f"d{number}-" for number in range(len(pages))]
    in_document = set().union(*(ids_of(p, prefix) for (p, _, _), prefix in zip(pages, prefixes,
                                                                                 strict=True)))
    sections = []
    for (page, participant, demote), prefix in zip(pages, prefixes, strict=True):
        content = prepare(page, prefix, participant=participant, demote=demote,
                          in_document=in_document)
        sections.append(content)
    contents = []
    for section in sections:
        for heading in section.xpath(".//h1|.//h2"):
            anchor = heading.get("id") or heading.getparent().get("id")
            if anchor:
                contents.append((heading.tag, heading.text_content().strip(), anchor))
    body = "\n".join(lxml_html.tostring(s, encoding="unicode") for s in sections)
    language = cover.language
    return render(TEMPLATES, "print.html", gettext,
        cover=cover, body=body, contents=contents, language=language,
        language_name=language_name(language if cover.translated > 0 else "en"),
        library=library_title(gettext), translation_note=translation_note(cover, gettext),
        date=format_date(cover.date, format="long", locale=language),
        status=status_label(cover.status, gettext) if cover.status else None,
        draft=cover.status is not None and cover.status != "approved",
        css=print_css(gettext, cover), families=FAMILIES,
    )


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_counter(template: str) -> str:
    """'Side %(page)s av %(pages)s' as CSS content with the page counters in place."""
    parts = []
    rest = template
    while rest:
        positions = [(rest.find(m), m) for m in ("%(page)s", "%(pages)s") if m in rest]
        if not positions:
            parts.append(css_string(rest))
            break
        index, marker = min(positions)
        if index:
            parts.append(css_string(rest[:index]))
        parts.append("counter(page)" if marker == "%(page)s" else "counter(pages)")
        rest = rest[index + len(marker):]
    return " ".join(parts)


def print_css(gettext, cover: Cover) -> str:
    css = (TEMPLATES / "print.css").read_text(encoding="utf-8")
    draft = cover.status is not None and cover.status != "approved"
    return "\n".join([
        font_face_css(),
        css,
        # A cover page carries no running header or page number; a handout's first page
        # (its compact header) does.
        "" if cover.compact else
        "@page :first { @top-left { content: none; } @bottom-right { content: none; } }",
        "@page { @bottom-right { content: "
        + page_counter(gettext("Page %(page)s of %(pages)s")) + "; } }",
        "@page { @top-left { content: " + css_string(cover.title) + "; } }",
        ("@page { @top-right { content: " + css_string(gettext("DRAFT")) + "; "
         "color: #b00020; font-weight: 700; letter-spacing: .1em; } }") if draft else "",
    ])


def module_cover(module: Module, kind: str, title: str, language: str,
                 date: dt.datetime, translated: float = 1.0, *,
                 module_title: str | None = None) -> Cover:
    """A module document's cover; with `module_title`, the compact header of a handout
    that belongs to that module."""
    return Cover(kind, title, language, module.version, module.status_in(language), date,
                 translated, compact=module_title is not None, module_title=module_title)


def translation_note(cover: Cover, gettext) -> str | None:
    """What the cover says when the text is not (all) in the cover's language."""
    if cover.translated >= 1.0:
        return None
    if cover.translated == 0:
        return gettext("Not translated yet: the text of this document is in English.")
    return gettext("Partly translated (%(percent)s): the text not yet translated is in "
                   "English and marked with a dashed line.") % {
        "percent": percent_text(cover.translated, cover.language)}
