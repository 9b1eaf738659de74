"""Reader-facing names of metadata values, in the reader's language.

Inside Sphinx the default `_` translates; outside it (PDFs, packs) the caller passes the
language's `gettext`.
"""

from __future__ import annotations

from collections.abc import Callable

from babel import Locale
from sphinx.locale import _

Gettext = Callable[[str], str]


def status_label(status: str, gettext: Gettext = _) -> str:
    return str({"draft": gettext("Draft"), "review": gettext("In review"),
                "approved": gettext("Approved")}[status])


def level_label(level: str, gettext: Gettext = _) -> str:
    return str({
        "introductory": gettext("Introductory"),
        "intermediate": gettext("Intermediate"),
        "advanced": gettext("Advanced"),
    }[level])


def audience_label(audience: str, gettext: Gettext = _) -> str:
    return str({
        "facilitators": gettext("Facilitators"),
        "coordinators": gettext("Coordinators"),
        "correctional-staff": gettext("Correctional Service staff"),
        "trainers": gettext("Trainers"),
        "partner-agencies": gettext("Partner agencies"),
    }[audience])


def library_title(gettext: Gettext = _) -> str:
    return str(gettext("Restorative process guidance library"))


def language_name(code: str) -> str:
    """A language's name in that language, as a reader looks for it: "Norsk nynorsk"."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def language_name_in_text(code: str) -> str:
    """A language's name as it stands inside a sentence of that language: "norsk nynorsk"."""
    return Locale.parse(code).get_display_name(code) or code
