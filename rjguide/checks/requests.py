"""The working group's word reaches the translators: an open change request is a warning at
its catalogue entry, with the reviewer's comment; a ledger file not to rely on is an error."""

from __future__ import annotations

from rjguide.findings import Finding, relative
from rjguide.library.catalogs import read_catalog
from rjguide.library.ledger import Kind, State, load_ledger, review_dir, state_of
from rjguide.library.project import Project
from rjguide.library.roster import Roster

CHECK = "change-request"


def review_findings(project: Project, language: str, docname: str,
                    roster: Roster) -> list[Finding]:
    if not review_dir(project, language, docname).is_dir():
        return []
    ledger = load_ledger(project, language, docname, roster)
    findings = [invalid.finding() for invalid in ledger.invalid]
    po = project.catalog_path(language, docname)
    if not po.is_file():
        return findings
    shown = relative(po, project.root)
    for entry in read_catalog(po, locale=language):
        decisions = ledger.on(entry)
        if state_of(entry, decisions) is not State.REQUESTED:
            continue
        for request in (d for d in decisions if d.kind is Kind.CHANGES_REQUESTED):
            findings.append(Finding(shown, entry.lineno, "warning", CHECK,
                                    f"{request.name} asks for a change "
                                    f"({request.at.date().isoformat()}): «{request.comment}»"))
    return findings
