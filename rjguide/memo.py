"""Results kept in memory while the files they were made from are unchanged.

A long-running process (the review server) makes the same page again and again from files
that change now and then. The key is what the file system says of each file (inode, size,
time of the last change), read without opening it: a file written, replaced, added to a
folder or removed changes it, and the result is made again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def files_signature(paths: Iterable[Path]) -> tuple:
    """Each file's inode, size and time of change (nanoseconds); None for one not there."""
    signature = []
    for path in paths:
        try:
            found = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            signature.append((str(path), None))
        else:
            signature.append((str(path), found.st_ino, found.st_size, found.st_mtime_ns))
    return tuple(signature)


class FileMemo:
    """At most `size` results, the least recently used dropped first. The files are looked
    at before the result is made, so a file changed while it is made is noticed next time."""

    def __init__(self, size: int = 64):
        self.size = size
        self._results: OrderedDict[object, tuple[tuple, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object, files: Iterable[Path], make: Callable[[], T]) -> T:
        signature = files_signature(files)
        with self._lock:
            kept = self._results.get(key)
            if kept is not None and kept[0] == signature:
                self._results.move_to_end(key)
                return kept[1]
        result = make()
        with self._lock:
            self._results[key] = (signature, result)
            self._results.move_to_end(key)
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
