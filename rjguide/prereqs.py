"""Checks the machine before anything is installed: standard library only, so `make` can
run it with the system Python and say which system package to install.

It must also run on a Python too old for the project (to say so), so it keeps to syntax
that Python 3.7 reads and imports `tomllib` (3.11+) only where it exists.

`--oldest-python` and `--build-requires` print what `make lock` resolves for: the lowest
Python of pyproject.toml's requires-python, and the [build-system] requirements."""

from __future__ import annotations

import ctypes.util
import re
import shutil
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

NEEDS = [
    # (what, how to test, Debian package that provides it)
    ("the Python venv module", lambda: __import__("venv") is not None, "python3-venv"),
    ("Pango (for WeasyPrint)", lambda: ctypes.util.find_library("pango-1.0") is not None,
     "libpango-1.0-0 libpangoft2-1.0-0"),
    ("gettext's msgfmt", lambda: shutil.which("msgfmt") is not None, "gettext"),
    ("the Noto Sans fonts (for the PDFs)",
     lambda: Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").is_file(),
     "fonts-noto-core"),
    ("the DejaVu fonts (for the PDFs)",
     lambda: Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf").is_file(),
     "fonts-dejavu-core"),
]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--oldest-python"]:
        print(".".join(map(str, oldest_python())))
        return 0
    if argv == ["--build-requires"]:
        print("\n".join(_pyproject()["build-system"]["requires"]))
        return 0
    problems = [python_problem(tuple(sys.version_info[:3]))]
    problems += [f"{what} is missing; install it with 'apt-get install {package}' "
                 "(Debian/Ubuntu) and run make again"
                 for what, test, package in NEEDS if not _holds(test)]
    for problem in filter(None, problems):
        print(f"make: error: prerequisite: {problem}", file=sys.stderr)
    return 1 if any(problems) else 0


def python_problem(found: tuple[int, ...]) -> str | None:
    """What to say when the Python running this is older than requirements.lock supports."""
    needed = oldest_python()
    if found >= needed:
        return None
    shown, wanted = ".".join(map(str, found)), ".".join(map(str, needed))
    return (f"Python {shown} ({sys.executable}) is too old: the pinned packages "
            f"(requirements.lock) need Python {wanted} or newer; install "
            f"python{needed[0]}.{needed[1]} >= {wanted} or a newer Python "
            f"and run e.g. 'make PYTHON=python3.12'")


def oldest_python() -> tuple[int, ...]:
    """The lowest Python that pyproject.toml's requires-python (">=X.Y.Z") admits."""
    required = _pyproject()["project"]["requires-python"]
    match = re.fullmatch(r"\s*>=\s*(\d+(?:\.\d+)*)\s*", required)
    if not match:
        raise ValueError(f"{PYPROJECT}: requires-python must be '>=X.Y.Z', not {required!r}")
    return tuple(int(part) for part in match.group(1).split("."))


def _pyproject() -> dict:
    text = PYPROJECT.read_text(encoding="utf-8")
    try:
        import tomllib
    except ImportError:  # Python < 3.11: read the two fields we need by hand
        return _read_fields(text)
    return tomllib.loads(text)


def _read_fields(text: str) -> dict:
    python = re.search(r'^requires-python\s*=\s*"([^"]*)"', text, re.MULTILINE)
    build = re.search(r"^requires\s*=\s*\[([^\]]*)\]", text, re.MULTILINE)
    return {"project": {"requires-python": python.group(1) if python else ""},
            "build-system": {"requires": re.findall(r'"([^"]+)"', build.group(1) if build else "")}}


def _holds(test) -> bool:
    try:
        return bool(test())
    except Exception:
        return False


if __name__ == "__main__":
    sys.exit(main())
