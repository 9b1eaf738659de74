"""`make po`: fresh templates from the English source, then every catalogue updated.

A page catalogue is merged with its fresh template (changed messages fuzzy, removed ones
obsolete), then given the translation memory's offers for what is still untranslated and
the glossary notes of every message.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from rjguide.findings import Finding
from rjguide.library import catalogs
from rjguide.library.project import PROJECT_NAME, Project
from rjguide.library.termbase import Termbase, load_termbase
from rjguide.publish import write_file
from rjguide.translation import glossary_notes
from rjguide.translation.extract import extract_templates
from rjguide.translation.memory import TranslationMemory
from rjguide.translation.ui_strings import ui_template

INTERFACE_DOMAINS = (catalogs.UI_DOMAIN, catalogs.REVIEW_DOMAIN)


def update_ui_catalogs(project: Project) -> list[Path]:
    return catalogs.update_interface(project, ui_template(), catalogs.UI_DOMAIN, PROJECT_NAME)


def page_catalogues(project: Project, language: str) -> dict[str, Catalog]:
    """Every page catalogue of a language as it is now, by docname, including those of
    pages that are gone (their translations still serve the memory)."""
    folder = project.catalog_dir(language)
    found = {}
    for po in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
        docname = po.relative_to(folder).with_suffix("").as_posix()
        if docname not in INTERFACE_DOMAINS:
            found[docname] = catalogs.read_catalog(po, locale=language)
    return found


def update_language(project: Project, language: str, termbase: Termbase) -> list[Path]:
    """Brings one language's page catalogues in line with the fresh templates; the memory
    is built once, from the catalogues as they were before this update."""
    existing = page_catalogues(project, language)
    memory = TranslationMemory((f"{docname}.po", catalog)
                               for docname, catalog in existing.items())
    changed = []
    for docname in project.docnames:
        template_file = catalogs.template_path(project, docname)
        if not template_file.is_file():
            continue
        # A template of its own for each language: the merge keeps the template's
        # message objects for new entries, and the memory fills those in.
        catalog = catalogs.merge(catalogs.read_catalog(template_file),
                                 existing.get(docname), language, PROJECT_NAME)
        memory.offer(catalog)
        glossary_notes.annotate(catalog, termbase, project.source_language, language)
        po = project.catalog_path(language, docname)
        if write_file(po, catalogs.serialise(catalog)):
            changed.append(po)
    return changed


def update_all(project: Project) -> tuple[list[Finding], list[Path]]:
    # The source's own problems are the build's to stop on; catalogues are updated anyway.
    findings = [Finding(f.path, f.line, "warning", f.check, f.message)
                for f in extract_templates(project)]
    # A broken concept file is the checks' to report; the notes use the concepts that load.
    termbase, _termbase_findings = load_termbase(project)
    changed: list[Path] = []
    for language in project.target_languages:
        changed += update_language(project, language, termbase)
    changed += update_ui_catalogs(project)
    return findings, changed
