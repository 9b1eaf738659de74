"""Block structure: a message is one block. A translation that starts like a list or a
heading, or holds a blank line, is dropped or cut short by Sphinx without a word."""

from __future__ import annotations

from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue

BLOCK_NAMES = {
    "bullet_list": "a bullet list ('- ' or '* ')",
    "ordered_list": "a numbered list ('1. ')",
    "heading": "a heading ('#')",
    "blockquote": "a quotation ('> ')",
    "fence": "a code block",
    "code_block": "an indented code block",
    "hr": "a horizontal rule",
    "table": "a table",
}


def block_start(entry: Entry) -> Iterable[Issue]:
    source = read_markup(entry.source).first_block
    translation = read_markup(entry.translation).first_block
    if translation != source and translation in BLOCK_NAMES:
        yield Issue("block-structure", "error",
                    f"the translation starts like {BLOCK_NAMES[translation]}, the source does "
                    "not: Sphinx would drop it; reword the start (e.g. '1. ' → 'Først')")


def blank_line(entry: Entry) -> Iterable[Issue]:
    if "\n\n" in entry.translation.replace("\r", "") and "\n\n" not in entry.source:
        yield Issue("blank-line", "error", "the translation contains an empty line; Sphinx "
                                           "would cut it there: join the lines")


CHECKS = (block_start, blank_line)
