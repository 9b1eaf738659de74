"""With `rjguide review-server --commit`, every decision is also a git commit, authored as
the reviewer who made it: the repository's history then says who decided what, and when."""

from __future__ import annotations

import fcntl
import subprocess
from pathlib import Path

from rjguide.library.project import Project
from rjguide.library.roster import RosterEntry

COMMITTER = ["-c", "user.name=rjguide review server", "-c", "user.email=review-server@invalid"]


def commit_decision(project: Project, paths: list[Path], reviewer: RosterEntry,
                    summary: str, lock: Path) -> bool:
    """Commits exactly these ledger files (added, changed or removed), one commit at a time
    across the server's workers. Returns False when there was nothing to commit."""
    git = ["git", "-C", str(project.root), *COMMITTER]
    shown = [str(p.relative_to(project.root)) for p in paths]
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        subprocess.run([*git, "add", "--all", "--", *shown], check=True, capture_output=True)
        staged = subprocess.run([*git, "diff", "--cached", "--quiet", "--", *shown])
        if staged.returncode == 0:
            return False
        subprocess.run([*git, "commit", "--quiet", "--no-verify",
                        f"--author={reviewer.name} <{reviewer.account}@review.invalid>",
                        "-m", summary, "--", *shown], check=True, capture_output=True)
    return True
