"""Which printed documents the library has, where each goes, and what it is made of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import builder as E

from rjguide.findings import Finding, relative
from rjguide.library.catalogs import Counts
from rjguide.library.labels import language_name
from rjguide.library.modules import Module, handout_docnames, load_modules
from rjguide.library.project import Project
from rjguide.library.termbase import Concept
from rjguide.print.documents import (
    RESOURCES,
    Cover,
    Page,
    assemble,
    module_cover,
    outside_references,
    read_page,
)
from rjguide.print.render import PdfJob
from rjguide.stamps import Stamps, digest
from rjguide.translation.stats import page_counts
from rjguide.translation.ui import ui_translations


@dataclass(frozen=True)
class Download:
    """One printed document of one language."""

    kind: str                 # "guide", "handout" or "handbook"
    language: str
    module: Module | None
    docname: str | None       # the handout's page, for handouts
    path: Path                # relative to the downloads folder
    title: str
    translated: float = 1.0   # the share of its text in `language`; the rest is English


def downloads_dir(project: Project) -> Path:
    """Where downloads are made before the build publishes them."""
    return project.cache_dir / "downloads"


def guide_path(language: str, module: Module) -> Path:
    return Path(language) / f"{module.id}.pdf"


def handout_path(language: str, module: Module, docname: str) -> Path:
    return Path(language) / module.id / f"{docname.rsplit('/', 1)[-1]}.pdf"


def handbook_path(language: str) -> Path:
    return Path(language) / "handbook.pdf"


def page_title(page: Page) -> str:
    headings = page.content.xpath(".//h1")
    if not headings:
        return page.docname
    words = [t for t in headings[0].xpath("text()|*[not(contains(@class,'headerlink'))]//text()")]
    return "".join(words).strip()


@dataclass
class PdfSpec:
    """What one PDF is made of; assembled into print HTML only when it must be rendered."""

    download: Download
    pages: list[tuple[Page, bool, int]]
    cover: Cover
    gettext: Callable[[str], str]
    base_url: str
    output: Path

    def key(self, tool: str, extra: bytes = b"") -> str:
        """A digest of every input: the built pages, the cover, the interface catalogue."""
        parts: list[bytes | str] = [tool, repr(self.cover), extra]
        for page, participant, demote in self.pages:
            parts.append(f"{page.docname}:{participant}:{demote}")
            # Only the page's content: the site's navigation around it is not printed.
            parts.append(lxml_html.tostring(page.content))
            if page.location is None:
                continue
            for url in page.content.xpath(RESOURCES):  # images change without the page
                path = page.location.parent / url
                if "://" not in url and path.is_file():
                    parts.append(path.read_bytes())
        return digest(*parts)

    def job(self) -> PdfJob:
        return PdfJob(assemble(self.pages, self.cover, self.gettext), self.base_url,
                      self.output, tuple(page.source for page, _, _ in self.pages))


def plan(project: Project, site_cache: Path, date: dt.datetime) -> tuple[list[Download],
                                                                          list[PdfSpec]]:
    """Every download of every language, with what it is made of."""
    modules, _ = load_modules(project)
    downloads: list[Download] = []
    jobs: list[PdfSpec] = []

    def source_of(docname: str) -> str:
        return relative(project.source_path(docname), project.root)

    figures = {(p.docname, p.language): p.counts for p in page_counts(project)}

    def translated(language: str, pages: list[Page]) -> float:
        """The share of the document's text that is in `language` (the source: all)."""
        counts = sum((figures.get((page.docname, language), Counts()) for page in pages),
                     Counts())
        return 1.0 if language == project.source_language or not counts.total \
            else counts.share

    for language in project.languages:
        site = site_cache / language
        gettext = ui_translations(project, language).gettext
        base_url = site.as_uri() + "/"
        handbook_pages: list[tuple[Page, bool, int]] = []
        # The ground rules and consent note every first session opens with: in each guide,
        # after its handouts, and once in the handbook.
        frame = [read_page(site, SAFETY_FRAME, source_of(SAFETY_FRAME))] \
            if (site / f"{SAFETY_FRAME}.html").is_file() else []
        handbook_pages += [(page, False, 0) for page in frame]
        for module in modules:
            main = read_page(site, module.docname, source_of(module.docname))
            handouts = [read_page(site, d, source_of(d)) for d in handout_docnames(project,
                                                                                     module)]
            title = page_title(main)
            guide_pages = [(main, False, 0)] + [(h, False, 1) for h in handouts]
            handbook_pages += guide_pages
            guide_pages += [(page, False, 1) for page in frame]
            cover = module_cover(module, gettext("Facilitator guide"), title, language, date,
                                 translated(language, [main, *handouts, *frame]))
            download = Download("guide", language, module, None, guide_path(language, module),
                                title, cover.translated)
            downloads.append(download)
            jobs.append(spec(project, guide_pages, cover, gettext, base_url, download))
            for handout in handouts:
                handout_title = page_title(handout)
                cover = module_cover(module, gettext("Participant handout"), handout_title,
                                     language, date, translated(language, [handout]),
                                     module_title=title)
                download = Download("handout", language, module, handout.docname,
                                    handout_path(language, module, handout.docname),
                                    handout_title, cover.translated)
                downloads.append(download)
                jobs.append(spec(project, [(handout, True, 0)], cover, gettext, base_url,
                                 download))
        glossary = site / "glossary.html"
        if glossary.is_file():
            handbook_pages.append((read_page(site, "glossary", source_of("glossary")), False, 0))
        cover = Cover(gettext("Handbook"), gettext("Restorative process guidance library"),
                      language, None, None, date,
                      translated(language, [page for page, _, _ in handbook_pages]))
        download = Download("handbook", language, None, None, handbook_path(language),
                            cover.title, cover.translated)
        downloads.append(download)
        jobs.append(spec(project, handbook_pages, cover, gettext, base_url, download))
    return downloads, jobs


SAFETY_FRAME = "safety-frame"   # the library page of ground rules, confidentiality, consent


def check_references(project: Project, site_cache: Path) -> list[Finding]:
    """Before anything is rendered: no page may point the renderer outside the project."""
    findings = []
    stamps = Stamps(project.cache_dir / "stamps" / "references")
    for language in project.languages:
        for docname in project.docnames:
            built = site_cache / language / f"{docname}.html"
            if not built.is_file():
                continue
            key = digest(str(project.root), built.read_bytes())
            remembered = stamps.findings(f"{language}/{docname}", key)
            if remembered is None:
                page = read_page(site_cache / language, docname,
                                 relative(project.source_path(docname), project.root))
                remembered = outside_references(page, project.root)
                stamps.remember(f"{language}/{docname}", key, remembered)
            findings += remembered
    return list(dict.fromkeys(findings))


def excerpt_path(language: str, module: Module) -> Path:
    return Path(language) / module.id / "glossary.pdf"


def glossary_excerpt(project: Project, module: Module, language: str, title: str,
                     concepts: list[Concept], date: dt.datetime) -> tuple[Download, PdfSpec]:
    """A PDF of the glossary terms a module uses, in the language with the English term."""
    gettext = ui_translations(project, language).gettext
    content = E.DIV(E.H1(gettext("Glossary") + ": " + title, id="glossary"))
    terms = E.DL(CLASS="rj-glossary")
    for concept in concepts:
        entry = concept.entry(language)
        terms.append(E.DT(entry.preferred.text))
        source = concept.entry(project.source_language).preferred.text
        details = entry.definition if language == project.source_language else \
            f"{entry.definition} ({language_name(project.source_language)}: {source})"
        terms.append(E.DD(details))
    content.append(terms)
    page = Page(f"modules/{module.id}/glossary", relative(project.glossary_dir, project.root),
                content)
    cover = module_cover(module, gettext("Glossary"), title, language, date,
                         module_title=title)
    download = Download("glossary", language, module, None, excerpt_path(language, module),
                        title)
    site = project.cache_dir / "html" / language
    return download, spec(project, [(page, False, 0)], cover, gettext, site.as_uri() + "/",
                          download)


def spec(project: Project, pages: list[tuple[Page, bool, int]], cover: Cover, gettext,
         base_url: str, download: Download) -> PdfSpec:
    return PdfSpec(download, pages, cover, gettext, base_url,
                   downloads_dir(project) / download.path)
