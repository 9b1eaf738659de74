"""A module's status: draft → review → approved, moved by a command that checks the move."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.modules import FRONT_MATTER, VERSION, Module, load_module, require_module
from rjguide.library.project import Project

MOVES = {
    ("draft", "review"),
    ("review", "draft"),
    ("review", "approved"),
    ("approved", "review"),   # reopened for changes
}


def set_field(front: str, field: str, value: str) -> str:
    pattern = re.compile(rf"^{field}:.*$", re.MULTILINE)
    return pattern.sub(lambda _match: f"{field}: {value}", front, count=1)


def names_list(names: list[str]) -> str:
    """The reviewers as a YAML list on one line, quoted where a name needs it."""
    return yaml.safe_dump(list(names), default_flow_style=True, allow_unicode=True,
                          width=10_000).strip()


def move_module(project: Project, module_id: str, status: str, reviewers: list[str],
                date: dt.date | None, version: str | None) -> Module:
    module = require_module(project, module_id)  # before any path is made of the id
    folder = module.path.parent
    shown = relative(module.path, project.root)

    def refuse(message: str) -> BuildError:
        return BuildError([Finding(shown, None, "error", "module-status", message)])

    if (module.status, status) not in MOVES:
        allowed = ", ".join(sorted(b for a, b in MOVES if a == module.status))
        raise refuse(f"cannot move from {module.status} to {status}; from {module.status} "
                     f"it can move to {allowed}")
    if version is not None and not VERSION.fullmatch(version):
        raise refuse(f"version '{version}' is not MAJOR.MINOR.PATCH")
    text = module.path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    front = match.group(1)
    front = set_field(front, "status", status)
    if status == "approved":
        if not reviewers:
            raise refuse("approving needs reviewers: no approval stands in the ledger")
        if any(not name.strip() or not name.isprintable() for name in reviewers):
            raise refuse("a reviewer's name is empty or not on one line; give each name "
                         "with its own --reviewer, e.g. --reviewer \"Kari Nordmann\"")
        front = set_field(front, "reviewed_by", names_list([n.strip() for n in reviewers]))
        front = set_field(front, "reviewed_on", (date or dt.date.today()).isoformat())
    if version is not None:
        front = set_field(front, "version", version)
    new_text = f"---\n{front}---\n" + text[match.end():]
    module.path.write_text(new_text, encoding="utf-8")
    moved, findings = load_module(folder, project.root)
    if moved is None:
        module.path.write_text(text, encoding="utf-8")  # leave the file as it was
        raise BuildError(findings)
    return moved


def set_language_approval(project: Project, module_id: str, language: str,
                          approved: bool) -> Module:
    """Marks one language of a module as approved on its own (`approved_in`), or no longer."""
    module = require_module(project, module_id)
    shown = relative(module.path, project.root)
    if approved and module.status != "review":
        raise BuildError([Finding(shown, None, "error", "module-status",
                                  f"a language can be approved on its own only while the "
                                  f"module is in review; it is {module.status}")])
    languages = sorted((set(module.approved_in) | {language}) if approved
                       else (set(module.approved_in) - {language}))
    text = module.path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    front = match.group(1)
    value = names_list(languages)
    front = set_field(front, "approved_in", value) if re.search(
        r"^approved_in:", front, re.MULTILINE) else front + f"approved_in: {value}\n"
    module.path.write_text(f"---\n{front}---\n" + text[match.end():], encoding="utf-8")
    moved, findings = load_module(module.path.parent, project.root)
    if moved is None:
        module.path.write_text(text, encoding="utf-8")
        raise BuildError(findings)
    return moved
