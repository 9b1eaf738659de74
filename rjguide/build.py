"""The build: check the inputs, make the templates, compile catalogues, run Sphinx per
language in parallel, and publish into exports/ only when everything succeeded."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from babel.dates import format_date
from babel.messages.catalog import Catalog

from rjguide import catalogs, fingerprint, landing
from rjguide.checks.model import Entry
from rjguide.checks.po_syntax import check_syntax
from rjguide.checks.runner import check_entry
from rjguide.dates import source_date
from rjguide.downloads_page import fill_downloads_page, fragment
from rjguide.findings import BuildError, Finding, has_errors, relative
from rjguide.glossary_exports import export_glossary
from rjguide.modules import load_modules
from rjguide.packs import concepts_used, make_pack
from rjguide.print.fonts import FONTS, require_fonts
from rjguide.print.plan import check_references, downloads_dir, glossary_excerpt, plan
from rjguide.print.render import render_all
from rjguide.project import Project
from rjguide.publish import publish_tree, write_file
from rjguide.sphinx_runner import SphinxJob, run_jobs
from rjguide.stamps import Stamps, digest, files_digest
from rjguide.stats import progress
from rjguide.termbase import Termbase, load_termbase, require_termbase
from rjguide.ui import ui_translations

PROJECT_NAME = "Restorative process guidance library"


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


def html_job(project: Project, language: str) -> SphinxJob:
    """The HTML build of one language; the source language's also writes the message
    templates (language=en), so the sources are read once for both."""
    overrides = {}
    if language == project.source_language:
        overrides["rj_templates_dir"] = str(project.cache_dir / "gettext")
    return SphinxJob(project.root, language, "html", html_outdir(project, language),
                     project.cache_dir / "doctrees" / language, overrides)


def extract_templates(project: Project) -> list[Finding]:
    """Fresh message templates of every page, from the source language's build."""
    return run_jobs([html_job(project, project.source_language)], 1)[0].findings


def withhold_rejected(project: Project, catalog: Catalog, po: Path, language: str,
                      termbase: Termbase) -> list[Finding]:
    """Leaves out the translations `make check` rejects, so readers see the English text
    rather than a broken rendering; says which, as warnings with the same diagnostics."""
    shown = relative(po, project.root)
    warnings = []
    for message in catalog:
        if not message.id or not message.string or message.fuzzy or \
                isinstance(message.id, tuple):
            continue
        entry = Entry(message.id, message.string, language, project.source_language,
                      tuple(message.user_comments), shown, message.lineno)
        errors = [f for f in check_entry(entry, termbase).findings if f.severity == "error"]
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


def html_outdir(project: Project, language: str) -> Path:
    return project.cache_dir / "html" / language


def build_html(project: Project, languages: list[str] | None = None,
               publish: bool = True) -> list[Finding]:
    languages = languages or list(project.languages)
    for language in languages:
        project.check_language(language)
    findings = check_inputs(project)
    if has_errors(findings):
        raise BuildError(findings)
    # The source language first: its build writes the templates the others' pages count.
    findings += extract_templates(project)
    if has_errors(findings):
        raise BuildError(findings)
    findings += compile_catalogs(project)
    jobs = [html_job(project, lang) for lang in languages if lang != project.source_language]
    for result in run_jobs(jobs, workers()):
        findings += result.findings
    if has_errors(findings):
        raise BuildError(findings)
    if publish:
        publish_site(project, languages)
    return findings


def publish_site(project: Project, languages: list[str] | tuple[str, ...]) -> None:
    for language in languages:
        publish_tree(html_outdir(project, language), project.site_dir / language)
    write_file(project.site_dir / "index.html", landing.render(project).encode("utf-8"))


def glossary_downloads_dir(project: Project) -> Path:
    return project.site_dir / "downloads" / "glossary"


def build_glossary(project: Project) -> list[Path]:
    """The glossary exports (TBX, MARTIF, CSV, Weblate catalogues) into the downloads."""
    return export_glossary(project, require_termbase(project), glossary_downloads_dir(project))


def build_all(project: Project, stage: str = "packs") -> list[Finding]:
    """Everything, or up to a stage: "html", "pdf" or "packs". Nothing reaches exports/
    unless every step succeeded."""
    started = time.perf_counter()
    findings = build_html(project, publish=False)
    times = {"html": time.perf_counter() - started}
    if stage == "html":
        publish_site(project, project.languages)
        return findings
    downloads = downloads_dir(project)
    termbase = require_termbase(project)
    modules, _ = load_modules(project)
    date = source_date(project.root)
    tool = digest(fingerprint(), date.isoformat())
    outside = check_references(project, project.cache_dir / "html")
    if outside:
        raise BuildError(outside)
    documents, jobs = plan(project, project.cache_dir / "html", date)
    rows = {(row.module, row.language): row.counts for row in progress(project, termbase)}
    excerpts = {}
    for module in modules:
        concepts = concepts_used(project, module, termbase)
        for language in project.languages:
            title = next(d.title for d in documents
                         if d.module == module and d.language == language and d.kind == "guide")
            excerpt, job = glossary_excerpt(project, module, language, title, concepts, date)
            excerpts[(module.id, language)] = (excerpt, concepts, title)
            jobs.append(job)
    require_fonts()
    # Only documents whose inputs changed are assembled and rendered again.
    stamps = Stamps(project.cache_dir / "stamps" / "pdf")
    keys = {}
    for spec in jobs:
        language = spec.download.language
        ui_mo = catalogs.compiled_catalog_dir(project, language) / f"{catalogs.UI_DOMAIN}.mo"
        keys[spec.output] = spec.key(tool, ui_mo.read_bytes() if ui_mo.is_file() else b"")
    stale = [spec for spec in jobs if not spec.output.is_file() or
             stamps.findings(str(spec.download.path), keys[spec.output]) is None]
    todo = [spec.job() for spec in stale if spec.download.kind != "handbook"]
    handbooks = [spec.job() for spec in stale if spec.download.kind == "handbook"]
    fonts = tuple(f.path for f in FONTS)
    # The handbooks hold the whole library: one at a time, so memory stays bounded.
    results = render_all(todo, project.root, fonts, workers()) + \
        render_all(handbooks, project.root, fonts, 1)
    todo += handbooks
    failures = [Finding(result.job.sources[0], None, "error", "pdf",
                        f"{result.job.output.name}: {result.error}")
                for result in results if result.error]
    if failures:
        raise BuildError(failures)
    for job in todo:
        stamps.remember(str(job.output.relative_to(downloads)), keys[job.output], [])
    times["pdf"] = time.perf_counter() - started - times["html"]
    times["pdfs_rendered"] = len(todo)
    wanted = {d.path for d in documents} | {e.path for e, _, _ in excerpts.values()}
    export_glossary(project, termbase, downloads / "glossary")
    wanted |= {Path("glossary") / p.name for p in (downloads / "glossary").iterdir()}
    packs = []
    if stage == "packs":
        for module in modules:
            for language in project.languages:
                counts = rows.get((module.id, language))
                complete = language == project.source_language or (
                    counts is not None and counts.translated == counts.total)
                if not complete:
                    continue
                excerpt, concepts, title = excerpts[(module.id, language)]
                mine = [d for d in documents if d.module == module and d.language == language
                        and d.kind in ("guide", "handout")]
                gettext = ui_translations(project, language).gettext
                packs.append(make_pack(
                    project, module, language, title, mine, downloads / excerpt.path, concepts,
                    1.0 if counts is None else counts.share, date, gettext,
                    format_date(date, format="long", locale=language), downloads))
        wanted |= {p.path for p in packs}
    for stale in sorted(downloads.rglob("*"), reverse=True):
        if stale.is_file() and stale.relative_to(downloads) not in wanted:
            stale.unlink()
    for language in project.languages:
        listing = fragment(project, language, modules, documents, packs, rows, downloads)
        fill_downloads_page(html_outdir(project, language) / "downloads.html", listing)
    publish_site(project, project.languages)
    publish_tree(downloads, project.site_dir / "downloads")
    times["total"] = time.perf_counter() - started
    project.reports_dir.mkdir(parents=True, exist_ok=True)
    (project.reports_dir / "build-times.json").write_text(json.dumps(
        {k: round(v, 3) for k, v in times.items()}, indent=2) + "\n")
    return findings
