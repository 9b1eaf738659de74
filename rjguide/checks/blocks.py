"""Block structure, all of it: Sphinx inserts a translation only if it parses as one paragraph.

Sphinx's i18n (sphinx/transforms/i18n.py, `Locale`) parses each msgstr with the page's own
parser, MyST here, and keeps it only when the first node is a paragraph; it then keeps that
paragraph's text alone. So a translation that starts with any other block is dropped (the
English shows), or, for a code or HTML block, its bare content shows instead; a translation in
which a later line starts a block is cut there. This reads the translation with the
markdown-it parser MyST uses, with the MyST extensions conf.py enables, and compares its
top-level blocks with one paragraph, the shape of every paragraph message (tests/
test_block_shapes_in_sphinx.py shows each verdict against Sphinx itself). The comparison is
with one paragraph, not with whatever the source parses as: a heading whose English looks
like a list ("1. Introduction") yields a translation that Sphinx drops all the same.

structure.py reports a translation that starts like a list, heading, quotation, code block,
rule or table, and one that holds an empty line: this module stays silent where those fire,
and reads only the part before the empty line, so no fault is reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from rjguide.checks import structure
from rjguide.checks.model import Entry, Issue

CHECK = "block-structure"
# conf.py's myst_enable_extensions; tests/test_checks_blocks_and_standard.py keeps them equal
MYST_EXTENSIONS = ("colon_fence", "deflist")
ADMONITIONS = frozenset({"admonition", "attention", "caution", "danger", "error", "hint",
                         "important", "note", "seealso", "tip", "todo", "warning"})
LITERAL_DIRECTIVES = frozenset({"code", "code-block", "code-cell", "sourcecode", "math", "raw"})
DIRECTIVE = re.compile(r"\{([^}\s]+)\}")
NOQA = re.compile(r"(.*)(?<!\\)#\s*noqa\s*$", re.DOTALL)  # as sphinx.transforms.i18n
NO_LINE_STARTS = "reword or join the lines so that no line starts with"

# token type: (what Sphinx reads the line as, what to do)
CONSTRUCTS = {
    "myst_target": ("a MyST target (a label)",
                    "remove the label: labels come from the English source"),
    "dl_open": ("a definition list", f"{NO_LINE_STARTS} ': ' or '~ '"),
    "table_open": ("a table", "write it as text: each cell of a table is a message of its own"),
    "footnote_reference_open": ("a footnote definition", "remove it: the footnote's own text "
                                                         "is a message of its own"),
    "myst_line_comment": ("a MyST comment (never shown)",
                          f"{NO_LINE_STARTS} '%' (keep '50 %' on one line)"),
    "myst_block_break": ("a MyST block break ('+++')", f"{NO_LINE_STARTS} '+++'"),
    "html_block": ("an HTML block", "keep HTML inline, as the source has it, and start no "
                                    "line with a tag or an HTML comment"),
    "math_block": ("a math block ('$$')", f"{NO_LINE_STARTS} '$$'"),
    "amsmath": ("a math environment", "remove the \\begin … \\end block"),
    "heading_open": ("a heading", f"{NO_LINE_STARTS} '#': headings are messages of their own"),
    "bullet_list_open": ("a bullet list", f"{NO_LINE_STARTS} '- ', '* ' or '+ '"),
    "ordered_list_open": ("a numbered list", f"{NO_LINE_STARTS} a number and '. ' or ') ' "
                                             "(write '1\\.' to keep the number as text)"),
    "blockquote_open": ("a quotation", f"{NO_LINE_STARTS} '>'"),
    "hr": ("a horizontal rule", f"{NO_LINE_STARTS} a row of '*', '-' or '_'"),
    "code_block": ("an indented code block", "remove the indentation of four spaces or more"),
    "front_matter": ("front matter", "remove the lines from '---' to '---' at the start"),
}
LITERAL = frozenset({"code_block", "fence", "html_block", "math_block", "amsmath"})


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The markdown-it parser of MyST, set up as conf.py sets up Sphinx's."""
    return create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)),
                            RendererHTML)


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def top_blocks(tokens: list[Token]) -> list[Token]:
    """The blocks Sphinx would make of a msgstr, in order: no paragraph's inline content."""
    return [t for t in tokens if t.level == 0 and t.nesting >= 0]


def describe(token: Token) -> tuple[str, str, bool]:
    """What Sphinx reads a block as, what the translator should do, whether its content
    shows as bare text (a code or HTML block) rather than being dropped."""
    if token.type in ("fence", "colon_fence"):
        name_match = DIRECTIVE.match(token.info.strip())
        name = name_match.group(1) if name_match else None
        if name in ADMONITIONS:
            return (f"an admonition ('{{{name}}}')",
                    f"remove the marker: the {name} box comes from the English source", False)
        if name:
            return (f"a directive ('{{{name}}}')",
                    "remove the marker: directives come from the English source",
                    name in LITERAL_DIRECTIVES)
        fence = token.markup[:3]
        return (f"a '{fence}' fence", f"{NO_LINE_STARTS} '{fence}'", token.type == "fence")
    what, advice = CONSTRUCTS.get(token.type, (f"a block ({token.type})",
                                                   "reword or join the lines"))
    return what, advice, token.type in LITERAL


def marker_line(token: Token, tokens: list[Token]) -> int:
    """The line (from 0) whose start makes the block: for a definition list, the ': ' line."""
    line = token.map[0] if token.map else 0
    if token.type == "dl_open":
        line = next((t.map[0] for t in tokens if t.type == "dd_open" and t.map), line)
    return line


def snippet(line: str) -> str:
    shown = line.strip()
    return shown if len(shown) <= 24 else shown[:23] + "…"


def where(lines: list[str], line: int) -> str:
    first = next((i for i, text in enumerate(lines) if text.strip()), 0)
    if line <= first:
        return f"the translation starts with '{snippet(lines[line])}'"
    return f"line {line + 1} of the translation starts with '{snippet(lines[line])}'"


def checked_part(entry: Entry) -> str:
    """The translation as far as structure.py leaves it to this module."""
    text = "\n".join(lines_of(entry.translation))
    if any(structure.blank_line(entry)):
        text = text.split("\n\n", 1)[0]   # cut there: blank-line reports that
    return text


def block_structure(entry: Entry) -> Iterable[Issue]:
    if not entry.translation.strip() or entry.translation == entry.source:
        return      # Sphinx keeps the source's own node
    if any(structure.block_start(entry)):
        return      # reported by structure.py, and the translation is dropped whole
    text = checked_part(entry)
    lines = lines_of(text)
    tokens = block_parser().parse(text)
    blocks = top_blocks(tokens)
    yield from swallowed_lines(lines, blocks)
    offender = next((i for i, t in enumerate(blocks)
                     if i > 0 or t.type != "paragraph_open"), None)
    if offender is None:
        return
    token = blocks[offender]
    what, advice, literal = describe(token)
    line = marker_line(token, tokens)
    cut = "keeps only the text before that line: the rest is lost"
    if token.type == "paragraph_open":
        blank = (blocks[offender - 1].map or [0, line])[1] + 1
        yield Issue(CHECK, "error", f"line {blank} of the translation holds only spaces, which "
                                    f"ends the paragraph: Sphinx {cut}; join the lines")
        return
    if offender > 0:
        effect = cut
    elif literal:
        effect = "shows its bare content, markup and all, in place of the paragraph"
    else:
        effect = "drops the translation (the English shows)"
    yield Issue(CHECK, "error", f"{where(lines, line)}, which Sphinx reads as {what} and "
                                f"{effect}; {advice}")


def swallowed_lines(lines: list[str], blocks: list[Token]) -> Iterable[Issue]:
    """Lines no block covers: link reference definitions ('[x]: url'), which vanish."""
    covered = {n for t in blocks if t.map for n in range(*t.map)}
    missing = [n for n, text in enumerate(lines) if text.strip() and n not in covered]
    if not missing:
        return
    effect = "removes the line" if blocks else \
        "removes it, and with it the whole translation (the English shows)"
    yield Issue(CHECK, "error",
                f"{where(lines, missing[0])}, which Sphinx reads as a link reference "
                f"definition and {effect}; write the link inline, [text](url), and start "
                "no line with '[…]:'")


def noqa_marker(entry: Entry) -> Iterable[Issue]:
    """Sphinx strips a trailing '#noqa' from every msgstr (its flag against reference
    warnings), so a translation ending with it loses those words."""
    if NOQA.match(entry.translation) and not NOQA.match(entry.source):
        yield Issue(CHECK, "error", "the translation ends with '#noqa', which Sphinx strips "
                                    "from a translation; write '\\#noqa' to show it")


CHECKS = (block_structure, noqa_marker)
