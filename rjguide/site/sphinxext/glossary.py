"""The glossary in the library: a generated glossary page per language, and `{term}`
references that link to it and show the definition on hover and focus.

Written `{term}`concept-id`` (shows the concept's preferred term in the page's language)
or `{term}`text <concept-id>`` (shows the text, e.g. an inflected form).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from rjguide.library.labels import language_name
from rjguide.library.project import Project
from rjguide.library.termbase import Concept, Termbase, load_termbase

logger = logging.getLogger(__name__)
EXPLICIT = re.compile(r"^(?P<text>.+?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


class term_tip(nodes.Inline, nodes.TextElement):
    """The short definition shown beside a term reference on hover and focus."""


class term_reference(nodes.Inline, nodes.TextElement):
    """A term reference until the page is written; then a link to the glossary page."""


def termbase(app: Sphinx) -> Termbase:
    if not hasattr(app, "rj_termbase"):
        app.rj_termbase, _problems = load_termbase(Project.load(Path(app.config.rj_project_root)))
    return app.rj_termbase


def label(concept_id: str) -> str:
    return f"rj-term-{concept_id}"


class TermRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = EXPLICIT.match(self.text)
        target = (match["target"] if match else self.text).strip()
        concept = termbase(self.env.app).get(target)
        if concept is None:
            logger.warning("term reference to '%s', which is not in the termbase "
                           "(glossary/concepts/); use a concept id from there", target,
                           location=self.get_location(), type="rjguide", subtype="term")
            return [nodes.inline(self.rawtext, match["text"] if match else self.text)], []
        self.env.note_dependency(str(concept.path))  # the page shows its term and definition
        text = match["text"] if match else concept.entry(self.config.language).preferred.text
        return [term_reference(self.rawtext, text, concept=concept.id,
                               explicit=bool(match))], []


def sort_key(text: str) -> str:
    return text.casefold().translate(NORWEGIAN_ORDER)


class GlossaryPage(SphinxDirective):
    """The whole termbase in the page's language, other languages' terms alongside."""

    def run(self) -> list[nodes.Node]:
        base = termbase(self.env.app)
        language = self.config.language
        project = Project.load(Path(self.config.rj_project_root))
        for concept in base:
            self.env.note_dependency(str(concept.path))
        self.env.rj_glossary_page = self.env.docname
        downloads = self.downloads(language, project)
        result = nodes.definition_list(classes=["rj-glossary"])
        for concept in sorted(base, key=lambda c: sort_key(c.entry(language).preferred.text)):
            entry = concept.entry(language)
            node_id = label(concept.id)
            term = nodes.term("", entry.preferred.text, ids=[node_id])
            definition = nodes.definition()
            definition += nodes.paragraph(text=entry.definition)
            definition += self.details(concept, language, project.languages)
            if entry.status == "proposed":
                definition += nodes.paragraph(text=str(_("Proposed term, not yet approved.")),
                                              classes=["rj-proposed"])
            result += nodes.definition_list_item("", term, definition)
        for generated in (downloads, result):
            # Made from the termbase in each language: nothing here is for the catalogues.
            for text in generated.findall(nodes.TextElement):
                text["translatable"] = False
        return [downloads, result]

    def downloads(self, language: str, project: Project) -> nodes.Node:
        """Links to the glossary's exports for translation tools and spreadsheets."""
        root = "../" * (self.env.docname.count("/") + 1) + "downloads/glossary/"
        files = [
            ("glossary.tbx", str(_("TBX-Basic (ISO 30042:2019)"))),
            ("glossary-martif.tbx", str(_("TBX for OmegaT, Translate Toolkit and Weblate"))),
            ("glossary.csv", str(_("CSV for spreadsheets"))),
        ]
        files += [(f"glossary-{code}.po", str(_("Weblate glossary catalogue")) +
                   f" ({language_name(code)})") for code in project.target_languages]
        paragraph = nodes.paragraph(classes=["rj-glossary-downloads"])
        paragraph += nodes.strong(text=str(_("Download the glossary")) + ": ")
        for number, (name, text) in enumerate(files):
            if number:
                paragraph += nodes.Text(" · ")
            paragraph += nodes.reference("", text, refuri=root + name)
        return paragraph

    def details(self, concept: Concept, language: str, languages: tuple[str, ...]) -> nodes.Node:
        entry = concept.entry(language)
        details = nodes.field_list(classes=["rj-glossary-details"])

        def add(name: str, value: str) -> None:
            details.append(nodes.field("", nodes.field_name(text=name),
                                   nodes.field_body("", nodes.paragraph(text=value))))

        admitted = [t.text for t in entry.terms if t.status == "admitted"]
        avoid = [f"{t.text} ({t.reason})" for t in entry.terms if not t.approved]
        if admitted:
            add(str(_("Also")), ", ".join(admitted))
        if avoid:
            add(str(_("Avoid")), "; ".join(avoid))
        if entry.note:
            add(str(_("Note")), entry.note)
        for other in languages:
            if other != language:
                add(language_name(other), concept.entry(other).preferred.text)
        add(str(_("Source")), entry.source)
        return details


def ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def resolve_terms(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Links each term reference to the glossary page and puts the concept's short
    definition beside it, shown on hover and keyboard focus."""
    base = termbase(app)
    language = app.config.language
    glossary_page = getattr(app.env, "rj_glossary_page", None)
    for number, pending in enumerate(list(doctree.findall(term_reference))):
        text = pending.astext()
        if glossary_page is None:
            logger.warning("term references need a glossary page (a page with the "
                           "glossary-page directive)", location=pending,
                           type="rjguide", subtype="term")
            pending.replace_self(nodes.Text(text))
            continue
        concept_id = pending["concept"]
        shown_in = language
        if any("untranslated" in parent.get("classes", ()) for parent in ancestors(pending)):
            shown_in = app.config.rj_source_language  # the sentence is in the source language
        if not pending["explicit"]:
            text = base.get(concept_id).entry(shown_in).preferred.text
        tip_id = f"rj-tip-{number}"
        uri = app.builder.get_relative_uri(docname, glossary_page) + "#" + label(concept_id)
        reference = nodes.reference("", text, refuri=uri, internal=True,
                                    classes=["rj-term-link"], rj_describedby=tip_id)
        definition = base.get(concept_id).entry(shown_in).definition
        pending.replace_self([reference, term_tip("", definition, ids=[tip_id])])


def merge_glossary_page(app: Sphinx, env, docnames, other) -> None:
    if getattr(other, "rj_glossary_page", None):
        env.rj_glossary_page = other.rj_glossary_page


def visit_term_tip(self, node: term_tip) -> None:
    self.body.append(self.starttag(node, "span", "", role="tooltip", CLASS="rj-term-tip"))


def depart_term_tip(self, node: term_tip) -> None:
    self.body.append("</span>")


def setup(app: Sphinx) -> dict:
    app.add_role_to_domain("std", "term", TermRole(), override=True)
    app.add_directive("glossary-page", GlossaryPage)
    app.add_node(term_tip, html=(visit_term_tip, depart_term_tip))
    app.add_node(term_reference)
    app.connect("doctree-resolved", resolve_terms)
    app.connect("env-merge-info", merge_glossary_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
