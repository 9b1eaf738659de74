"""A module's status: draft → review → approved, moved by a command that checks the move."""

from __future__ import annotations

import datetime as dt
import re

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.modules import FRONT_MATTER, VERSION, Module, load_module
from rjguide.library.project import Project

MOVES = {
    ("draft", "review"),
    ("review", "draft"),
    ("review", "approved"),
    ("approved", "review"),   # reopened for changes
}


def set_field(front: str, field: str, value: str) -> str:
    pattern = re.compile(rf"^{field}:.*$", re.MULTILINE)
    return pattern.sub(f"{field}: {value}", front, count=1)


def move_module(project: Project, module_id: str, status: str, reviewers: list[str],
                date: dt.date | None, version: str | None) -> Module:
    folder = project.modules_dir / module_id
    module, findings = load_module(folder, project.root)
    if module is None:
        raise BuildError(findings or [Finding(relative(folder, project.root), None, "error",
                                              "module-status", f"no module '{module_id}'")])
    shown = relative(module.path, project.root)

    def refuse(message: str) -> BuildError:
        return BuildError([Finding(shown, None, "error", "module-status", message)])

    if (module.status, status) not in MOVES:
        allowed = ", ".join(sorted(b for a, b in MOVES if a == module.status))
        raise refuse(f"cannot move from {module.status} to {status}; from {module.status} "
                     f"it can move to {allowed}")
    if version is not None and not VERSION.match(version):
        raise refuse(f"version '{version}' is not MAJOR.MINOR.PATCH")
    text = module.path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    front = match.group(1)
    front = set_field(front, "status", status)
    if status == "approved":
        if not reviewers:
            raise refuse("approving needs the reviewers (--reviewer, once each)")
        front = set_field(front, "reviewed_by", "[" + ", ".join(reviewers) + "]")
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
