"""The translation dashboard: every module's progress in every language, with a badge each.

Figures come from the same function as `make stats`, so the page and the command agree.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective

from rjguide.library.labels import language_name
from rjguide.library.project import Project
from rjguide.site.sphinxext.dynamic_pages import library_progress, note_dynamic_page
from rjguide.site.sphinxext.languages import site_root
from rjguide.translation.badges import badge_svg
from rjguide.translation.stats import LIBRARY_PAGES, Progress, percent_text


class translation_dashboard(nodes.General, nodes.Element):
    """Stands where the dashboard goes until the page is written."""


class TranslationDashboard(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        note_dynamic_page(self.env)
        return [translation_dashboard()]


def badge_name(module: str, language: str) -> str:
    return f"{'library' if module == LIBRARY_PAGES else module}-{language}.svg"


def cell_text(row: Progress, language: str) -> str:
    counts = row.counts
    text = str(_("%(translated)s of %(total)s messages, %(fuzzy)s fuzzy")) % {
        "translated": counts.translated, "total": counts.total, "fuzzy": counts.fuzzy}
    approved = str(_("approved: %(share)s")) % {
        "share": percent_text(row.approved_share, language)}
    requested = str(_("changes requested: %(count)s")) % {"count": row.requested}
    return f"{percent_text(counts.share, language)} · {text} · {approved} · {requested}"


def dashboard_table(app: Sphinx, docname: str, rows: list[Progress]) -> nodes.table:
    language = app.config.language
    project = Project.load(Path(app.config.rj_project_root))
    modules = list(dict.fromkeys(row.module for row in rows))
    table = nodes.table(classes=["rj-dashboard"])
    group = nodes.tgroup(cols=1 + len(project.target_languages))
    table += group
    for _column in range(1 + len(project.target_languages)):
        group += nodes.colspec(colwidth=1)
    head = nodes.row()
    head += nodes.entry("", nodes.paragraph(text=str(_("Module"))))
    for code in project.target_languages:
        head += nodes.entry("", nodes.paragraph(text=language_name(code)))
    group += nodes.thead("", head)
    body = nodes.tbody()
    badges = site_root(docname) + language + "/_static/badges/"
    for module in modules:
        row = nodes.row()
        if module == LIBRARY_PAGES:
            title = str(_("Library pages (home, catalogue, glossary, guides)"))
        else:
            found = app.env.titles.get(f"modules/{module}/index")
            title = found.astext() if found else module
        row += nodes.entry("", nodes.paragraph(text=title))
        for code in project.target_languages:
            data = next(r for r in rows if r.module == module and r.language == code)
            cell = nodes.paragraph()
            cell += nodes.raw("", f'<img src="{badges}{badge_name(module, code)}" alt="" '
                                  'height="20"> ', format="html")
            cell += nodes.Text(cell_text(data, language))
            row += nodes.entry("", cell)
        body += row
    group += body
    return table


def fill_dashboard(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(translation_dashboard))
    if not placeholders:
        return
    rows = library_progress(app)
    for node in placeholders:
        if app.builder.format == "html":
            node.replace_self(dashboard_table(app, docname, rows))
        else:
            node.parent.remove(node)


def write_badges(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / "_static" / "badges"
    folder.mkdir(parents=True, exist_ok=True)
    for row in library_progress(app):
        label = row.language if row.module == LIBRARY_PAGES else f"{row.module} {row.language}"
        svg = badge_svg(label, f"{row.counts.share * 100:.0f} %", row.counts.share)
        path = folder / badge_name(row.module, row.language)
        if not path.is_file() or path.read_text(encoding="utf-8") != svg:
            path.write_text(svg, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.setup_extension("rjguide.site.sphinxext.dynamic_pages")
    app.add_node(translation_dashboard)
    app.add_directive("translation-dashboard", TranslationDashboard)
    app.connect("doctree-resolved", fill_dashboard)
    app.connect("build-finished", write_badges)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
