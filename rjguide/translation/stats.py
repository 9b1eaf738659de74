"""`make stats`: how far each module is translated, honestly counted.

Fuzzy never counts as translated; a translation identical to its source counts only where
there is nothing to translate (see checks.consistency.untranslatable). Figures are taken
against fresh templates of the current source, never against possibly stale catalogues.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message
from babel.numbers import format_percent

from rjguide import fingerprint
from rjguide.checks.consistency import untranslatable
from rjguide.checks.runner import message_errors
from rjguide.library.catalogs import Counts, document_counts, read_catalog, template_path
from rjguide.library.ledger import State, load_ledger, review_dir, state_of
from rjguide.library.modules import load_modules
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.library.termbase import Termbase, load_termbase
from rjguide.stamps import Stamps, digest, files_digest

LIBRARY_PAGES = "(library pages)"


@dataclass(frozen=True)
class Progress:
    module: str          # a module id, or LIBRARY_PAGES for the pages outside modules
    language: str
    counts: Counts
    approved: int = 0    # messages whose current translation the working group approved
    requested: int = 0   # messages with an open change request

    @property
    def approved_share(self) -> float:
        return self.approved / self.counts.total if self.counts.total else 1.0


def review_counts(project: Project, docname: str, language: str,
                  roster: Roster) -> tuple[int, int]:
    """How many of a page's messages are approved, and how many have an open change request,
    by the valid decisions of the ledger on the current source and translation."""
    template_file = template_path(project, docname)
    po = project.catalog_path(language, docname)
    if not review_dir(project, language, docname).is_dir() or not template_file.is_file() \
            or not po.is_file():
        return 0, 0
    ledger = load_ledger(project, language, docname, roster)
    catalog = read_catalog(po, locale=language)
    states = [state_of(catalog.get(m.id), ledger.on(catalog.get(m.id)))
              for m in read_catalog(template_file) if m.id]
    return states.count(State.APPROVED), states.count(State.REQUESTED)


def page_groups(project: Project) -> dict[str, list[str]]:
    """Every page, grouped by module; the pages outside modules form one group."""
    modules, _ = load_modules(project)
    groups = {module.id: [] for module in modules}
    groups[LIBRARY_PAGES] = []
    for docname in project.docnames:
        parts = docname.split("/")
        if len(parts) > 2 and parts[0] == "modules" and parts[1] in groups:
            groups[parts[1]].append(docname)
        else:
            groups[LIBRARY_PAGES].append(docname)
    return groups


def untranslatable_in(termbase: Termbase, project: Project,
                      language: str) -> Callable[[str], bool]:
    def check(message_id: str) -> bool:
        return untranslatable(message_id, language, termbase, project.source_language)
    return check


def withheld_in(termbase: Termbase, project: Project, language: str) -> Callable[[Message], bool]:
    """Whether the build leaves a translation out because `make check` rejects it."""
    def check(message: Message) -> bool:
        return bool(message_errors(message, language, project.source_language, termbase))
    return check


@dataclass(frozen=True)
class PageCounts:
    """The figures of one page in one language: what the page's banner shows."""

    docname: str
    language: str
    counts: Counts
    approved: int
    requested: int = 0


def page_counts(project: Project, termbase: Termbase | None = None,
                languages: tuple[str, ...] | None = None) -> list[PageCounts]:
    """Every page's figures in every target language (or those named), counted once and
    remembered until a catalogue, template, ledger, the glossary or the tool changes."""
    termbase = termbase or load_termbase(project)[0]
    cache = CountsCache(project)
    roster = Roster.load(project)
    pages = []
    for language in languages or project.target_languages:
        untranslatable_here = untranslatable_in(termbase, project, language)
        withheld_here = withheld_in(termbase, project, language)
        for docname in project.docnames:
            page = cache.get(docname, language)
            if page is None:
                counts = document_counts(project, docname, language, untranslatable_here,
                                         withheld_here)
                approved, requested = review_counts(project, docname, language, roster)
                page = PageCounts(docname, language, counts, approved, requested)
                cache.put(page)
            pages.append(page)
    return pages


def progress(project: Project, termbase: Termbase | None = None) -> list[Progress]:
    """The figures of each module (and of the library's own pages) per language: the sums
    of its pages' figures."""
    by_page = {(p.docname, p.language): p for p in page_counts(project, termbase)}
    rows = []
    for group, docnames in page_groups(project).items():
        for language in project.target_languages:
            pages = [by_page[(docname, language)] for docname in docnames]
            rows.append(Progress(group, language, sum((p.counts for p in pages), Counts()),
                                 sum(p.approved for p in pages),
                                 sum(p.requested for p in pages)))
    return rows


def contents(path: Path) -> bytes:
    """A file's bytes, or none if it is not there (or was removed while being read)."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return b""


class CountsCache:
    """Counts of one page in one language, remembered against the digest of the files
    they were counted from (template, catalogue, ledger, roster, glossary, tool)."""

    def __init__(self, project: Project):
        self.project = project
        self.stamps = Stamps(project.cache_dir / "stamps" / "counts")
        self.base = fingerprint() + files_digest(
            [*sorted((project.glossary_dir / "concepts").glob("*.yaml")),
             project.root / "locale" / "reviewers.yaml"])

    def _key(self, docname: str, language: str) -> str:
        ledger = review_dir(self.project, language, docname)
        files = [template_path(self.project, docname),
                 self.project.catalog_path(language, docname),
                 *(sorted(ledger.glob("*.yaml")) if ledger.is_dir() else [])]
        return digest(self.base, *(part for p in files for part in (p.name, contents(p))))

    def get(self, docname: str, language: str) -> PageCounts | None:
        data = self.stamps.get(f"{language}/{docname}", self._key(docname, language))
        if data is None:
            return None
        return PageCounts(docname, language, Counts(*data["counts"]), data["approved"],
                          data["requested"])

    def put(self, page: PageCounts) -> None:
        self.stamps.put(f"{page.language}/{page.docname}",
                        self._key(page.docname, page.language),
                        {"counts": list(page.counts._fields()), "approved": page.approved,
                         "requested": page.requested})


def language_totals(rows: list[Progress]) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for row in rows:
        totals[row.language] = totals.get(row.language, Counts()) + row.counts
    return totals


def percent_text(share: float, language: str = "en") -> str:
    """A share as a reader sees it, in their language: rounded down to a whole percent, so
    "100 %" means everything and a page with one message missing never claims it."""
    return format_percent(math.floor(share * 100 + 1e-9) / 100, locale=language)


def percent(share: float) -> str:
    return percent_text(share)


def table(rows: list[Progress]) -> str:
    header = ("module", "lang", "translated", "fuzzy", "untransl.", "messages", "words",
              "share", "approved", "changes req.")
    lines = [header]
    for row in rows:
        c = row.counts
        lines.append((row.module, row.language, str(c.translated), str(c.fuzzy),
                      str(c.untranslated), str(c.total), f"{c.translated_words}/{c.words}",
                      percent(c.share), percent(row.approved_share), str(row.requested)))
    approved = {lang: sum(r.approved for r in rows if r.language == lang)
                for lang in dict.fromkeys(r.language for r in rows)}
    requested = {lang: sum(r.requested for r in rows if r.language == lang)
                 for lang in approved}
    for language, c in language_totals(rows).items():
        lines.append(("all", language, str(c.translated), str(c.fuzzy), str(c.untranslated),
                      str(c.total), f"{c.translated_words}/{c.words}", percent(c.share),
                      percent(approved[language] / c.total if c.total else 1.0),
                      str(requested[language])))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
                     for line in lines)


def counts_json(c: Counts) -> dict:
    return {
        "messages": {"total": c.total, "translated": c.translated, "fuzzy": c.fuzzy,
                     "untranslated": c.untranslated},
        "words": {"total": c.words, "translated": c.translated_words, "fuzzy": c.fuzzy_words,
                  "untranslated": c.untranslated_words},
        "share": round(c.share, 4),
    }


def write_json(rows: list[Progress], path: Path) -> None:
    data = {
        "modules": [{"module": r.module, "language": r.language, **counts_json(r.counts),
                     "approved": r.approved, "approved_share": round(r.approved_share, 4),
                     "changes_requested": r.requested}
                    for r in rows],
        "languages": {lang: counts_json(c) for lang, c in language_totals(rows).items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def below_threshold(rows: list[Progress], thresholds: dict[str, float]) -> list[str]:
    """Sentences for each language under its required share (percent)."""
    totals = language_totals(rows)
    problems = []
    for language, required in thresholds.items():
        share = totals[language].share * 100 if language in totals else 0.0
        if share < required:
            problems.append(f"{language} is {share:.1f} % translated, under the {required:g} % "
                            "required")
    return problems
