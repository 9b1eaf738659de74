"""`make check`: every check on sources, catalogues and the glossary, run by one loop.

A message check is a function from one translated catalogue entry to issues; adding a
check means adding one function to MESSAGE_CHECKS (and its tests), nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from babel.messages.catalog import Message

from rjguide.checks import (
    consistency,
    links,
    markup,
    requests,
    structure,
    terminology,
    text,
)
from rjguide.checks.model import Entry, Issue
from rjguide.checks.po_syntax import check_syntax
from rjguide.findings import Finding, relative
from rjguide.library.catalogs import REVIEW_DOMAIN, UI_DOMAIN, read_catalog
from rjguide.library.modules import FRONT_MATTER, load_modules
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.library.termbase import Termbase, load_termbase


@dataclass(frozen=True)
class Suppression:
    path: str
    line: int | None
    check: str
    concept: str
    message: str


MessageCheck = Callable[[Entry, Termbase], Iterable[Issue]]


def terminology_check(entry: Entry, termbase: Termbase) -> Iterable[Issue]:
    for issue in terminology.translation_issues(entry.source, entry.translation, termbase,
                                                entry.source_language, entry.language):
        yield Issue(terminology.CHECK, issue.severity, issue.message, issue.concept)


def without_termbase(check: Callable[[Entry], Iterable[Issue]]) -> MessageCheck:
    def run(entry: Entry, termbase: Termbase) -> Iterable[Issue]:
        return check(entry)
    run.__name__ = check.__name__
    return run


MESSAGE_CHECKS: list[MessageCheck] = [
    *(without_termbase(check) for check in markup.CHECKS + links.CHECKS + structure.CHECKS
      + text.CHECKS),
    consistency.same_as_source,
    terminology_check,
]


@dataclass
class CheckResult:
    findings: list[Finding]
    suppressions: list[Suppression]

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "errors": sum(f.severity == "error" for f in self.findings),
            "warnings": sum(f.severity == "warning" for f in self.findings),
            "findings": [asdict(f) for f in sorted(self.findings)],
            "suppressions": [asdict(s) for s in self.suppressions],
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check_entry(entry: Entry, termbase: Termbase,
                checks: list[MessageCheck] = MESSAGE_CHECKS) -> CheckResult:
    findings, suppressions = [], []
    allowed = terminology.suppressed_concepts(list(entry.comments))
    for check in checks:
        for issue in check(entry, termbase):
            if issue.concept and issue.concept in allowed:
                suppressions.append(Suppression(entry.path, entry.line, issue.check,
                                                issue.concept, issue.message))
            else:
                findings.append(Finding(entry.path, entry.line, issue.severity, issue.check,
                                        issue.message))
    for concept in sorted(allowed - {s.concept for s in suppressions}):
        findings.append(Finding(entry.path, entry.line, "warning", terminology.CHECK,
                                f"'terminology-ok: {concept}' silences nothing here; remove it"))
    return CheckResult(findings, suppressions)


def message_errors(message: Message, language: str, source_language: str,
                   termbase: Termbase, path: str = "") -> list[Finding]:
    """The errors `make check` finds in one translated message: the build withholds a
    message that has any, and no figure counts it as translated."""
    if not message.id or not message.string or message.fuzzy or isinstance(message.id, tuple):
        return []
    entry = Entry(message.id, message.string, language, source_language,
                  tuple(message.user_comments), path, message.lineno)
    return [f for f in check_entry(entry, termbase).findings if f.severity == "error"]


def catalogue_entries(project: Project, po: Path, language: str) -> Iterable[Entry]:
    catalog = read_catalog(po, locale=language)
    shown = relative(po, project.root)
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            continue  # plural forms: interface strings only, checked by msgfmt
        yield Entry(message.id, message.string, language, project.source_language,
                    tuple(message.user_comments), shown, message.lineno)


def source_lines(path: Path) -> Iterable[tuple[int, str]]:
    """A page's lines outside front matter and code blocks, with their numbers."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    skip = match.group(0).count("\n") if match else 0
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        if number <= skip:
            continue
        stripped = line.lstrip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        yield number, line


def check_sources(project: Project, termbase: Termbase) -> list[Finding]:
    findings = []
    for docname in project.docnames:
        path = project.source_path(docname)
        for number, line in source_lines(path):
            for issue in terminology.source_issues(line, termbase, project.source_language):
                findings.append(Finding(relative(path, project.root), number, issue.severity,
                                        terminology.CHECK, issue.message))
    return findings


def check_project(project: Project) -> CheckResult:
    _modules, findings = load_modules(project)
    termbase, termbase_findings = load_termbase(project)
    findings += termbase_findings
    result = CheckResult(findings, [])
    result.findings += check_sources(project, termbase)
    entries: list[Entry] = []
    for language in project.target_languages:
        for po in sorted(project.catalog_dir(language).rglob("*.po")):
            syntax = check_syntax(po, project.root, language)
            result.findings += syntax
            if syntax or is_ui_catalogue(project, po, language):
                continue
            for entry in catalogue_entries(project, po, language):
                entries.append(entry)
                entry_result = check_entry(entry, termbase)
                result.findings += entry_result.findings
                result.suppressions += entry_result.suppressions
    result.findings += consistency.inconsistent(entries)
    roster = Roster.load(project)
    for language in project.target_languages:
        for docname in project.docnames:
            result.findings += requests.review_findings(project, language, docname, roster)
    return result


def is_ui_catalogue(project: Project, po: Path, language: str) -> bool:
    """The interface catalogue holds format strings and HTML of Sphinx's; msgfmt checks it."""
    return po in (project.catalog_path(language, UI_DOMAIN),
                  project.catalog_path(language, REVIEW_DOMAIN))
