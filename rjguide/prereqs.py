"""Checks the machine before anything is installed: standard library only, so `make` can
run it with the system Python and say which system package to install."""

from __future__ import annotations

import ctypes.util
import shutil
import sys
from pathlib import Path

NEEDS = [
    # (what, how to test, Debian package that provides it)
    ("Python 3.11 or newer", lambda: sys.version_info >= (3, 11), "python3 (3.11+)"),
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


def main() -> int:
    missing = [(what, package) for what, test, package in NEEDS if not _holds(test)]
    for what, package in missing:
        print(f"make: error: prerequisite: {what} is missing; install it with "
              f"'apt-get install {package}' (Debian/Ubuntu) and run make again", file=sys.stderr)
    return 1 if missing else 0


def _holds(test) -> bool:
    try:
        return bool(test())
    except Exception:
        return False


if __name__ == "__main__":
    sys.exit(main())
