"""Reader-facing names of metadata values, in the reader's language."""

from __future__ import annotations

from sphinx.locale import _


def status_label(status: str) -> str:
    return str({"draft": _("Draft"), "review": _("In review"), "approved": _("Approved")}[status])


def level_label(level: str) -> str:
    return str({
        "introductory": _("Introductory"),
        "intermediate": _("Intermediate"),
        "advanced": _("Advanced"),
    }[level])


def audience_label(audience: str) -> str:
    return str({
        "facilitators": _("Facilitators"),
        "coordinators": _("Coordinators"),
        "correctional-staff": _("Correctional Service staff"),
        "trainers": _("Trainers"),
        "partner-agencies": _("Partner agencies"),
    }[audience])


def library_title() -> str:
    return str(_("Restorative process guidance library"))
