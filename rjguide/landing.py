"""The site's front door: exports/site/index.html, where a reader chooses a language."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from rjguide.project import Project
from rjguide.sphinxext.languages import language_name
from rjguide.ui import ui_translations

TEMPLATES = Path(__file__).parent / "templates"


def render(project: Project) -> str:
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
    environment = Environment(loader=FileSystemLoader(TEMPLATES),
                              autoescape=select_autoescape(["html"]))
    return environment.get_template("landing.html").render(languages=languages)
