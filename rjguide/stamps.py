"""Remembered results of work whose inputs have not changed, so a rebuild skips it.

Each result is stored under a name with the digest of everything it was made from; a
different digest means the inputs changed and the work is done again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from rjguide.findings import Finding


def digest(*parts: bytes | str) -> str:
    value = hashlib.sha256()
    for part in parts:
        value.update(part.encode("utf-8") if isinstance(part, str) else part)
        value.update(b"\0")
    return value.hexdigest()


def files_digest(paths: list[Path]) -> str:
    return digest(*(part for path in sorted(paths)
                    for part in (str(path), path.read_bytes() if path.is_file() else b"")))


class Stamps:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def findings(self, name: str, key: str) -> list[Finding] | None:
        """The findings remembered for this name and key, or None when there are none."""
        path = self._path(name)
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return [Finding(**f) for f in data["findings"]]

    def remember(self, name: str, key: str, findings: list[Finding]) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}")
        staging.write_text(json.dumps({"key": key, "findings": [asdict(f) for f in findings]},
                                      ensure_ascii=False), encoding="utf-8")
        os.replace(staging, path)
