"""The package's layout: folders are the stages of the data path and the floors stack."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "rjguide"
# Bottom to top: a stage may import its own floor and those below it, never one above.
STAGES = ("library", "checks", "translation", "site", "print", "downloads", "review", "build")
GROUND = {"__init__", "findings", "memo", "stamps", "publish", "templating", "sphinx_runner",
          "progress", "prereqs"}
TOP = {"cli", "commands"}
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def floor_of(module: str) -> int:
    """0 for the ground floor, 1.. for the stages in order, len(STAGES)+1 for the top."""
    parts = module.split(".")
    assert parts[0] == "rjguide", module
    if len(parts) == 1 or parts[1] in GROUND:
        return 0
    if parts[1] in TOP:
        return len(STAGES) + 1
    assert parts[1] in STAGES, f"{module} is in no stage: add it to one, or to the ground floor"
    return STAGES.index(parts[1]) + 1


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """Every rjguide module a file imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names[:1] if n.startswith("rjguide")]
            found += [(node.lineno, n) for n in names[1:] if node.module == "rjguide"
                      and (PACKAGE / n.split(".")[1]).is_dir()]  # a stage, not a name
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("rjguide")]
    return found


def test_every_stage_is_a_folder_that_says_what_enters_and_what_leaves():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), f"rjguide/{stage}/ is missing"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        said = " ".join((doc or "").lower().split())
        assert re.search(r"\bin comes?\b.*\bout (go|goes|come|comes)\b", said), \
            f"{init}: say in one line what enters and what leaves"


def test_nothing_loose_beside_the_stages_but_the_ground_floor_and_the_command_line():
    loose = {p.stem for p in PACKAGE.glob("*.py")}
    assert loose <= GROUND | TOP, f"loose files: {sorted(loose - GROUND - TOP)}"


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_one_above_it(path: Path):
    mine = floor_of(module_name(path))
    above = [f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
             for line, name in imported(path) if floor_of(name) > mine]
    assert not above, "\n".join(above)


def test_the_floor_check_sees_an_upward_import(tmp_path: Path):
    upward = tmp_path / "x.py"
    upward.write_text("def f():\n    from rjguide.build.pipeline import build_all\n")
    assert [floor_of(n) for _, n in imported(upward)] == [len(STAGES)]
    assert floor_of("rjguide.library.project") < floor_of("rjguide.checks.runner")


def test_files_and_functions_stay_small():
    too_long = []
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        shown = path.relative_to(PACKAGE.parent)
        if text.count("\n") > MAX_FILE_LINES:
            too_long.append(f"{shown}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{shown}:{node.lineno}: {node.name} has {length} lines")
    assert not too_long, "\n".join(too_long)
