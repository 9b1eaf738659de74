"""The roster: who may decide on translations, and for which languages.

`locale/reviewers.yaml` is the public part of the review server's accounts, kept in the
repository so that a decision in the ledger can be checked anywhere (in `make check`, in
CI) against the account that made it. It holds no email address and no password.
`rjguide reviewers add` and `remove` write it; nobody else should.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.project import Project
from rjguide.publish import write_file

HEADER = ("# The working group's reviewers: who may decide on translations, for which\n"
          "# languages. Written by `rjguide reviewers add` and `remove`; do not edit by hand.\n")
ACCOUNT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RosterEntry:
    account: str                 # a handle made from the name: kari-nordmann
    name: str
    languages: tuple[str, ...]
    removed: bool = False        # can no longer sign in; the decisions made stay valid


def handle_for(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower().translate(str.maketrans(
        {"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", "ö": "o", "ä": "a"}))).strip("-")
    base = base or "reviewer"
    handle, number = base, 2
    while handle in taken:
        handle, number = f"{base}-{number}", number + 1
    return handle


@dataclass
class Roster:
    path: Path
    entries: dict[str, RosterEntry]

    @classmethod
    def load(cls, project: Project) -> Roster:
        path = project.root / "locale" / "reviewers.yaml"
        if not path.is_file():
            return cls(path, {})
        shown = relative(path, project.root)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"),
                             Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise BuildError([Finding(shown, mark.line + 1 if mark else None, "error",
                                      "roster", "not valid YAML; restore it from git")]) from None
        entries = {}
        for item in data if isinstance(data, list) else [None]:
            if not isinstance(item, dict) or not ACCOUNT.match(str(item.get("account", ""))) \
                    or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("languages"), list):
                raise BuildError([Finding(shown, None, "error", "roster",
                                          f"an entry is not account, name, languages: {item!r};"
                                          " restore the file from git")])
            entries[item["account"]] = RosterEntry(item["account"], item["name"],
                                                   tuple(item["languages"]),
                                                   bool(item.get("removed", False)))
        return cls(path, entries)

    def get(self, account: str) -> RosterEntry | None:
        return self.entries.get(account)

    def add(self, name: str, languages: list[str]) -> RosterEntry:
        entry = RosterEntry(handle_for(name, set(self.entries)), name, tuple(languages))
        self.entries[entry.account] = entry
        self.save()
        return entry

    def remove(self, account: str) -> None:
        entry = self.entries[account]
        self.entries[account] = RosterEntry(entry.account, entry.name, entry.languages, True)
        self.save()

    def save(self) -> None:
        data = [{"account": e.account, "name": e.name, "languages": list(e.languages),
                 **({"removed": True} if e.removed else {})}
                for e in sorted(self.entries.values(), key=lambda e: e.account)]
        write_file(self.path, (HEADER + yaml.safe_dump(data, allow_unicode=True,
                                                       sort_keys=False)).encode("utf-8"))
