"""A word written twice in a row ("the the", «og og», «på på»): a slip of the keyboard or of
an edit that left the old word in place. A style finding (warning): the reader stumbles
but is still told the same thing.

Words are compared case-insensitively and whole, on the text the reader sees: emphasis
markers between the two words do not hide a double («og **og**»), but inline code, a role
or a link target between them separates them. Not reported when the source doubles a word
too (a deliberate "very, very" → «veldig, veldig» is then the translator's choice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rjguide.checks.markup_tokens import parser
from rjguide.checks.model import Entry, Issue

CHECK = "doubled-word"
DOUBLED = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)
SEPARATOR = " \x00 "  # stands for markup that is not words: never part of a double
SEPARATING = {"code_inline", "myst_role", "substitution_inline", "footnote_ref",
              "html_inline", "image"}

# Doubles that Norwegian grammar makes (nb and nn alike), as the words that follow them.
ALLOWED = {
    # «Det det handler om», «alt det det krever»: the pronoun "det" followed by the
    # relative "det" (som is left out) is ordinary Norwegian.
    "det": re.compile(r""),
    # «de som som regel kommer»: the relative "som" before «som regel / som oftest»
    # ("as a rule", "most often"); only before those words.
    "som": re.compile(r"\s+(regel|oftest)\b", re.IGNORECASE),
}


def seen_text(message: str) -> str:
    """The message's words in reading order, with a separator where other markup stood."""
    parts = []
    for block in parser().parse(message):
        if block.type != "inline" or not block.children:
            parts.append(SEPARATOR)
            continue
        for token in block.children:
            if token.type == "text":
                parts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif token.type in SEPARATING:
                parts.append(SEPARATOR)
    return "".join(parts)


def doubles(message: str) -> list[str]:
    text = seen_text(message)
    found = []
    for match in DOUBLED.finditer(text):
        word = match[1].lower()
        allowed = ALLOWED.get(word)
        if allowed is not None and allowed.match(text, match.end()):
            continue
        found.append(match[0])
    return found


def doubled_word(entry: Entry) -> Iterable[Issue]:
    if doubles(entry.source):
        return
    for double in doubles(entry.translation):
        word = double.split()[0]
        yield Issue(CHECK, "warning",
                    f"the word '{word}' is written twice in a row ('{double}'); remove one, "
                    f"or if the double is meant, add a translator comment "
                    f"`# doubled-word-ok: <why>`")


CHECKS = (doubled_word,)
