"""Message templates (.pot) of every page, written by the source language's HTML build.

The source language's Sphinx run both builds its site and writes the templates, so the
sources are read once for both; the build of the other languages reuses the same job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rjguide.findings import Finding
from rjguide.library.project import Project
from rjguide.sphinx_runner import SphinxJob, run_jobs


def html_outdir(project: Project, language: str) -> Path:
    """Where a language's site is built, before it is published into exports/."""
    return project.cache_dir / "html" / language


def html_job(project: Project, language: str) -> SphinxJob:
    """The HTML build of one language; the source language's also writes the templates."""
    overrides = {}
    if language == project.source_language:
        overrides["rj_templates_dir"] = str(project.cache_dir / "gettext")
    return SphinxJob(project.root, language, "html", html_outdir(project, language),
                     project.cache_dir / "doctrees" / language, overrides)


def extract_templates(project: Project,
                      page_written: Callable[[int], None] | None = None) -> list[Finding]:
    """Fresh message templates of every page, from the source language's build."""
    return run_jobs([html_job(project, project.source_language)], 1, page_written)[0].findings
