"""The site: check the inputs, compile the catalogues (leaving out what `make check`
rejects), run Sphinx for every language in parallel, and publish the HTML trees."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog

from rjguide import fingerprint
from rjguide.checks.po_syntax import check_syntax
from rjguide.checks.runner import message_errors
from rjguide.findings import BuildError, Finding, has_errors, relative
from rjguide.library import catalogs
from rjguide.library.modules import load_modules
from rjguide.library.project import Project
from rjguide.library.termbase import Termbase, load_termbase, require_termbase
from rjguide.publish import publish_tree, write_file
from rjguide.site.landing import render_landing
from rjguide.sphinx_runner import run_jobs
from rjguide.stamps import Stamps, digest, files_digest
from rjguide.translation.extract import extract_templates, html_job, html_outdir


def workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def check_inputs(project: Project) -> list[Finding]:
    """What must hold before Sphinx runs: module metadata and readable catalogues."""
    _modules, findings = load_modules(project)
    findings += load_termbase(project)[1]
    stamps = Stamps(project.cache_dir / "stamps" / "syntax")
    tool = fingerprint()
    for language in project.target_languages:
        for po in sorted(project.catalog_dir(language).rglob("*.po")):
            name = f"{language}/{po.relative_to(project.catalog_dir(language))}"
            key = digest(tool, po.read_bytes())
            remembered = stamps.findings(name, key)
            if remembered is None:
                remembered = check_syntax(po, project.root, language)
                stamps.remember(name, key, remembered)
            findings += remembered
    return findings


def termbase_digest(project: Project) -> str:
    return files_digest(sorted((project.glossary_dir / "concepts").glob("*.yaml")))


def withhold_rejected(project: Project, catalog: Catalog, po: Path, language: str,
                      termbase: Termbase) -> list[Finding]:
    """Leaves out the translations `make check` rejects, so readers see the English text
    rather than a broken rendering; says which, as warnings with the same diagnostics."""
    shown = relative(po, project.root)
    warnings = []
    for message in catalog:
        errors = message_errors(message, language, project.source_language, termbase, shown)
        if errors:
            message.string = ""
            warnings += [Finding(f.path, f.line, "warning", f.check,
                                 f"{f.message} (left untranslated in the build)")
                         for f in errors]
    return warnings


def compile_catalogs(project: Project) -> list[Finding]:
    """Compiles every page's catalogue (an empty one where none exists, so Sphinx marks
    every paragraph's state) and the interface catalogue, into the build's locale folder."""
    termbase = require_termbase(project)
    stamps = Stamps(project.cache_dir / "stamps" / "compiled")
    tool = digest(fingerprint(), termbase_digest(project))
    findings: list[Finding] = []
    for language in project.target_languages:
        out = catalogs.compiled_catalog_dir(project, language)
        wanted = set()
        for docname in project.docnames:
            po = project.catalog_path(language, docname)
            mo = out / f"{docname}.mo"
            wanted |= {mo, mo.with_suffix(".po")}
            key = digest(tool, po.read_bytes() if po.is_file() else b"")
            remembered = stamps.findings(f"{language}/{docname}", key)
            if remembered is not None and mo.is_file():
                findings += remembered   # unchanged since it was checked and compiled
                continue
            warnings: list[Finding] = []
            if po.is_file():
                catalog = catalogs.read_catalog(po, locale=language)
                warnings = withhold_rejected(project, catalog, po, language, termbase)
            else:
                catalog = Catalog(locale=language)
            catalogs.compile_catalog(catalog, mo)
            stamps.remember(f"{language}/{docname}", key, warnings)
            findings += warnings
        ui_po = project.catalog_path(language, catalogs.UI_DOMAIN)
        ui = catalogs.read_catalog(ui_po, locale=language) if ui_po.is_file() \
            else Catalog(locale=language)
        ui_mo = out / f"{catalogs.UI_DOMAIN}.mo"
        catalogs.compile_catalog(ui, ui_mo)
        js = out / f"{catalogs.UI_DOMAIN}.js"
        write_file(js, catalogs.translations_js(ui, language).encode("utf-8"))
        wanted |= {ui_mo, ui_mo.with_suffix(".po"), js}
        for stale in out.rglob("*"):
            if stale.is_file() and stale not in wanted:
                stale.unlink()
    return findings


def build_html(project: Project, languages: list[str] | None = None, publish: bool = True,
               page_written: Callable[[int], None] | None = None) -> list[Finding]:
    """The site of each language into the cache (and exports/ when `publish`);
    `page_written` is told of every page as Sphinx writes it."""
    languages = languages or list(project.languages)
    for language in languages:
        project.check_language(language)
    findings = check_inputs(project)
    if has_errors(findings):
        raise BuildError(findings)
    # The source language first: its build writes the templates the others' pages count.
    findings += extract_templates(project, page_written)
    if has_errors(findings):
        raise BuildError(findings)
    findings += compile_catalogs(project)
    jobs = [html_job(project, lang) for lang in languages if lang != project.source_language]
    for result in run_jobs(jobs, workers(), page_written):
        findings += result.findings
    if has_errors(findings):
        raise BuildError(findings)
    if publish:
        publish_site(project, languages)
    return findings


def publish_site(project: Project, languages: list[str] | tuple[str, ...]) -> list[Path]:
    """Publishes each language's site and the front door; returns the files written."""
    written = []
    for language in languages:
        written += publish_tree(html_outdir(project, language), project.site_dir / language)
    front = project.site_dir / "index.html"
    if write_file(front, render_landing(project).encode("utf-8")):
        written.append(front)
    return written
