"""The approvals ledger: who approved which translation of which source, when.

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
from babel.messages.catalog import Message

from rjguide.findings import BuildError, Finding
from rjguide.library.project import Project

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
