"""Render print documents to PDF/UA-1 with WeasyPrint, many at a time in one process pool.

Each worker process keeps one font configuration for all the documents it renders. Only
files inside the project and the declared fonts may be read; anything else (the network,
/etc/…, ../../ outside the tree) stops the render. WeasyPrint only logs its errors: here
every logged error fails the document.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import FatalURLFetchingError, URLFetcher

PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class PdfJob:
    html: str
    base_url: str
    output: Path
    sources: tuple[str, ...]   # the source pages it is made of, for diagnostics


@dataclass(frozen=True)
class PdfResult:
    job: PdfJob
    error: str | None


class ProjectFetcher(URLFetcher):
    """Fetches only files inside the project tree, the declared fonts and data: URIs."""

    def __init__(self, root: Path, allowed_files: frozenset[Path]):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.root = root.resolve()
        self.allowed_files = allowed_files

    def fetch(self, url, headers=None):
        scheme = urlparse(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise FatalURLFetchingError(f"'{url}' is outside the project: only files in the "
                                        "project may be used; copy it into the project")
        path = Path(unquote(urlparse(url).path)).resolve()
        if path not in self.allowed_files and not path.is_relative_to(self.root):
            raise FatalURLFetchingError(f"'{path}' is outside the project tree: only files "
                                        "in the project may be used")
        return super().fetch(url, headers)


class _ErrorCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_worker: dict = {}


def _start_worker(root: str, fonts: tuple[str, ...]) -> None:
    from weasyprint.text.fonts import FontConfiguration

    from rjguide.print.structure_tags import repair_structure_tags

    repair_structure_tags()

    _worker["fonts"] = FontConfiguration()
    _worker["fetcher"] = ProjectFetcher(Path(root), frozenset(Path(f).resolve() for f in fonts))
    _worker["errors"] = _ErrorCollector()
    logging.getLogger("weasyprint").addHandler(_worker["errors"])


def render_one(job: PdfJob) -> PdfResult:
    from weasyprint import HTML

    errors: _ErrorCollector = _worker["errors"]
    errors.messages.clear()
    try:
        document = HTML(string=job.html, base_url=job.base_url, url_fetcher=_worker["fetcher"])
        data = document.write_pdf(pdf_variant=PDF_VARIANT, font_config=_worker["fonts"],
                                  uncompressed_pdf=False, pdf_forms=True)
    except FatalURLFetchingError as exc:
        return PdfResult(job, str(exc.__cause__ or exc))
    except Exception as exc:  # a WeasyPrint failure is a build error, reported, not traced
        return PdfResult(job, f"{type(exc).__name__}: {exc}")
    if errors.messages:
        return PdfResult(job, "; ".join(errors.messages))
    job.output.parent.mkdir(parents=True, exist_ok=True)
    if not job.output.is_file() or job.output.read_bytes() != data:
        job.output.write_bytes(data)
    return PdfResult(job, None)


def render_all(jobs: list[PdfJob], root: Path, fonts: tuple[Path, ...], workers: int,
               rendered: Callable[[int], None] = lambda n: None) -> list[PdfResult]:
    """Renders the jobs in a pool; `rendered` is told of each document as it is done.
    The results come in the order of the jobs."""
    if not jobs:
        return []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))), mp_context=context,
                             initializer=_start_worker,
                             initargs=(str(root), tuple(str(f) for f in fonts))) as pool:
        futures = [pool.submit(render_one, job) for job in jobs]
        for _done in as_completed(futures):
            rendered(1)
        return [future.result() for future in futures]
