"""`rjguide approve`, for scripts: a module's messages approved in one language by an account
of the roster, under the same rules as the review server (review/decide.py).

A message is named `<page>@<first 12 hex digits of the SHA-256 of its source>`, e.g.
`modules/values-and-principles/index@3f2a9c1b7d0e`, as the review documents show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.catalogs import read_catalog
from rjguide.library.ledger import Decision, Kind, digest, load_ledger
from rjguide.library.project import Project
from rjguide.library.roster import Roster, RosterEntry
from rjguide.library.termbase import require_termbase
from rjguide.review.decide import Refused, decide

MESSAGE_ID = re.compile(r"(?P<page>[\w/-]+)@(?P<sha>[0-9a-f]{12,64})")


@dataclass(frozen=True)
class Refusal:
    message: str      # the message id
    reason: str


def message_id(docname: str, source: str) -> str:
    return f"{docname}@{digest(source)[:12]}"


def require_reviewer(project: Project, account: str, language: str) -> RosterEntry:
    roster = Roster.load(project)
    reviewer = roster.get(account)
    if reviewer is None or reviewer.removed:
        known = ", ".join(sorted(a for a, e in roster.entries.items() if not e.removed))
        raise BuildError([Finding("locale/reviewers.yaml", None, "error", "approve",
                                  f"no reviewer '{account}' in the roster; --by takes an "
                                  f"account: {known or 'add one with rjguide reviewers add'}")])
    if language not in reviewer.languages:
        raise BuildError([Finding("locale/reviewers.yaml", None, "error", "approve",
                                  f"{reviewer.name} does not decide for '{language}'")])
    return reviewer


def read_message_ids(project: Project, docnames: list[str], path: Path) -> set[str]:
    """The message ids a `--messages` file lists, one a line, each checked to name a page of
    the module before anything is approved."""
    shown = relative(path, project.root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError([Finding(shown, None, "error", "approve",
                                  f"the messages file {shown} does not exist; check the name "
                                  "and folder, or leave out --messages to approve every "
                                  "entry of the module")]) from None
    except (OSError, UnicodeDecodeError):
        raise BuildError([Finding(shown, None, "error", "approve",
                                  f"cannot read the messages file {shown}; give a text file "
                                  "with one message id a line")]) from None
    ids, findings = set(), []
    for number, line in enumerate(text.splitlines(), 1):
        wanted = line.strip()
        if not wanted or wanted.startswith("#"):
            continue
        match = MESSAGE_ID.fullmatch(wanted)
        if not match:
            findings.append(Finding(shown, number, "error", "approve",
                                    f"'{wanted}' is not a message id; write one a line as the "
                                    "review document shows it, e.g. "
                                    f"{docnames[0] if docnames else 'page'}@3f2a9c1b7d0e"))
        elif match["page"] not in docnames:
            findings.append(Finding(shown, number, "error", "approve",
                                    f"'{match['page']}' is not a page of this module"))
        else:
            ids.add(wanted)
    if findings:
        raise BuildError(findings)
    return ids


def approve_module(project: Project, language: str, docnames: list[str], reviewer: RosterEntry,
                   wanted: set[str] | None = None) -> tuple[list[Decision], list[Refusal]]:
    """Approves a module's messages in one language (or only the `wanted` message ids),
    refusing untranslated, fuzzy and check-failing ones."""
    termbase = require_termbase(project)
    problems = [i.finding() for d in docnames for i in load_ledger(project, language, d).invalid]
    if problems:  # a broken ledger stops before anything is written
        raise BuildError(problems)
    approved, refused, matched = [], [], set()
    for docname in docnames:
        po = project.catalog_path(language, docname)
        if not po.is_file():
            continue
        for entry in read_catalog(po, locale=language):
            if not entry.id or isinstance(entry.id, tuple):
                continue
            name = message_id(docname, entry.id)
            asked = {w for w in wanted or () if name.startswith(w) or w.startswith(name)}
            if wanted is not None and not asked:
                continue
            matched |= asked
            try:
                decision = decide(project, language, docname, digest(entry.id), Kind.APPROVED,
                                  reviewer, termbase)
            except Refused as why:
                refused.append(Refusal(name, str(why)))
                continue
            if decision is not None:
                approved.append(decision)
    for missing in sorted(set(wanted or ()) - matched):
        refused.append(Refusal(missing, "no message of the module has this id now: the "
                                        "English may have changed; make the review again"))
    return approved, refused
