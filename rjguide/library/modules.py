"""Module metadata: read a module's front matter, validate it, report what is wrong."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.project import Project

STATUSES = ("draft", "review", "approved")
LEVELS = ("introductory", "intermediate", "advanced")
AUDIENCES = ("facilitators", "coordinators", "correctional-staff", "trainers", "partner-agencies")
FIELDS = ("id", "version", "status", "audience", "duration", "level", "reviewed_by", "reviewed_on")
OPTIONAL = ("approved_in",)  # languages the working group approved on their own
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Module:
    id: str
    version: str
    status: str
    audience: tuple[str, ...]
    duration: int
    level: str
    reviewed_by: tuple[str, ...]
    reviewed_on: dt.date | None
    path: Path
    approved_in: tuple[str, ...] = ()

    def status_in(self, language: str) -> str:
        """The module's status as readers of one language see it: approved where the
        working group approved that language on its own."""
        return "approved" if language in self.approved_in else self.status

    @property
    def docname(self) -> str:
        return f"modules/{self.id}/index"


def read_front_matter(path: Path) -> tuple[yaml.Node | None, object]:
    """The front matter as a YAML node (for line numbers) and as values."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return None, None
    return yaml.compose(match.group(1)), yaml.safe_load(match.group(1))


def front_matter(path: Path) -> dict:
    try:
        _node, values = read_front_matter(path)
    except yaml.YAMLError:
        return {}
    return values if isinstance(values, dict) else {}


def text_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def load_module(folder: Path, root: Path) -> tuple[Module | None, list[Finding]]:
    index = folder / "index.md"
    shown = relative(index, root)
    if not index.is_file():
        return None, [Finding(relative(folder, root), None, "error", "module-metadata",
                              "a module folder needs an index.md")]
    try:
        node, parsed = read_front_matter(index)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 2 if getattr(exc, "problem_mark", None) else 1
        return None, [Finding(shown, line, "error", "module-metadata",
                              f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Finding(shown, 1, "error", "module-metadata",
                              "index.md must start with front matter between --- lines "
                              f"holding {', '.join(FIELDS)}")]

    findings: list[Finding] = []
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key_node, _value_node in node.value:
        key = key_node.value
        line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening ---
        if key in values:
            findings.append(Finding(shown, line, "error", "module-metadata",
                                    f"field '{key}' is given twice"))
        if key not in FIELDS + OPTIONAL:
            findings.append(Finding(shown, line, "error", "module-metadata",
                                    f"unknown field '{key}'; the fields are {', '.join(FIELDS)}"))
            continue
        values[key] = parsed[key]
        lines[key] = line

    def bad(field: str, message: str) -> None:
        findings.append(Finding(shown, lines.get(field, 1), "error", "module-metadata",
                                f"field '{field}': {message}"))

    for field in FIELDS:
        if field not in values:
            bad(field, "missing; add it to the front matter")
    if findings:
        return None, findings

    if values["id"] != folder.name:
        bad("id", f"is '{values['id']}' but the folder is '{folder.name}'; make them the same")
    if not isinstance(values["version"], str) or not VERSION.match(values["version"]):
        bad("version", f"'{values['version']}' is not MAJOR.MINOR.PATCH (quote it: \"0.1.0\")")
    if values["status"] not in STATUSES:
        bad("status", f"'{values['status']}' is not one of {', '.join(STATUSES)}")
    if values["level"] not in LEVELS:
        bad("level", f"'{values['level']}' is not one of {', '.join(LEVELS)}")
    audience = values["audience"]
    if not isinstance(audience, list) or not audience:
        bad("audience", f"must be a non-empty list of: {', '.join(AUDIENCES)}")
    else:
        for item in audience:
            if item not in AUDIENCES:
                bad("audience", f"'{item}' is not one of {', '.join(AUDIENCES)}")
    duration = values["duration"]
    if not isinstance(duration, int) or isinstance(duration, bool) or duration <= 0:
        bad("duration", f"'{duration}' is not a positive whole number of minutes")
    reviewers = values["reviewed_by"] or []
    if not text_list(reviewers):
        bad("reviewed_by", "must be a list of names")
    reviewed_on = values["reviewed_on"]
    if reviewed_on is not None and not isinstance(reviewed_on, dt.date):
        bad("reviewed_on", f"'{reviewed_on}' is not a date YYYY-MM-DD (or leave it empty)")
    if values["status"] == "approved" and (not reviewers or reviewed_on is None):
        bad("status", "an approved module needs reviewed_by and reviewed_on")
    if not text_list(approved_in := values.get("approved_in") or []):
        bad("approved_in", "must be a list of language codes, e.g. [nb]")
    if findings:
        return None, findings

    return Module(
        id=values["id"], version=values["version"], status=values["status"],
        audience=tuple(audience), duration=duration, level=values["level"],
        reviewed_by=tuple(reviewers), reviewed_on=reviewed_on, path=index,
        approved_in=tuple(approved_in),
    ), []


def load_modules(project: Project) -> tuple[list[Module], list[Finding]]:
    modules: list[Module] = []
    findings: list[Finding] = []
    if not project.modules_dir.is_dir():
        return modules, findings
    for folder in sorted(p for p in project.modules_dir.iterdir() if p.is_dir()):
        module, problems = load_module(folder, project.root)
        findings += problems
        if module:
            modules.append(module)
    return modules, findings


def require_module(project: Project, module_id: str) -> Module:
    """The module of this id, taken from the library's own list: a name typed on the
    command line is compared with the modules there, never made into a path."""
    modules, _findings = load_modules(project)
    for module in modules:
        if module.id == module_id:
            return module
    folders = sorted(p for p in project.modules_dir.iterdir() if p.is_dir()) \
        if project.modules_dir.is_dir() else []
    for folder in folders:
        if folder.name == module_id:  # a module whose metadata is wrong: say why
            raise BuildError(load_module(folder, project.root)[1])
    shown = relative(project.modules_dir, project.root)
    known = [m.id for m in modules]
    if not known:
        message = (f"there is no module '{module_id}': there are no modules yet; a module "
                   f"is a folder in {shown}/ with an index.md (see CONTRIBUTING.md)")
    else:
        close = difflib.get_close_matches(module_id, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        message = (f"there is no module '{module_id}'{hint}; give a module by its id, the "
                   f"name of its folder in {shown}/: {', '.join(known)}")
    raise BuildError([Finding(shown, None, "error", "module", message)])


def handout_docnames(project: Project, module: Module) -> list[str]:
    """The module's pages whose front matter says `handout: true`, in name order."""
    names = []
    for page in sorted(module.path.parent.glob("*.md")):
        if page.name != "index.md" and front_matter(page).get("handout") is True:
            names.append(page.relative_to(project.source_dir).with_suffix("").as_posix())
    return names
