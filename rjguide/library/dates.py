"""The date a build stamps on what it makes: SOURCE_DATE_EPOCH, else the last commit's.

Never the clock, so that the same commit builds the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

# Used only outside a git checkout with no SOURCE_DATE_EPOCH (e.g. an unpacked archive).
FALLBACK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def source_date(root: Path) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=True)
        return dt.datetime.fromtimestamp(int(result.stdout.strip()), tz=dt.UTC)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK
