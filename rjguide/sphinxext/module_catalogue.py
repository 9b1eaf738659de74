"""The catalogue page: every module with its metadata and how far each language has come.

The table is made when the page is written, so it always shows the current catalogues;
the page is rebuilt on every build for the same reason.
"""

from __future__ import annotations

from pathlib import Path

from babel.numbers import format_percent
from babel.units import format_unit
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective

from rjguide.catalogs import Counts, document_counts
from rjguide.labels import audience_label, level_label, status_label
from rjguide.modules import Module, load_modules
from rjguide.project import Project
from rjguide.sphinxext.languages import language_name


class module_catalogue(nodes.General, nodes.Element):
    """Stands where the catalogue table goes until the page is written."""


class ModuleCatalogue(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        pages = getattr(self.env, "rj_catalogue_pages", set())
        pages.add(self.env.docname)
        self.env.rj_catalogue_pages = pages
        return [module_catalogue()]


def module_docnames(project: Project, module: Module) -> list[str]:
    prefix = f"modules/{module.id}/"
    return [d for d in project.docnames if d.startswith(prefix)]


def module_counts(project: Project, module: Module, language: str) -> Counts:
    total = Counts()
    for docname in module_docnames(project, module):
        total += document_counts(project, docname, language)
    return total


def catalogue_table(app: Sphinx, fromdocname: str) -> nodes.table:
    language = app.config.language
    project = Project.load(Path(app.config.rj_project_root))
    modules, _problems = load_modules(project)
    headers = [_("Module"), _("Audience"), _("Duration"), _("Level"), _("Status"),
               _("Version"), _("Translated")]
    table = nodes.table(classes=["rj-catalogue"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _header in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph(text=str(header)))
    head += row
    group += head
    body = nodes.tbody()
    for module in modules:
        row = nodes.row()
        title = app.env.titles.get(module.docname)
        link = nodes.reference("", "", refuri=app.builder.get_relative_uri(fromdocname,
                                                                           module.docname))
        link += nodes.Text(title.astext() if title else module.id)
        progress = nodes.bullet_list(classes=["rj-progress-list"])
        for code in project.languages:
            share = 1.0 if code == project.source_language else \
                module_counts(project, module, code).share
            progress += nodes.list_item("", nodes.paragraph(
                text=f"{language_name(code)}: {format_percent(share, locale=language)}"))
        cells = [
            nodes.paragraph("", "", link),
            nodes.paragraph(text=", ".join(audience_label(a) for a in module.audience)),
            nodes.paragraph(text=format_unit(module.duration, "duration-minute",
                                             length="long", locale=language)),
            nodes.paragraph(text=level_label(module.level)),
            nodes.paragraph(text=status_label(module.status)),
            nodes.paragraph(text=module.version),
            progress,
        ]
        for cell in cells:
            row += nodes.entry("", cell)
        body += row
    group += body
    return table


def fill_catalogue(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        for node in list(doctree.findall(module_catalogue)):
            node.parent.remove(node)
        return
    for node in list(doctree.findall(module_catalogue)):
        node.replace_self(catalogue_table(app, docname))


def always_rebuild(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    return sorted(getattr(env, "rj_catalogue_pages", set()) - set(removed))


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "rj_catalogue_pages", set()).discard(docname)


def merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    pages = getattr(env, "rj_catalogue_pages", set())
    pages |= getattr(other, "rj_catalogue_pages", set()) & set(docnames)
    env.rj_catalogue_pages = pages


def setup(app: Sphinx) -> dict:
    app.add_node(module_catalogue)
    app.add_directive("module-catalogue", ModuleCatalogue)
    app.connect("doctree-resolved", fill_catalogue)
    app.connect("env-get-outdated", always_rebuild)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
