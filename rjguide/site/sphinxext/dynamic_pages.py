"""Pages whose content is made from data outside the sources (catalogues, metadata):
they are written again on every build so they never show stale figures."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def library_progress(app: Sphinx) -> list:
    """The translation figures of the whole library, counted once per build."""
    from pathlib import Path

    from rjguide.library.project import Project
    from rjguide.translation.stats import progress

    if not hasattr(app, "rj_progress"):
        app.rj_progress = progress(Project.load(Path(app.config.rj_project_root)))
    return app.rj_progress


def page_figures(app: Sphinx, docname: str):
    """The translation figures of one page in this build's language, as `make stats`
    counts them (None in the source language): what the page's banner shows."""
    from pathlib import Path

    from rjguide.library.project import Project
    from rjguide.translation.stats import page_counts

    if app.config.language == app.config.rj_source_language:
        return None
    if not hasattr(app, "rj_page_figures"):
        project = Project.load(Path(app.config.rj_project_root))
        app.rj_page_figures = {p.docname: p.counts for p in
                               page_counts(project, languages=(app.config.language,))}
    return app.rj_page_figures.get(docname)


def note_dynamic_page(env: BuildEnvironment) -> None:
    pages = getattr(env, "rj_dynamic_pages", set())
    pages.add(env.docname)
    env.rj_dynamic_pages = pages


def outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    return sorted(getattr(env, "rj_dynamic_pages", set()) - set(removed))


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "rj_dynamic_pages", set()).discard(docname)


def merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    pages = getattr(env, "rj_dynamic_pages", set())
    pages |= getattr(other, "rj_dynamic_pages", set()) & set(docnames)
    env.rj_dynamic_pages = pages


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
