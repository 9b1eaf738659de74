"""The site's front door: exports/site/index.html, where a reader chooses a language."""

from __future__ import annotations

from rjguide.library.labels import language_name
from rjguide.library.project import Project
from rjguide.templating import render, templates_of
from rjguide.translation.ui import ui_translations

TEMPLATES = templates_of(__file__)


def render_landing(project: Project) -> str:
    languages = []
    for code in project.languages:
        _ = ui_translations(project, code).gettext
        languages.append({
            "code": code,
            "title": _("Restorative process guidance library"),
            "name": language_name(code),
            # Translators: the link into the library in your language ("Les biblioteket på bokmål").
            "enter": _("Read the library in English"),
        })
    return render(TEMPLATES, "landing.html", languages=languages)
