"""The catalogue page: every module with its metadata and how far each language has come.

The table is made when the page is written, so it always shows the current catalogues;
the page is rebuilt on every build for the same reason.
"""

from __future__ import annotations

from pathlib import Path

from babel.units import format_unit
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective

from rjguide.library.labels import audience_label, language_name, level_label, status_label
from rjguide.library.modules import load_modules
from rjguide.library.project import Project
from rjguide.site.sphinxext.dynamic_pages import library_progress, note_dynamic_page
from rjguide.translation.stats import percent_text


class module_catalogue(nodes.General, nodes.Element):
    """Stands where the catalogue table goes until the page is written."""


class ModuleCatalogue(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        note_dynamic_page(self.env)
        return [module_catalogue()]


def catalogue_table(app: Sphinx, fromdocname: str) -> nodes.table:
    language = app.config.language
    project = Project.load(Path(app.config.rj_project_root))
    modules, _problems = load_modules(project)
    shares = {(row.module, row.language): row.counts.share for row in library_progress(app)}
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
        shares_list = nodes.bullet_list(classes=["rj-progress-list"])
        for code in project.languages:
            share = shares.get((module.id, code), 1.0)
            shares_list += nodes.list_item("", nodes.paragraph(
                text=f"{language_name(code)}: {percent_text(share, language)}"))
        cells = [
            nodes.paragraph("", "", link),
            nodes.paragraph(text=", ".join(audience_label(a) for a in module.audience)),
            nodes.paragraph(text=format_unit(module.duration, "duration-minute",
                                             length="long", locale=language)),
            nodes.paragraph(text=level_label(module.level)),
            nodes.paragraph(text=status_label(module.status_in(language))),
            nodes.paragraph(text=module.version),
            shares_list,
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


def setup(app: Sphinx) -> dict:
    app.add_node(module_catalogue)
    app.add_directive("module-catalogue", ModuleCatalogue)
    app.setup_extension("rjguide.site.sphinxext.dynamic_pages")
    app.connect("doctree-resolved", fill_catalogue)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
