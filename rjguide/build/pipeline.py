"""The build as a pipeline: a table of named steps, each a function that reads what the
steps before it left in a `BuildRun` and adds its own. A new output is one more entry.

Nothing reaches exports/ unless every step succeeded: the steps work in the cache, and
the last one publishes.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from babel.dates import format_date

from rjguide import fingerprint
from rjguide.build.site import build_html, publish_site, workers
from rjguide.downloads.glossary_exports import export_glossary
from rjguide.downloads.packs import TrainingPack, concepts_used, make_pack
from rjguide.downloads.page import fill_downloads_page, fragment
from rjguide.findings import BuildError, Finding
from rjguide.library import catalogs
from rjguide.library.catalogs import Counts
from rjguide.library.dates import source_date
from rjguide.library.modules import Module, load_modules
from rjguide.library.project import Project
from rjguide.library.termbase import Termbase, require_termbase
from rjguide.print.fonts import FONTS, require_fonts
from rjguide.print.plan import (
    Download,
    PdfSpec,
    check_references,
    downloads_dir,
    glossary_excerpt,
    plan,
)
from rjguide.print.render import render_all
from rjguide.progress import Silent
from rjguide.publish import publish_tree
from rjguide.stamps import Stamps, digest
from rjguide.translation.extract import html_outdir
from rjguide.translation.stats import progress
from rjguide.translation.ui import ui_translations


@dataclass
class BuildRun:
    """What one build knows so far: each step reads what earlier steps left here."""

    project: Project
    report: Silent = field(default_factory=Silent)
    said: dict[str, str] = field(default_factory=dict)   # each step's one-line result
    findings: list[Finding] = field(default_factory=list)
    times: dict[str, float] = field(default_factory=dict)
    downloads_made: bool = False           # a step wrote into the downloads folder
    documents: list[Download] = field(default_factory=list)
    excerpts: dict[tuple[str, str], tuple[Download, list, str]] = field(default_factory=dict)
    packs: list[TrainingPack] = field(default_factory=list)
    wanted: set[Path] = field(default_factory=set)   # downloads this build made or kept

    @property
    def downloads(self) -> Path:
        return downloads_dir(self.project)

    @cached_property
    def counts(self) -> dict[tuple[str, str], Counts]:
        """Translation progress by (module, language), computed once for the whole build."""
        return {(row.module, row.language): row.counts for row in progress(self.project)}


@dataclass(frozen=True)
class Step:
    name: str
    does: str                          # what the progress display says it is doing
    run: Callable[[BuildRun], None]
    final: bool = False                # finishes what the chosen steps made; always runs


def build_site(run: BuildRun) -> None:
    project = run.project
    pages = len(project.docnames) * len(project.languages)
    run.report.total(pages)
    written = []

    def page_written(n: int) -> None:
        written.append(n)
        run.report.advance(n)

    run.findings += build_html(project, publish=False, page_written=page_written)
    run.said["html"] = f"{sum(written)} pages written, {max(0, pages - sum(written))} " \
        f"unchanged, in {len(project.languages)} languages"


def export_glossaries(run: BuildRun) -> None:
    folder = run.downloads / "glossary"
    export_glossary(run.project, require_termbase(run.project), folder)
    made = {Path("glossary") / p.name for p in folder.iterdir()}
    run.wanted |= made
    run.downloads_made = True
    run.said["glossary"] = f"{len(made)} files in {len(run.project.languages)} languages"


def plan_excerpts(run: BuildRun, modules: list[Module], termbase: Termbase,
                  date: dt.datetime) -> list[PdfSpec]:
    """Each module's glossary excerpt, one per language, beside its facilitator guide."""
    specs = []
    for module in modules:
        concepts = concepts_used(run.project, module, termbase)
        for language in run.project.languages:
            title = next(d.title for d in run.documents if d.module == module
                         and d.language == language and d.kind == "guide")
            excerpt, spec = glossary_excerpt(run.project, module, language, title, concepts,
                                             date)
            run.excerpts[(module.id, language)] = (excerpt, concepts, title)
            specs.append(spec)
    return specs


def stale_specs(project: Project, specs: list[PdfSpec], stamps: Stamps,
                tool: str) -> tuple[list[PdfSpec], dict[Path, str]]:
    """The PDFs whose inputs changed since they were last rendered, and every PDF's key."""
    keys = {}
    for spec in specs:
        language = spec.download.language
        ui_mo = catalogs.compiled_catalog_dir(project, language) / f"{catalogs.UI_DOMAIN}.mo"
        keys[spec.output] = spec.key(tool, ui_mo.read_bytes() if ui_mo.is_file() else b"")
    stale = [spec for spec in specs if not spec.output.is_file() or
             stamps.findings(str(spec.download.path), keys[spec.output]) is None]
    return stale, keys


def render_pdfs(run: BuildRun) -> None:
    """Plans every printed document and renders those whose inputs changed."""
    project = run.project
    date = source_date(project.root)
    outside = check_references(project, project.cache_dir / "html")
    if outside:
        raise BuildError(outside)
    run.documents, specs = plan(project, project.cache_dir / "html", date)
    specs += plan_excerpts(run, load_modules(project)[0], require_termbase(project), date)
    require_fonts()
    stamps = Stamps(project.cache_dir / "stamps" / "pdf")
    stale, keys = stale_specs(project, specs, stamps, digest(fingerprint(), date.isoformat()))
    todo = [spec.job() for spec in stale if spec.download.kind != "handbook"]
    handbooks = [spec.job() for spec in stale if spec.download.kind == "handbook"]
    fonts = tuple(f.path for f in FONTS)
    run.report.total(len(stale))
    # The handbooks hold the whole library: one at a time, so memory stays bounded.
    results = render_all(todo, project.root, fonts, workers(), run.report.advance) + \
        render_all(handbooks, project.root, fonts, 1, run.report.advance)
    failures = [Finding(result.job.sources[0], None, "error", "pdf",
                        f"{result.job.output.name}: {result.error}")
                for result in results if result.error]
    if failures:
        raise BuildError(failures)
    for job in todo + handbooks:
        stamps.remember(str(job.output.relative_to(run.downloads)), keys[job.output], [])
    run.times["pdfs_rendered"] = len(todo) + len(handbooks)
    run.said["pdf"] = f"{len(stale)} rendered, {len(specs) - len(stale)} unchanged"
    run.wanted |= {d.path for d in run.documents}
    run.wanted |= {excerpt.path for excerpt, _, _ in run.excerpts.values()}
    run.downloads_made = True


def make_packs(run: BuildRun) -> None:
    """A training pack for each module in each language it is fully translated into."""
    project = run.project
    date = source_date(project.root)
    for module in load_modules(project)[0]:
        for language in project.languages:
            counts = run.counts.get((module.id, language))
            complete = language == project.source_language or (
                counts is not None and counts.translated == counts.total)
            if not complete:
                continue
            excerpt, concepts, title = run.excerpts[(module.id, language)]
            mine = [d for d in run.documents if d.module == module and d.language == language
                    and d.kind in ("guide", "handout")]
            gettext = ui_translations(project, language).gettext
            run.packs.append(make_pack(
                project, module, language, title, mine, run.downloads / excerpt.path, concepts,
                1.0 if counts is None else counts.share, date, gettext,
                format_date(date, format="long", locale=language), run.downloads))
    run.wanted |= {p.path for p in run.packs}
    run.said["packs"] = f"{len(run.packs)} training packs"


def list_downloads(run: BuildRun) -> None:
    """Removes downloads no longer made, then lists the rest on each language's page."""
    if not run.downloads_made:
        return
    for stale in sorted(run.downloads.rglob("*"), reverse=True):
        if stale.is_file() and stale.relative_to(run.downloads) not in run.wanted:
            stale.unlink()
    project = run.project
    modules = load_modules(project)[0]
    for language in project.languages:
        excerpts = [excerpt for excerpt, _concepts, _title in run.excerpts.values()]
        listing = fragment(project, language, modules, run.documents + excerpts, run.packs,
                           run.counts, run.downloads)
        fill_downloads_page(html_outdir(project, language) / "downloads.html", listing)
    run.said["downloads"] = f"listed {len(run.wanted)} files"


def publish(run: BuildRun) -> None:
    written = publish_site(run.project, run.project.languages)
    if run.downloads_made:
        written += publish_tree(run.downloads, run.project.site_dir / "downloads")
    run.said["publish"] = f"{len(written)} files updated in " \
        f"{run.project.site_dir.relative_to(run.project.root)}/"


STEPS: tuple[Step, ...] = (
    Step("html", "the HTML site of every language", build_site),
    Step("glossary", "the glossary exports (TBX, MARTIF, CSV, Weblate)", export_glossaries),
    Step("pdf", "the PDFs: facilitator guides, handouts, glossary excerpts, handbooks",
         render_pdfs),
    Step("packs", "the training packs", make_packs),
    Step("downloads", "the downloads page of every language", list_downloads, final=True),
    Step("publish", "publishing into exports/site", publish, final=True),
)
TARGETS = tuple(step.name for step in STEPS if not step.final)


def steps_to(target: str) -> list[Step]:
    """The steps of a build up to `target` (one of TARGETS), and the final ones."""
    if target not in TARGETS:
        raise ValueError(f"no build step '{target}'; the steps are {', '.join(TARGETS)}")
    last = TARGETS.index(target)
    return [step for step in STEPS if step.final or TARGETS.index(step.name) <= last]


def build_all(project: Project, stage: str = TARGETS[-1],
              report: Silent | None = None) -> list[Finding]:
    """Everything, or up to a step. Nothing reaches exports/ unless every step succeeded."""
    run = BuildRun(project, report or Silent())
    started = time.perf_counter()
    for step in steps_to(stage):
        begun = time.perf_counter()
        run.report.step(step.name, step.does)
        step.run(run)
        run.times[step.name] = time.perf_counter() - begun
        run.report.finish(run.said.get(step.name, ""))
    run.times["total"] = time.perf_counter() - started
    project.reports_dir.mkdir(parents=True, exist_ok=True)
    (project.reports_dir / "build-times.json").write_text(json.dumps(
        {k: round(v, 3) for k, v in run.times.items()}, indent=2) + "\n")
    return run.findings


def glossary_downloads_dir(project: Project) -> Path:
    return project.site_dir / "downloads" / "glossary"


def build_glossary(project: Project) -> list[Path]:
    """The glossary exports (TBX, MARTIF, CSV, Weblate catalogues) into the downloads."""
    return export_glossary(project, require_termbase(project), glossary_downloads_dir(project))
