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

    def get(self, name: str, key: str):
        """The data remembered for this name and key, or None."""
        path = self._path(name)
        if not path.is_file():
            return None
        stored = json.loads(path.read_text(encoding="utf-8"))
        return stored["data"] if stored.get("key") == key else None

    def put(self, name: str, key: str, data) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}")  # other builds read it too
        staging.write_text(json.dumps({"key": key, "data": data}, ensure_ascii=False),
                           encoding="utf-8")
        os.replace(staging, path)

    def findings(self, name: str, key: str) -> list[Finding] | None:
        """The findings remembered for this name and key, or None when there are none."""
        data = self.get(name, key)
        return None if data is None else [Finding(**f) for f in data]

    def remember(self, name: str, key: str, findings: list[Finding]) -> None:
        self.put(name, key, [asdict(f) for f in findings])
