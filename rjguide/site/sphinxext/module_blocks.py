"""The building blocks of a module page: summary, objectives, sessions, exercises, notes.

Each block is a `guide_block` node with a kind. Its label ("Learning objectives",
"For the facilitator") is added when the page is written, in the page's
language, so it never reaches the translators' catalogues as page text.
"""

from __future__ import annotations

from typing import ClassVar

from babel.units import format_unit
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator


class guide_block(nodes.General, nodes.Element):
    """A block of a module page; `kind` says which."""


def block_label(kind: str) -> str:
    labels = {
        "summary": _("Summary"),
        "objectives": _("Learning objectives"),
        "prerequisites": _("Prerequisites"),
        "exercise": _("Exercise"),
        "facilitator-note": _("For the facilitator"),
        "key-points": _("Key points"),
        "session": _("Session plan"),
    }
    return str(labels[kind])


class GuideBlock(SphinxDirective):
    """A block whose body is ordinary MyST content."""

    kind = ""
    has_content = True
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        node = guide_block(kind=self.kind, classes=["rj-block", f"rj-{self.kind}"])
        self.set_source_info(node)
        if self.arguments:
            title_text = self.arguments[0]
            inline, messages = self.parse_inline(title_text, lineno=self.lineno)
            title = nodes.paragraph(title_text, "", *inline, classes=["rj-block-title"])
            self.set_source_info(title)
            node += title
            node += messages
        node += self.parse_content_to_nodes(allow_section_headings=False)
        return [node]


class Summary(GuideBlock):
    kind = "summary"


class Objectives(GuideBlock):
    kind = "objectives"


class Prerequisites(GuideBlock):
    kind = "prerequisites"


class KeyPoints(GuideBlock):
    kind = "key-points"


class FacilitatorNote(GuideBlock):
    kind = "facilitator-note"


class Exercise(GuideBlock):
    kind = "exercise"
    required_arguments = 1
    final_argument_whitespace = True


class Session(SphinxDirective):
    """The timing line under a session's heading: `:duration:` in minutes."""

    has_content = False
    option_spec: ClassVar = {"duration": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        if "duration" not in self.options:
            raise self.error("the session directive needs :duration: (minutes)")
        node = guide_block(kind="session", classes=["rj-block", "rj-session"],
                           duration=self.options["duration"])
        self.set_source_info(node)
        return [node]


def visit_guide_block(self: HTML5Translator, node: guide_block) -> None:
    kind = node["kind"]
    if kind == "session":
        language = self.config.language or "en"
        minutes = format_unit(node["duration"], "duration-minute", length="long", locale=language)
        label = _("Duration")
        self.body.append(
            f'<p class="rj-block rj-session"><span class="rj-block-label">'
            f"{self.encode(label)}:</span> {self.encode(minutes)}</p>\n"
        )
        raise nodes.SkipNode
    tag = "aside" if kind in ("facilitator-note", "exercise") else "div"
    self.body.append(self.starttag(node, tag, "", **{"data-kind": kind}))
    self.body.append(f'<p class="rj-block-label">{self.encode(block_label(kind))}</p>\n')
    node["rj_tag"] = tag


def depart_guide_block(self: HTML5Translator, node: guide_block) -> None:
    self.body.append(f"</{node['rj_tag']}>\n")


def setup(app: Sphinx) -> dict:
    app.add_node(guide_block, html=(visit_guide_block, depart_guide_block))
    for name, directive in {
        "summary": Summary,
        "objectives": Objectives,
        "prerequisites": Prerequisites,
        "key-points": KeyPoints,
        "facilitator-note": FacilitatorNote,
        "exercise": Exercise,
        "session": Session,
    }.items():
        app.add_directive(name, directive)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
