"""Shared fixtures: the real library built once per test session, fixture projects,
and the rule that tools CI must have are never skipped there."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from rjguide.build.bench_review import translate_page  # noqa: F401 (for the tests)
from rjguide.build.pipeline import build_all
from rjguide.library.project import Project

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("conf.py", "pyproject.toml", "source", "locale", "glossary")


def copy_project(destination: Path, root: Path = ROOT) -> Project:
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, destination / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy2(source, destination / name)
    return Project.load(destination)


def need(available: bool, reason: str) -> None:
    """Skips a test whose tool is missing here; in CI (CI=true) that is a failure."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it: .ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real library, copied and built once for all test workers."""
    shared = tmp_path_factory.getbasetemp().parent / "library"
    lock = tmp_path_factory.getbasetemp().parent / "library.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        done = shared / ".built"
        if not done.exists():
            if shared.exists():
                shutil.rmtree(shared)
            project = copy_project(shared)
            build_all(project)
            done.touch()
    return Project.load(shared)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    """A small library of its own: one module, English and Bokmål."""
    shutil.copytree(Path(__file__).parent / "fixtures" / "small", tmp_path / "small")
    return Project.load(tmp_path / "small")

