"""A reviewer's decision on one message: the rules it must pass, then the ledger written.

The review server and `rjguide approve` both call `decide`; nothing else writes decisions.
A message is named by its page and the SHA-256 of its source, never by a line number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.messages.catalog import Message

from rjguide.checks.runner import message_errors
from rjguide.findings import relative
from rjguide.library.catalogs import read_catalog_kept
from rjguide.library.ledger import (
    Decision,
    Kind,
    digest,
    ledger_token,
    locked,
    withdraw_decision,
    write_decision,
)
from rjguide.library.project import Project
from rjguide.library.roster import RosterEntry
from rjguide.library.termbase import Termbase

WITHDRAW = "withdraw"


class Refused(Exception):
    """Why a decision was not recorded, in the reviewer's words."""


@dataclass(frozen=True)
class Seen:
    """What the reviewer had on screen: the action is refused if any of it changed since."""

    source_sha256: str
    translation_sha256: str
    ledger: str


def find_message(project: Project, language: str, docname: str, message: str) -> Message:
    """The catalogue entry whose source has this SHA-256 (or starts with it, 12 or more)."""
    po = project.catalog_path(language, docname)
    if len(message) < 12 or not po.is_file():
        raise Refused("no such message on this page")
    found = [m for m in read_catalog_kept(po, locale=language)
             if m.id and not isinstance(m.id, tuple) and digest(m.id).startswith(message)]
    if len(found) != 1:
        raise Refused("no such message on this page: the English may have changed; open "
                      "the page again")
    return found[0]


def seen_now(project: Project, language: str, docname: str, entry: Message) -> Seen:
    return Seen(digest(entry.id), digest(entry.string or ""),
                ledger_token(project, language, docname, digest(entry.id)))


def refusal(entry: Message, kind: str, comment: str, language: str, source_language: str,
            termbase: Termbase, shown: str) -> str | None:
    if kind == Kind.CHANGES_REQUESTED and not entry.string:
        return "it is not translated yet: there is no translation to change"
    if kind == Kind.CHANGES_REQUESTED and not comment.strip():
        return "say what should change: a change request needs a comment"
    if kind == Kind.COMMENT and not comment.strip():
        return "the comment is empty"
    if kind != Kind.APPROVED:
        return None
    if not entry.string:
        return "it is not translated"
    if entry.fuzzy:
        return "it is fuzzy: the English changed, so the translation must be checked first"
    errors = message_errors(entry, language, source_language, termbase, shown)
    if errors:
        return f"make check rejects it ({errors[0].check}: {errors[0].message})"
    return None


def decide(project: Project, language: str, docname: str, message: str, kind: str,
           reviewer: RosterEntry, termbase: Termbase, comment: str = "",
           seen: Seen | None = None, now: dt.datetime | None = None) -> Decision | None:
    """Records the reviewer's decision (or withdraws it: kind "withdraw"). Raises Refused
    when a rule forbids it or the message changed since `seen`."""
    if kind not in (*Kind, WITHDRAW):
        raise Refused(f"no such decision '{kind}'")
    if kind in (Kind.APPROVED, Kind.CHANGES_REQUESTED) and language not in reviewer.languages:
        raise Refused(f"{reviewer.name} does not decide for this language")
    if reviewer.removed:
        raise Refused(f"{reviewer.name} is no longer a reviewer")
    shown = relative(project.catalog_path(language, docname), project.root)
    with locked(project, language, docname):
        entry = find_message(project, language, docname, message)
        if seen is not None and seen != seen_now(project, language, docname, entry):
            raise Refused("changed since you opened it: the English, the translation or "
                          "another reviewer's decision is new; look at it again")
        if kind == WITHDRAW:
            withdraw_decision(project, language, docname, digest(entry.id), reviewer.account)
            return None
        why = refusal(entry, kind, comment, language, project.source_language, termbase, shown)
        if why:
            raise Refused(why)
        decision = Decision(entry.id, entry.string or "", Kind(kind), reviewer.account,
                            reviewer.name, now or dt.datetime.now(dt.UTC), comment.strip())
        write_decision(project, language, docname, decision)
        return decision
