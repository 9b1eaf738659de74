"""The set-up a newcomer follows: the README's commands, the lock they install and the checks
`make` runs first work with the distribution's own Python on every system the README names."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from rjguide import prereqs

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
README = ROOT / "README.md"
PREREQS = ROOT / "rjguide" / "prereqs.py"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Stock Debian 12's python3, the oldest interpreter the README promises; Debian 13 has 3.13
# and Ubuntu 24.04 3.12.
OLDEST = "3.11.2"
SUPPORTED = (OLDEST, "3.12", "3.13")


def lock_entries() -> list[tuple[str, list[str]]]:
    """Each requirement of the lock with its continuation lines, comments left out."""
    entries: list[tuple[str, list[str]]] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        code = line.split("#", 1)[0].rstrip(" \\")
        if not code.strip():
            continue
        if line[:1].isspace():
            entries[-1][1].append(code.strip())
        else:
            entries.append((code, []))
    return entries


def pinned() -> dict[str, Requirement]:
    return {canonicalize_name(r.name): r for r in (Requirement(e) for e, _ in lock_entries())}


def installed_here(requirement: Requirement) -> bool:
    return requirement.marker is None or requirement.marker.evaluate()


def setup_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Set-up on a fresh machine\n", 1)[1].split("\n## ", 1)[0]


def apt_packages_of_readme() -> list[str]:
    lines = [line for line in setup_section().splitlines() if line.startswith("sudo apt-get")]
    assert len(lines) == 1, f"README set-up: one 'sudo apt-get install' line, not {lines}"
    assert lines[0].startswith("sudo apt-get install "), lines[0]
    return lines[0].removeprefix("sudo apt-get install ").split()


def test_the_oldest_python_is_the_lowest_that_pyproject_admits():
    requires = PYPROJECT["project"]["requires-python"]
    assert requires == f">={OLDEST}", "requires-python is where `make` and `make lock` read it"
    assert all(Version(v) in SpecifierSet(requires) for v in SUPPORTED)


def test_every_pinned_package_supports_the_oldest_python():
    refused = []
    for name, requirement in sorted(pinned().items()):
        if not installed_here(requirement):
            continue  # e.g. colorama (Windows only): not installed here, so no metadata
        version = next(iter(requirement.specifier)).version
        try:
            meta = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            refused.append(f"{name}=={version} is not installed: run "
                           "'.venv/bin/pip install -r requirements.lock'")
            continue
        if Version(meta["Version"]) != Version(version):
            refused.append(f"{name}: {meta['Version']} is installed, the lock pins {version}: "
                           "run '.venv/bin/pip install -r requirements.lock'")
            continue
        requires = meta.get("Requires-Python") or ""
        if not all(Version(v) in SpecifierSet(requires) for v in SUPPORTED):
            refused.append(f"{name}=={version} requires Python {requires}, "
                           f"not all of {', '.join(SUPPORTED)}")
    assert not refused, "\n".join(refused)


def test_every_package_is_pinned_once_to_one_version():
    # A package pinned twice (a fork by Python version) would leave one pin unchecked here.
    names = [canonicalize_name(Requirement(entry).name) for entry, _ in lock_entries()]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    for requirement in pinned().values():
        assert len(requirement.specifier) == 1, requirement
        assert next(iter(requirement.specifier)).operator == "==", requirement


def test_every_lock_line_has_a_hash_so_pip_installs_exactly_the_files_that_were_locked():
    entries = lock_entries()
    assert len(entries) > 40
    for requirement, rest in entries:
        assert rest and all(h.startswith("--hash=sha256:") for h in rest), \
            f"{requirement}: every pin needs its --hash=sha256: lines (make lock)"


def test_the_lock_holds_what_pyproject_pins_and_what_the_install_needs():
    locked = pinned()
    project = PYPROJECT["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in map(Requirement, wanted):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml, not in the lock: run make lock"
        assert locked[name].specifier == requirement.specifier, f"{name}: run make lock"
    # `pip install --no-deps --no-build-isolation -e .` needs the build backend in the venv.
    for requirement in map(Requirement, PYPROJECT["build-system"]["requires"]):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name}: the build backend must be in the lock"
        assert requirement.specifier.contains(next(iter(locked[name].specifier)).version)
    # pip is upgraded by a command of its own: pinning it too would make two answers.
    assert "pip" not in locked


def test_furo_and_what_only_it_needed_are_not_in_the_lock():
    locked = pinned()
    for name in ("furo", "sphinx-basic-ng", "beautifulsoup4", "soupsieve", "accessible-pygments"):
        assert name not in locked, f"{name} is unused (the site has its own theme)"


def test_the_lock_says_how_to_make_it_again():
    header = LOCK.read_text(encoding="utf-8").splitlines()[:2]
    assert header[0].startswith("# This file was autogenerated by uv")
    for part in ("make lock", "uv pip compile pyproject.toml", "--extra test", "--universal",
                 "--generate-hashes", f"--python-version {OLDEST}", "--build-requires"):
        assert part in header[1], f"{part!r} missing from the lock's command line"


def test_the_readme_set_up_is_one_apt_line_then_make_then_make_test():
    section = setup_section()
    blocks = re.findall(r"^```\n(.*?)^```\n", section, re.MULTILINE | re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert commands[1:] == ["make", "make test"], commands
    assert commands[0] == "sudo apt-get install " + " ".join(apt_packages_of_readme())
    prose = re.sub(r"^```\n.*?^```\n", "", section, flags=re.MULTILINE | re.DOTALL)
    sentences = [s for s in re.split(r"(?<=[.:!?])\s+", " ".join(prose.split())) if s]
    assert len(sentences) <= 2, sentences


def test_the_readme_apt_line_names_every_package_ci_installs():
    script = ROOT / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    # Without its --packages option .ci/run would run the whole CI here: look before running.
    assert '"${1:-}" = --packages' in text and "README.md" in text, \
        ".ci/run must read its packages from the README's apt line and print them on --packages"
    ci = subprocess.run(["bash", str(script), "--packages"], cwd=ROOT, capture_output=True,
                        text=True, timeout=30, check=True)
    assert ci.stdout.split() == apt_packages_of_readme()
    assert text.rstrip().endswith("make test")


def test_the_readme_apt_line_names_every_package_make_and_the_tests_ask_for():
    named = {p for _, _, packages in prereqs.NEEDS for p in packages.split()}
    markers = " ".join(PYPROJECT["tool"]["pytest"]["ini_options"]["markers"])
    named |= set(re.findall(r"Debian package (\S+?)\)", markers))
    assert "chromium" in named
    missing = named - set(apt_packages_of_readme())
    assert not missing, f"add {sorted(missing)} to the README's apt line"


def run_prereqs(version: tuple[int, int, int], *args: str) -> subprocess.CompletedProcess:
    """prereqs.py as `make` runs it, with sys.version_info set to `version`."""
    fake = (*version, "final", 0)
    code = (f"import runpy, sys; sys.version_info = {fake!r}; sys.argv[1:] = {list(args)!r}; "
            f"runpy.run_path({str(PREREQS)!r}, run_name='__main__')")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=30, cwd="/")


def test_make_refuses_a_python_older_than_the_lock_and_says_what_to_do():
    done = run_prereqs((3, 11, 1))
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if "Python 3.11.1" in line]
    assert len(said) == 1, done.stderr
    for part in ("too old", f"Python {OLDEST} or newer", f"python3.11 >= {OLDEST}",
                 "make PYTHON=python3.12", sys.executable):
        assert part in said[0], f"{part!r} not in {said[0]!r}"


def test_make_accepts_the_oldest_python_and_newer_ones():
    for version in ((3, 11, 2), (3, 12, 0), (3, 13, 5)):
        done = run_prereqs(version)
        assert "too old" not in done.stderr, done.stderr


def test_make_lock_reads_the_oldest_python_and_the_build_backend_from_pyproject():
    assert run_prereqs((3, 11, 2), "--oldest-python").stdout.split() == [OLDEST]
    build = run_prereqs((3, 11, 2), "--build-requires").stdout.split()
    assert build == PYPROJECT["build-system"]["requires"]
