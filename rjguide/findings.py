"""Findings: one diagnostic about one place, printed the way compilers print them."""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int | None
    severity: Severity
    check: str
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.check}: {self.message}"


class BuildError(Exception):
    """Stops a command; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.format() for f in findings))
        self.findings = findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def relative(path: str | Path, root: Path) -> str:
    """A path as the user typed it: relative to the project root when inside it."""
    path = Path(path)
    if path.is_absolute() and root.is_absolute() and ".." not in path.parts:
        with contextlib.suppress(ValueError):  # the common case, without asking the disk
            return str(path.relative_to(root))
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def write_report(findings: list[Finding], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "findings": [asdict(f) for f in sorted(findings)],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
