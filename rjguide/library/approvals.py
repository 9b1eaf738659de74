"""The approvals ledger: who approved which translation of which source, when.

One readable YAML file beside each catalogue (`<page>.approvals.yaml`). An approval is tied
to the exact source and translation by their SHA-256, so any later change to either shows
as "changed since approval" until a reviewer approves it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml
from babel.messages.catalog import Message

from rjguide.findings import BuildError, Finding
from rjguide.library.catalogs import shown_path
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


FIELDS = ("source", "translation", "approved_by", "approved_on")
MARKERS = ("<" * 7, "|" * 7, "=" * 7, ">" * 7)
REDO = ("restore the file as it was committed ('git restore {path}') and approve those "
        "messages again with 'rjguide approve'")


def conflict_findings(text: str, shown: str) -> list[Finding]:
    """One finding per unresolved git merge conflict (the <<<<<<< … >>>>>>> lines)."""
    findings, start = [], None
    for number, line in enumerate(text.splitlines(), 1):
        marker = line[:7] if line[:7] in MARKERS and line[7:8] in ("", " ") else None
        if marker == MARKERS[0]:
            start = number
        elif marker == MARKERS[-1] or (marker and start is None):
            first = start or number
            findings.append(Finding(shown, first, "error", "approvals",
                f"an unresolved git merge conflict (lines {first} to {number}): two approvals "
                "were recorded at the same time. Keep the entries of both sides, delete the "
                "lines that start with <<<<<<<, ======= and >>>>>>>, save, then "
                f"'git add {shown}' and finish the merge"))
            start = None
    if start is not None:
        findings.append(Finding(shown, start, "error", "approvals",
                                "an unresolved git merge conflict starts here and does not end "
                                f"(no >>>>>>> line); {REDO.format(path=shown)}"))
    return findings


def entry_approval(node: yaml.Node, shown: str) -> tuple[Approval | None, list[Finding]]:
    """One entry of the ledger, checked field by field, its problems at its line."""
    line = node.start_mark.line + 1
    redo = REDO.format(path=shown)
    if not isinstance(node, yaml.MappingNode):
        return None, [Finding(shown, line, "error", "approvals",
                              "this entry is not an approval (an approval has "
                              f"{', '.join(FIELDS)}); the file was edited by hand: {redo}")]
    constructor = yaml.SafeLoader("")
    values, raw = {}, {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        raw[key_node.value] = getattr(value_node, "value", "")
        try:
            values[key_node.value] = constructor.construct_object(value_node, deep=True)
        except (ValueError, yaml.YAMLError):  # a date like 2026-13-45
            values[key_node.value] = raw[key_node.value]
    missing = [name for name in FIELDS if name not in values]
    if missing:
        return None, [Finding(shown, line, "error", "approvals",
                              f"this approval has no {' and no '.join(missing)}; the file was "
                              f"edited by hand: {redo}")]
    problems = [f"{name} must be text, not '{raw[name]}'" for name in FIELDS[:3]
                if not isinstance(values[name], str)]
    if isinstance(values["approved_by"], str) and not values["approved_by"].strip():
        problems.append("approved_by must name the reviewer")
    on = values["approved_on"]
    if isinstance(on, str):
        with contextlib.suppress(ValueError):
            on = dt.date.fromisoformat(on)
    if isinstance(on, dt.datetime):
        on = on.date()
    if not isinstance(on, dt.date):
        problems.append(f"approved_on '{raw['approved_on']}' is not a date YYYY-MM-DD")
    if problems:
        return None, [Finding(shown, line, "error", "approvals",
                              f"this approval is damaged: {'; '.join(problems)}. Correct it, "
                              f"or {redo}")]
    approval = Approval(values["source"], values["translation"], values["approved_by"], on)
    if values.get("source_sha256") not in (None, approval.source_sha256) or \
            values.get("translation_sha256") not in (None, approval.translation_sha256):
        return None, [Finding(shown, line, "error", "approvals",
                              "the text of this approval does not match its SHA-256: it was "
                              "edited by hand, and an approval must be of the exact text the "
                              f"reviewer saw; {redo}")]
    return approval, []


def load_approvals(path: Path, root: Path | None = None) -> dict[str, Approval]:
    """Approvals by the SHA-256 of their source. Every problem of the file is a finding at
    its line (BuildError), never an exception of the YAML reader."""
    if not path.is_file():
        return {}
    shown = shown_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError([Finding(shown, None, "error", "approvals",
                                  f"cannot read the file ({exc}); "
                                  f"{REDO.format(path=shown)}")]) from None
    findings = conflict_findings(text, shown)
    if findings:
        raise BuildError(findings)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        why = getattr(exc, "problem", None) or str(exc)
        if context is not None and getattr(exc, "context", None):
            why += f"; {exc.context} that starts on line {context.line + 1}"
        raise BuildError([Finding(shown, mark.line + 1 if mark else None, "error", "approvals",
                                  f"not valid YAML ({why}); {REDO.format(path=shown)}")]
                         ) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.SequenceNode):
        raise BuildError([Finding(shown, node.start_mark.line + 1, "error", "approvals",
                                  "the file must be a list of approvals, each starting with "
                                  f"'- source:'; {REDO.format(path=shown)}")])
    approvals = {}
    for entry in node.value:
        approval, problems = entry_approval(entry, shown)
        findings += problems
        if approval is not None:
            approvals[approval.source_sha256] = approval
    if findings:
        raise BuildError(findings)
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
