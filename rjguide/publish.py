"""Copy a finished build into exports/ touching only what changed.

A build is made in the cache; only when it succeeded does it reach exports/, so a
failed build leaves the previous exports as they were.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SKIP = {".buildinfo", ".buildinfo.bak"}


def publish_tree(built: Path, published: Path) -> list[Path]:
    """Makes `published` hold exactly the files of `built`; returns the files written."""
    written: list[Path] = []
    wanted: set[Path] = set()
    for source in sorted(built.rglob("*")):
        if source.is_dir() or source.name in SKIP:
            continue
        relative = source.relative_to(built)
        wanted.add(relative)
        target = published / relative
        if target.is_file() and target.read_bytes() == source.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.with_name(f".{target.name}.new")
        shutil.copyfile(source, staging)
        os.replace(staging, target)
        written.append(target)
    if published.is_dir():
        for existing in sorted(published.rglob("*"), reverse=True):
            if existing.is_file() and existing.relative_to(published) not in wanted:
                existing.unlink()
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    return written


def write_file(path: Path, data: bytes) -> bool:
    """Writes a published file if its content changed, atomically."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.new")
    staging.write_bytes(data)
    os.replace(staging, path)
    return True
