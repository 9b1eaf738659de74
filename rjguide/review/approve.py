"""Approving translations: the checks a message must pass, then the ledger written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from rjguide.checks.model import Entry
from rjguide.checks.runner import check_entry
from rjguide.findings import BuildError, Finding, relative
from rjguide.library.approvals import (
    Approval,
    approvals_path,
    digest,
    load_approvals,
    save_approvals,
)
from rjguide.library.catalogs import read_catalog
from rjguide.library.project import Project
from rjguide.library.termbase import require_termbase


def approve(project: Project, language: str, docname: str, catalog: Catalog,
            chosen: set[str] | None, by: str, on: dt.date,
            rejected: dict[str, str]) -> list[Approval]:
    """Records approvals of the chosen messages (all when None), except those in
    `rejected` (msgid → why). Returns the approvals written."""
    path = approvals_path(project, language, docname)
    current = load_approvals(path, project.root)
    written = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple):
            continue
        if chosen is not None and message.id not in chosen:
            continue
        if message.id in rejected:
            continue
        approval = Approval(message.id, message.string, by, on)
        current[approval.source_sha256] = approval
        written.append(approval)
    order = [digest(m.id) for m in catalog if m.id and not isinstance(m.id, tuple)]
    # Approvals of a source that has since changed stay, so the change shows.
    order += [digest(m.previous_id[0]) for m in catalog if m.previous_id]
    kept = [current[h] for h in dict.fromkeys(order) if h in current]
    save_approvals(path, kept, relative(project.source_path(docname), project.root), language)
    return written


@dataclass(frozen=True)
class Refusal:
    location: str
    reason: str


LOCATION = re.compile(r"\S.*:[1-9][0-9]*")


def entry_location(shown: str, lineno: int) -> str:
    """A catalogue entry's place as the review document shows it: path:line."""
    return f"{shown}:{lineno}"


def module_locations(project: Project, language: str, docnames: list[str]) -> set[str]:
    places = set()
    for docname in docnames:
        po = project.catalog_path(language, docname)
        if po.is_file():
            shown = relative(po, project.root)
            places |= {entry_location(shown, m.lineno)
                       for m in read_catalog(po, locale=language)
                       if m.id and not isinstance(m.id, tuple)}
    return places


def read_locations(project: Project, language: str, docnames: list[str],
                   path: Path) -> set[str]:
    """The entries a `--messages` file lists, one path:line a line, each checked to be an
    entry of these pages in this language before anything is approved."""
    shown = relative(path, project.root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError([Finding(shown, None, "error", "approve",
                                  f"the messages file {shown} does not exist; check the name "
                                  "and folder, or leave out --messages to approve every "
                                  "entry of the module")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not text"
        raise BuildError([Finding(shown, None, "error", "approve",
                                  f"cannot read the messages file {shown} ({reason}); give a "
                                  "text file with one path:line a line")]) from None
    known = module_locations(project, language, docnames)
    locations, findings = set(), []
    for number, line in enumerate(text.splitlines(), 1):
        place = line.strip()
        if not place or place.startswith("#"):
            continue
        if not LOCATION.fullmatch(place):
            findings.append(Finding(shown, number, "error", "approve",
                                    f"'{place}' is not path:line; write one entry a line as "
                                    "the review document shows it, e.g. "
                                    f"locale/{language}/LC_MESSAGES/page.po:12"))
        elif place not in known:
            findings.append(Finding(shown, number, "error", "approve",
                                    f"'{place}' is not an entry of this module in {language}; "
                                    "copy the places from the module's current review "
                                    "document (run 'make review' again after 'make po': "
                                    "the line numbers change)"))
        else:
            locations.add(place)
    if findings:
        raise BuildError(findings)
    return locations


def approve_module(project: Project, language: str, docnames: list[str], by: str,
                   on: dt.date, locations: set[str] | None = None
                   ) -> tuple[list[Approval], list[Refusal]]:
    """Approves a module's messages in one language (or only those at `locations`,
    `path:line` of the catalogue entries), refusing untranslated, fuzzy and
    check-failing ones."""
    termbase = require_termbase(project)
    problems = []
    for docname in docnames:  # every ledger read first: a broken one stops before any write
        try:
            load_approvals(approvals_path(project, language, docname), project.root)
        except BuildError as error:
            problems += error.findings
    if problems:
        raise BuildError(problems)
    approved: list[Approval] = []
    refused: list[Refusal] = []
    for docname in docnames:
        po = project.catalog_path(language, docname)
        if not po.is_file():
            continue
        catalog = read_catalog(po, locale=language)
        shown = relative(po, project.root)
        chosen, rejected = set(), {}
        for message in catalog:
            if not message.id or isinstance(message.id, tuple):
                continue
            location = entry_location(shown, message.lineno)
            if locations is not None and location not in locations:
                continue
            chosen.add(message.id)
            if not message.string:
                rejected[message.id] = "it is not translated"
            elif message.fuzzy:
                rejected[message.id] = "it is fuzzy: check it against the new source first"
            else:
                entry = Entry(message.id, message.string, language, project.source_language,
                              tuple(message.user_comments), shown, message.lineno)
                errors = [f for f in check_entry(entry, termbase).findings
                          if f.severity == "error"]
                if errors:
                    rejected[message.id] = f"make check rejects it ({errors[0].check}: " \
                                           f"{errors[0].message})"
            if message.id in rejected:
                refused.append(Refusal(location, rejected[message.id]))
        if chosen:
            approved += approve(project, language, docname, catalog, chosen, by, on, rejected)
    return approved, refused
