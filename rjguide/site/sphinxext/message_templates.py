"""Message templates (.pot) written by the source language's HTML build itself.

Sphinx's gettext builder would read every source a second time, into an environment of
its own; the messages it extracts are the same ones this takes from the doctrees the
HTML build has resolved anyway (the same `extract_messages`, toctree captions included).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.nodes import extract_messages

from rjguide.findings import relative
from rjguide.library.catalogs import clear_format_flags, serialise
from rjguide.library.dates import source_date
from rjguide.publish import write_file


def writing_templates(app: Sphinx) -> bool:
    return bool(app.config.rj_templates_dir) and \
        app.config.language == app.config.rj_source_language


def in_substitution_definition(node: nodes.Node) -> bool:
    while node is not None:
        if isinstance(node, nodes.substitution_definition):
            return True
        node = node.parent
    return False


def template_for(app: Sphinx, doctree: nodes.document, docname: str) -> Catalog:
    root = Path(app.config.rj_project_root)
    if not hasattr(app, "rj_template_date"):
        app.rj_template_date = source_date(root)
    catalog = Catalog(fuzzy=False, creation_date=app.rj_template_date)

    def add(node: nodes.Element, message: str) -> None:
        location = (relative(node.source, root) if node.source else "", node.line)
        if message in catalog:
            if location not in catalog[message].locations:
                catalog[message].locations.append(location)
        else:
            catalog.add(message, locations=[location])

    for toctree in app.env.tocs[docname].findall(addnodes.toctree):
        for node, message in extract_messages(toctree):
            add(node, message)
    for node, message in extract_messages(doctree):
        if not in_substitution_definition(node):
            add(node, message)
    clear_format_flags(catalog)
    return catalog


def note_read(app: Sphinx, env, docnames: list[str]) -> None:
    app.rj_read_docs = list(docnames)


def write_templates(app: Sphinx, env) -> None:
    """Right after reading, before any page is written: pages that count messages (the
    catalogue, the dashboard) must find every template up to date."""
    if not writing_templates(app):
        return
    for docname in getattr(app, "rj_read_docs", []):
        path = Path(app.config.rj_templates_dir) / f"{docname}.pot"
        if docname in env.found_docs:
            doctree = env.get_doctree(docname)
            write_file(path, serialise(template_for(app, doctree, docname)))


def remove_stale(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not writing_templates(app):
        return
    folder = Path(app.config.rj_templates_dir)
    for pot in folder.rglob("*.pot"):
        if pot.relative_to(folder).with_suffix("").as_posix() not in app.env.found_docs:
            pot.unlink()


def setup(app: Sphinx) -> dict:
    app.add_config_value("rj_templates_dir", "", "", types=frozenset({str}))
    app.connect("env-before-read-docs", note_read)
    app.connect("env-updated", write_templates)
    app.connect("build-finished", remove_stale)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
