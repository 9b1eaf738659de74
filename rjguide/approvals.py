"""Approvals kept in the repository: who approved which translation of which source, when.

One readable YAML file beside each catalogue (`<page>.approvals.yaml`). An approval is tied
to the exact source and translation by their SHA-256, so any later change to either shows
as "changed since approval" until a reviewer approves it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog, Message

from rjguide.findings import BuildError, Finding, relative
from rjguide.project import Project

HEADER = """\
# Approved translations of {source} into {language}.
# Written by `rjguide approve`. Each entry is tied to the exact source and translation
# (SHA-256): a later change to either shows as "changed since approval".
"""


class State(StrEnum):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    TRANSLATED = "translated"
    APPROVED = "approved"
    CHANGED = "changed since approval"


@dataclass(frozen=True)
class Approval:
    source: str
    translation: str
    approved_by: str
    approved_on: dt.date

    @property
    def source_sha256(self) -> str:
        return digest(self.source)

    @property
    def translation_sha256(self) -> str:
        return digest(self.translation)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PlainDumper(yaml.SafeDumper):
    """No anchors and aliases: every entry reads on its own in a diff."""

    def ignore_aliases(self, data) -> bool:
        return True


def approvals_path(project: Project, language: str, docname: str) -> Path:
    return project.catalog_dir(language) / f"{docname}.approvals.yaml"


def load_approvals(path: Path) -> dict[str, Approval]:
    """Approvals by the SHA-256 of their source."""
    if not path.is_file():
        return {}
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise BuildError([Finding(str(path), None, "error", "approvals",
                                  f"not valid YAML: {exc}")]) from None
    approvals = {}
    for entry in entries:
        approval = Approval(entry["source"], entry["translation"], entry["approved_by"],
                            entry["approved_on"])
        if entry.get("source_sha256") not in (None, approval.source_sha256) or \
                entry.get("translation_sha256") not in (None, approval.translation_sha256):
            raise BuildError([Finding(str(path), None, "error", "approvals",
                                      "an entry's text does not match its SHA-256; the file "
                                      "was edited by hand: restore it from git")])
        approvals[approval.source_sha256] = approval
    return approvals


def save_approvals(path: Path, approvals: list[Approval], source: str, language: str) -> None:
    entries = [{
        "source": a.source,
        "translation": a.translation,
        "source_sha256": a.source_sha256,
        "translation_sha256": a.translation_sha256,
        "approved_by": a.approved_by,
        "approved_on": a.approved_on,
    } for a in approvals]
    text = HEADER.format(source=source, language=language) + yaml.dump(
        entries, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=88)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def approval_for(message: Message, approvals: dict[str, Approval]) -> Approval | None:
    """The approval of this message's source, or of its previous source if it changed."""
    found = approvals.get(digest(message.id))
    if found is None and message.previous_id:
        found = approvals.get(digest(message.previous_id[0]))
    return found


def state_of(message: Message | None, approvals: dict[str, Approval]) -> State:
    if message is None or not message.string:
        base = State.UNTRANSLATED
    elif message.fuzzy:
        base = State.FUZZY
    else:
        base = State.TRANSLATED
    approval = approval_for(message, approvals) if message is not None else None
    if approval is None:
        return base
    if base is State.TRANSLATED and approval.source == message.id and \
            approval.translation == message.string:
        return State.APPROVED
    return State.CHANGED


def approve(project: Project, language: str, docname: str, catalog: Catalog,
            chosen: set[str] | None, by: str, on: dt.date,
            rejected: dict[str, str]) -> list[Approval]:
    """Records approvals of the chosen messages (all when None), except those in
    `rejected` (msgid → why). Returns the approvals written."""
    path = approvals_path(project, language, docname)
    current = load_approvals(path)
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


def approve_module(project: Project, language: str, docnames: list[str], by: str,
                   on: dt.date, locations: set[str] | None = None
                   ) -> tuple[list[Approval], list[Refusal]]:
    """Approves a module's messages in one language (or only those at `locations`,
    `path:line` of the catalogue entries), refusing untranslated, fuzzy and
    check-failing ones."""
    from rjguide.catalogs import read_catalog
    from rjguide.checks.model import Entry
    from rjguide.checks.runner import check_entry
    from rjguide.termbase import require_termbase

    termbase = require_termbase(project)
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
            location = f"{shown}:{message.lineno}"
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
