"""A module's status follows the ledger: it is approved only when the working group has
approved every message in every language it is translated into, and the reviewers named
on it are those whose approvals stand in the ledger, never typed by hand."""

from __future__ import annotations

import datetime as dt

from rjguide.findings import BuildError, Finding, relative
from rjguide.library.catalogs import read_catalog
from rjguide.library.ledger import Kind, State, load_ledger, state_of
from rjguide.library.lifecycle import move_module, set_language_approval
from rjguide.library.modules import Module, require_module
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.review.documents import module_pages
from rjguide.translation.stats import progress


def approving_reviewers(project: Project, module: Module) -> list[str]:
    """The names of the reviewers whose approvals of the current texts are in the ledger."""
    roster = Roster.load(project)
    names = set()
    for language in project.target_languages:
        for docname in module_pages(project, module):
            po = project.catalog_path(language, docname)
            if not po.is_file():
                continue
            ledger = load_ledger(project, language, docname, roster)
            for entry in read_catalog(po, locale=language):
                decisions = ledger.on(entry)
                if state_of(entry, decisions) is State.APPROVED:
                    names |= {d.name for d in decisions
                              if d.kind is Kind.APPROVED and d.on_text_of(entry)}
    return sorted(names)


def not_yet_approved(project: Project, module: Module,
                     languages: tuple[str, ...] | None = None) -> list[str]:
    rows = [r for r in progress(project) if r.module == module.id
            and (languages is None or r.language in languages)]
    return [f"{r.language}: {r.approved} of {r.counts.total} messages approved"
            for r in rows if r.approved < r.counts.total]


def move(project: Project, module_id: str, status: str, date: dt.date | None,
         version: str | None, language: str | None = None) -> Module:
    """Moves the module, or with `language` approves (or withdraws) that language alone."""
    module = require_module(project, module_id)
    if language is not None:
        project.check_language(language)
        if status == "approved":
            missing = not_yet_approved(project, module, (language,))
            if missing:
                raise BuildError([Finding(relative(module.path, project.root), None, "error",
                                          "module-status", "cannot approve the language "
                                          "before the working group has approved all of it: "
                                          + "; ".join(missing))])
        return set_language_approval(project, module_id, language, status == "approved")
    reviewers: list[str] = []
    if status == "approved":
        missing = not_yet_approved(project, module)
        if missing:
            raise BuildError([Finding(relative(module.path, project.root), None, "error",
                                      "module-status", "cannot approve the module before the "
                                      "working group has approved all of it: "
                                      + "; ".join(missing))])
        reviewers = approving_reviewers(project, module)
    return move_module(project, module_id, status, reviewers, date, version)
