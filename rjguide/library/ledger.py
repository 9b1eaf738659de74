"""The review ledger: the working group's decisions on translations, kept in the repository.

One small YAML file per decision, beside the catalogue of its page:
`locale/<lang>/LC_MESSAGES/<page>.review/<source-sha256[:16]>.<account>.yaml`. A reviewer's
decision on a message is one file, so two reviewers' work on two branches merges with no
conflict; there is no shared list or counter. A decision is tied to the exact source and
translation it was made on by their SHA-256, and to an account of the roster
(`locale/reviewers.yaml`): a file that does not match either is "not valid", never approved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml
from babel.messages.catalog import Message

from rjguide.findings import Finding, relative
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.memo import FileMemo

HEADER = ("# A decision of the working group on one message. Written by the review server or\n"
          "# `rjguide approve`; tied to the exact texts by their SHA-256. Do not edit by hand.\n")
FIELDS = ("message", "source", "translation", "translation_sha256", "decision", "comment",
          "account", "name", "at")
MARKERS = ("<" * 7, "=" * 7, ">" * 7)
# libyaml's safe loader where PyYAML was built with it: the same YAML, read ten times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
READ = FileMemo(size=50_000)   # a decision file's fields, while it is unchanged
TEXTS = FileMemo(size=50_000)  # and its text, for the tokens


class Kind(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes-requested"
    COMMENT = "comment"


class State(StrEnum):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    TRANSLATED = "translated"
    APPROVED = "approved"
    CHANGED = "changed since approval"
    REQUESTED = "changes requested"
    ANSWERED = "request answered"     # the translation changed after a change request


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Decision:
    source: str
    translation: str
    kind: Kind
    account: str
    name: str
    at: dt.datetime
    comment: str = ""

    @property
    def message(self) -> str:
        return digest(self.source)

    def on_text_of(self, message: Message) -> bool:
        """Whether it was made on the message's current source and translation."""
        return self.source == message.id and self.translation == message.string


@dataclass(frozen=True)
class Invalid:
    """A ledger file that is not a decision anyone may rely on, and why."""

    path: str
    line: int | None
    reason: str

    def finding(self) -> Finding:
        return Finding(self.path, self.line, "error", "ledger", f"not valid: {self.reason}")


def review_dir(project: Project, language: str, docname: str) -> Path:
    return project.catalog_dir(language) / f"{docname}.review"


def decision_path(project: Project, language: str, docname: str, message: str,
                  account: str) -> Path:
    return review_dir(project, language, docname) / f"{message[:16]}.{account}.yaml"


def read_values(path: Path, shown: str) -> dict | Invalid | None:
    """A decision file's fields, as YAML gives them; None when it is not there."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        return Invalid(shown, None, f"cannot be read ({exc})")
    for number, line in enumerate(text.splitlines(), 1):
        if line[:7] in MARKERS:
            return Invalid(shown, number, "an unresolved git merge conflict: keep one side, "
                           "delete the <<<<<<<, ======= and >>>>>>> lines, then 'git add' it")
    try:
        return yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return Invalid(shown, mark.line + 1 if mark else None, "not valid YAML; restore it "
                       f"from git ('git restore {shown}')")


def read_decision(path: Path, shown: str, language: str,
                  roster: Roster) -> Decision | Invalid | None:
    """A decision file read and checked; None when it was withdrawn while being read. The
    file is parsed again only when it changed (the review server reads the same ledger
    after every decision); the checks against the roster are made every time."""
    values = READ.get((path, shown), [path], lambda: read_values(path, shown))
    if values is None or isinstance(values, Invalid):
        return values
    if not isinstance(values, dict) or any(name not in values for name in FIELDS):
        missing = [n for n in FIELDS if not isinstance(values, dict) or n not in values]
        return Invalid(shown, 1, f"{', '.join(missing)} missing: the file was edited by hand")
    return checked(values, shown, path.name, language, roster)


def checked(values: dict, shown: str, filename: str, language: str,
            roster: Roster) -> Decision | Invalid:
    texts = [values[n] for n in ("message", "source", "translation", "translation_sha256",
                                 "decision", "comment", "account", "name")]
    if not all(isinstance(v, str) for v in texts):
        return Invalid(shown, 1, "every field but 'at' must be text")
    at = values["at"]
    if isinstance(at, str):
        with contextlib.suppress(ValueError):
            at = dt.datetime.fromisoformat(at)
    if not isinstance(at, dt.datetime):
        return Invalid(shown, 1, f"'at' is not a time: {values['at']!r}")
    if values["decision"] not in set(Kind):
        return Invalid(shown, 1, f"no such decision '{values['decision']}'")
    if digest(values["source"]) != values["message"] or \
            digest(values["translation"]) != values["translation_sha256"]:
        return Invalid(shown, 1, "its text does not match its SHA-256: it was edited by hand")
    if filename != f"{values['message'][:16]}.{values['account']}.yaml":
        return Invalid(shown, 1, "its name does not match its message and account")
    reviewer = roster.get(values["account"])
    if reviewer is None:
        return Invalid(shown, 1, f"no reviewer '{values['account']}' in the roster")
    if reviewer.name != values["name"]:
        return Invalid(shown, 1, f"the roster names {values['account']} '{reviewer.name}', "
                       f"not '{values['name']}'")
    if values["decision"] != Kind.COMMENT and language not in reviewer.languages:
        return Invalid(shown, 1, f"{reviewer.name} does not decide for '{language}'")
    return Decision(values["source"], values["translation"], Kind(values["decision"]),
                    values["account"], values["name"], at, values["comment"])


@dataclass
class PageLedger:
    """The decisions on one page in one language: by message (SHA-256 of the source)."""

    decisions: dict[str, list[Decision]]
    invalid: list[Invalid]

    def on(self, message: Message | None) -> list[Decision]:
        """The decisions on this message's source, or on its previous source if it changed."""
        if message is None or not message.id:
            return []
        found = self.decisions.get(digest(message.id), [])
        if not found and message.previous_id:
            found = self.decisions.get(digest(message.previous_id[0]), [])
        return found


def load_ledger(project: Project, language: str, docname: str,
                roster: Roster | None = None) -> PageLedger:
    roster = roster if roster is not None else Roster.load(project)
    folder = review_dir(project, language, docname)
    decisions: dict[str, list[Decision]] = {}
    invalid = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        read = read_decision(path, relative(path, project.root), language, roster)
        if read is None:
            continue
        if isinstance(read, Invalid):
            invalid.append(read)
        else:
            decisions.setdefault(read.message, []).append(read)
    return PageLedger(decisions, invalid)


def state_of(message: Message | None, decisions: list[Decision]) -> State:
    """A message's state for the working group: from its catalogue entry and the valid
    decisions on it. A change request outweighs approvals until it is answered."""
    if message is None or not message.string:
        return State.UNTRANSLATED
    requests = [d for d in decisions if d.kind is Kind.CHANGES_REQUESTED]
    if requests and not message.fuzzy:
        current = any(d.on_text_of(message) for d in requests)
        return State.REQUESTED if current else State.ANSWERED
    approvals = [d for d in decisions if d.kind is Kind.APPROVED]
    if any(d.on_text_of(message) for d in approvals) and not message.fuzzy:
        return State.APPROVED
    if approvals:
        return State.CHANGED
    return State.FUZZY if message.fuzzy else State.TRANSLATED


@contextlib.contextmanager
def locked(project: Project, language: str, docname: str) -> Iterator[None]:
    """One writer at a time on a page's ledger, across processes."""
    folder = review_dir(project, language, docname)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder.parent / f".{folder.name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_decision(project: Project, language: str, docname: str, decision: Decision) -> Path:
    """Writes (or replaces) the account's decision on the message, atomically. Call it
    inside `locked(...)`."""
    path = decision_path(project, language, docname, decision.message, decision.account)
    values = {"message": decision.message, "source": decision.source,
              "translation": decision.translation,
              "translation_sha256": digest(decision.translation),
              "decision": str(decision.kind), "comment": decision.comment,
              "account": decision.account, "name": decision.name,
              "at": decision.at.isoformat(timespec="seconds")}
    text = HEADER + yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=88)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)
    return path


def withdraw_decision(project: Project, language: str, docname: str, message: str,
                      account: str) -> bool:
    """Removes the account's decision on the message; call it inside `locked(...)`."""
    path = decision_path(project, language, docname, message, account)
    if not path.is_file():
        return False
    path.unlink()
    return True


def ledger_token(project: Project, language: str, docname: str, message: str) -> str:
    """A digest of every decision file on a message: changes when anyone decides on it."""
    folder = review_dir(project, language, docname)
    return token_of(sorted(folder.glob(f"{message[:16]}.*.yaml")) if folder.is_dir() else [])


def page_tokens(project: Project, language: str, docname: str) -> dict[str, str]:
    """`ledger_token` of every message of a page with a decision on it, by the first 16
    characters of its SHA-256, from one look at the folder. A message not in it has the
    token of no decision, `token_of([])`."""
    folder = review_dir(project, language, docname)
    by_message: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        by_message.setdefault(path.name[:16], []).append(path)
    return {prefix: token_of(paths) for prefix, paths in by_message.items()}


def token_of(paths: list[Path]) -> str:
    parts = []
    for path in paths:
        text = TEXTS.get(path, [path], lambda path=path: text_or_none(path))
        if text is not None:  # withdrawn meanwhile: not there
            parts.append(path.name + text)
    return digest("".join(parts))


def text_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
