"""The interface catalogue outside Sphinx: labels for PDFs, packs and generated pages."""

from __future__ import annotations

from babel.support import NullTranslations, Translations

from rjguide.library.catalogs import UI_DOMAIN, compiled_catalog_dir
from rjguide.library.project import Project


def ui_translations(project: Project, language: str) -> NullTranslations:
    """The compiled interface catalogue of a language (the build compiles it first)."""
    if language == project.source_language:
        return NullTranslations()
    directory = compiled_catalog_dir(project, language).parent.parent
    return Translations.load(str(directory), [language], domain=UI_DOMAIN)
