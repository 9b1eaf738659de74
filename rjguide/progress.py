"""What a long command is doing while it does it: the step, and N of M documents.

On a terminal a live bar (rich); elsewhere (CI, a log, a pipe) plain lines, a few per
step, never a redraw per frame. Work that is not watched reports to `Silent`.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Silent:
    """Reports nowhere: for library calls and tests."""

    def step(self, name: str, does: str, total: int | None = None) -> None:
        """A step starts; `total` is how many documents it will make, if known."""

    def total(self, total: int) -> None:
        """The step now knows how many documents it will make."""

    def advance(self, done: int = 1) -> None:
        """`done` more documents of the step are made."""

    def finish(self, said: str = "") -> None:
        """The step is over; `said` is its one-line result (what it made, what it skipped)."""

    def close(self) -> None:
        """The command is over."""


class PlainLines(Silent):
    """One line when a step starts, one at each tenth of its documents, one at its end."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.name = ""
        self.count = 0
        self.of: int | None = None
        self.shown = 0
        self.started = 0.0

    def say(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def step(self, name: str, does: str, total: int | None = None) -> None:
        self.name, self.count, self.of, self.shown = name, 0, total, 0
        self.started = time.perf_counter()
        self.say(f"{name}: {does}")

    def total(self, total: int) -> None:
        self.of = total

    def advance(self, done: int = 1) -> None:
        self.count += done
        if not self.of:
            return
        tenth = self.count * 10 // self.of
        if tenth > self.shown:
            self.shown = tenth
            self.say(f"{self.name}: {self.count} of {self.of}")

    def finish(self, said: str = "") -> None:
        took = time.perf_counter() - self.started
        self.say(f"{self.name}: done in {took:.1f} s" + (f": {said}" if said else ""))


class LiveBar(Silent):
    """A rich progress bar per step, kept on screen as a list of what was done."""

    def __init__(self, stream: TextIO):
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(file=stream), transient=False)
        self.progress.start()
        self.task = None
        self.name = ""

    def step(self, name: str, does: str, total: int | None = None) -> None:
        self.name = name
        self.task = self.progress.add_task(f"{name}: {does}", total=total)

    def total(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, done: int = 1) -> None:
        self.progress.advance(self.task, done)

    def finish(self, said: str = "") -> None:
        task = self.progress.tasks[-1]
        self.progress.update(self.task, total=task.total or task.completed or 1,
                             completed=task.total or task.completed or 1,
                             description=f"{self.name}: {said}" if said else task.description)

    def close(self) -> None:
        self.progress.stop()


def reporter(stream: TextIO = sys.stderr) -> Silent:
    """A live bar on an interactive terminal, plain lines anywhere else (CI has no TTY)."""
    interactive = stream.isatty() and not os.environ.get("CI") and \
        os.environ.get("TERM") != "dumb"
    return LiveBar(stream) if interactive else PlainLines(stream)
