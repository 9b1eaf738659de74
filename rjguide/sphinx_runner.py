"""Run one Sphinx build in a fresh process and turn what it warns about into findings.

Sphinx keeps its translators in module globals, so two languages must never share a
process: each build gets a new one (`max_tasks_per_child=1`).
"""

from __future__ import annotations

import io
import multiprocessing
import re
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rjguide.findings import BuildError, Finding, relative

WARNING_LINE = re.compile(
    r"^(?:(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+))?(?::<translated>)?: )?"
    r"(?P<level>WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*?)(?: \[(?P<type>[\w.-]+)\])?$"
)


@dataclass(frozen=True)
class SphinxJob:
    root: Path
    language: str
    builder: str
    outdir: Path
    doctreedir: Path
    overrides: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SphinxResult:
    job: SphinxJob
    findings: list[Finding]


def parse_warnings(text: str, root: Path, language: str) -> list[Finding]:
    findings: list[Finding] = []
    for raw in text.splitlines():
        match = WARNING_LINE.match(raw.strip())
        if not match:
            if findings and raw.strip():  # continuation of a multi-line message
                last = findings.pop()
                findings.append(Finding(last.path, last.line, last.severity, last.check,
                                        f"{last.message} {raw.strip()}"))
            continue
        path = relative(match["path"], root) if match["path"] else "conf.py"
        kind = match["type"] or ""
        check = kind.removeprefix("rjguide.") if kind.startswith("rjguide.") else \
            f"sphinx.{kind}" if kind else "sphinx"
        message = match["message"]
        if "<translated>" in raw:
            message = f"in the {language} translation: {message}"
        findings.append(Finding(path, int(match["line"]) if match["line"] else None,
                                "error", check, message))
    return findings


_pages_written = None   # in a child: the queue the parent counts written pages from


def _start_child(queue) -> None:
    global _pages_written
    _pages_written = queue


def _page_written(app, doctree, docname: str) -> None:
    if _pages_written is not None:
        _pages_written.put(1)


def run_job(job: SphinxJob) -> SphinxResult:
    """Runs in a child process: one builder, one language."""
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    nocolor()

    warnings = io.StringIO()
    overrides = {"language": job.language, **job.overrides}
    try:
        with patch_docutils(job.root), docutils_namespace():
            app = Sphinx(
                srcdir=job.root / "source", confdir=job.root, outdir=job.outdir,
                doctreedir=job.doctreedir, buildername=job.builder,
                confoverrides=overrides, status=None, warning=warnings,
                freshenv=False, keep_going=True,
            )
            app.connect("doctree-resolved", _page_written)
            app.build()
    except SphinxError as exc:
        findings = parse_warnings(warnings.getvalue(), job.root, job.language)
        if isinstance(getattr(exc, "orig_exc", None), BuildError):
            # An extension read an input of ours and found it broken: say what, not how.
            return SphinxResult(job, findings + exc.orig_exc.findings)
        findings.append(Finding("conf.py", None, "error", "sphinx",
                                f"{job.builder} build in {job.language} failed: {exc}"))
        return SphinxResult(job, findings)
    except Exception as exc:  # a crash inside Sphinx or an extension: report, don't trace
        findings = parse_warnings(warnings.getvalue(), job.root, job.language)
        findings.append(Finding("conf.py", None, "error", "sphinx",
                                f"{job.builder} build in {job.language} crashed: "
                                f"{type(exc).__name__}: {exc}"))
        return SphinxResult(job, findings)
    return SphinxResult(job, parse_warnings(warnings.getvalue(), job.root, job.language))


def run_jobs(jobs: list[SphinxJob], workers: int,
             page_written: Callable[[int], None] | None = None) -> list[SphinxResult]:
    """Runs the jobs, each in a process of its own, `workers` at a time, in order of the
    list; `page_written` is told of each page a job writes, as it is written."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    counter = threading.Thread(target=_count_pages, args=(queue, page_written), daemon=True)
    counter.start()
    try:
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))),
                                 mp_context=context, max_tasks_per_child=1,
                                 initializer=_start_child, initargs=(queue,)) as pool:
            return list(pool.map(run_job, jobs))
    finally:
        queue.put(None)
        counter.join()


def _count_pages(queue, page_written: Callable[[int], None] | None) -> None:
    while (written := queue.get()) is not None:
        if page_written is not None:
            page_written(written)
