"""`make check`: every check on sources, catalogues and the glossary, run by one loop.

A message check is a function from one translated catalogue entry to issues; adding a
check means adding one function to MESSAGE_CHECKS (and its tests), nothing else.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from rjguide.checks import (
    balance,
    blocks,
    consistency,
    length,
    links,
    markup,
    negation,
    pairing,
    repeats,
    requests,
    standard,
    structure,
    terminology,
    text,
)
from rjguide.checks.model import Entry, Issue
from rjguide.checks.po_syntax import check_syntax
from rjguide.findings import Finding, has_errors, relative
from rjguide.library.catalogs import REVIEW_DOMAIN, UI_DOMAIN, read_catalog
from rjguide.library.modules import FRONT_MATTER, load_modules
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.library.termbase import Termbase, load_termbase


@dataclass(frozen=True)
class Suppression:
    """A finding a translator silenced for one entry, with the reason they gave."""

    path: str
    line: int | None
    check: str
    concept: str   # for terminology: the concept named; else ""
    message: str
    reason: str = ""


# A translator comment `# <check>-ok: <reason>` silences that check for its entry;
# terminology names the concept first: `# terminology-ok: <concept-id> <reason>`.
OK_COMMENT = re.compile(r"^\s*(?P<check>[a-z][a-z0-9-]*?)-ok:\s*(?P<rest>.*)$")


OWN_COMMENTS = ("memory:",)   # translator comments `make po` writes


@dataclass(frozen=True)
class Silencer:
    check: str
    concept: str
    reason: str


def silencers(comments: tuple[str, ...]) -> list[Silencer]:
    """The silencing comments of an entry; a reason may go on over the next comment lines
    (up to another silencer, or a comment of `make po`'s own, such as the memory's)."""
    found: list[Silencer] = []
    continues = False
    for comment in comments:
        match = OK_COMMENT.match(comment)
        if not match:
            if continues and comment.strip() and not comment.startswith(OWN_COMMENTS):
                last = found[-1]
                found[-1] = Silencer(last.check, last.concept,
                                     f"{last.reason} {comment.strip()}".strip())
            else:
                continues = False
            continue
        rest = match["rest"].strip()
        if match["check"] == terminology.CHECK:
            concept, _, reason = rest.partition(" ")
            found.append(Silencer(terminology.CHECK, concept, reason.strip()))
        else:
            found.append(Silencer(match["check"], "", rest))
        continues = True
    return found


def silences(silencer: Silencer, issue: Issue) -> bool:
    if silencer.check != issue.check:
        return False
    return issue.check != terminology.CHECK or silencer.concept == (issue.concept or "")


def first_words(source: str, width: int = 48) -> str:
    """The start of the English message, as findings quote it (Poedit shows no lines)."""
    words = " ".join(source.split())
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"


MessageCheck = Callable[[Entry, Termbase], Iterable[Issue]]


def terminology_check(entry: Entry, termbase: Termbase) -> Iterable[Issue]:
    for issue in terminology.translation_issues(entry.source, entry.translation, termbase,
                                                entry.source_language, entry.language):
        yield Issue(terminology.CHECK, issue.severity, issue.message, issue.concept,
                    issue.silenceable)


def without_termbase(check: Callable[[Entry], Iterable[Issue]]) -> MessageCheck:
    def run(entry: Entry, termbase: Termbase) -> Iterable[Issue]:
        return check(entry)
    run.__name__ = check.__name__
    return run


MESSAGE_CHECKS: list[MessageCheck] = [
    *(without_termbase(check) for check in markup.CHECKS + links.CHECKS + pairing.CHECKS
      + structure.CHECKS + blocks.CHECKS + text.CHECKS + balance.CHECKS + length.CHECKS
      + repeats.CHECKS + negation.CHECKS + standard.CHECKS),
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
    quoted = f"«{first_words(entry.source)}»"

    def finding(severity: str, check: str, message: str) -> Finding:
        return Finding(entry.path, entry.line, severity, check, f"{quoted}: {message}")

    wanted = silencers(entry.comments)
    used: set[Silencer] = set()
    for check in checks:
        for issue in check(entry, termbase):
            silencer = next((s for s in wanted if silences(s, issue)), None)
            if silencer is not None and issue.silenceable and silencer.reason:
                used.add(silencer)
                suppressions.append(Suppression(entry.path, entry.line, issue.check,
                                                silencer.concept, issue.message,
                                                silencer.reason))
                continue
            message = issue.message
            if silencer is not None and not issue.silenceable:
                used.add(silencer)
                message += "; a forbidden term cannot be silenced: remove the comment"
            findings.append(finding(issue.severity, issue.check, message))
    for silencer in wanted:
        name = f"{silencer.check}-ok" + (f": {silencer.concept}" if silencer.concept else "")
        if not silencer.reason:
            findings.append(finding("warning", silencer.check, f"'{name}' gives no reason; "
                                    "say why the finding is wrong here"))
        elif silencer not in used:
            findings.append(finding("warning", silencer.check,
                                    f"'{name}' silences nothing here; remove it"))
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


def catalogue_entries(project: Project, po: Path, language: str,
                      catalog: Catalog | None = None) -> Iterable[Entry]:
    catalog = catalog if catalog is not None else read_catalog(po, locale=language)
    shown = relative(po, project.root)
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            continue  # plural forms: interface strings only, checked by msgfmt
        yield Entry(message.id, message.string, language, project.source_language,
                    tuple(message.user_comments), shown, message.lineno)


def readable_part(po: Path, language: str) -> Catalog:
    """The entries Babel can still read in a catalogue that msgfmt rejects (Babel prints
    what it skips; the findings of msgfmt already say it)."""
    with contextlib.redirect_stdout(io.StringIO()), po.open("rb") as handle:
        try:
            return read_po(handle, locale=language, abort_invalid=False)
        except (ValueError, UnicodeDecodeError):
            return Catalog(locale=language)


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
            if is_ui_catalogue(project, po, language):
                continue
            catalog = None
            if has_errors(syntax):  # what msgfmt rejects must not hide the rest
                catalog = readable_part(po, language)
                result.findings.append(Finding(
                    relative(po, project.root), None, "warning", "po-syntax",
                    f"checked only in part: the {len(catalog)} "
                    f"{'entry' if len(catalog) == 1 else 'entries'} Babel could read were "
                    "checked; fix the errors above, then run make check again"))
            for entry in catalogue_entries(project, po, language, catalog):
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
