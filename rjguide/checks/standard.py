"""The written standard: a Nynorsk translation has no Bokmål forms, a Bokmål one no Nynorsk.

Only the words of the translation count (read_markup(...).text): never role bodies, inline
code, link targets or HTML. A word matches whole and case-insensitively, and a word the
English source has too is left alone (a name, or a word quoted as such). The marker lists
and the evidence behind each word are in standard_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue
from rjguide.checks.standard_words import NB_IN_NN, NN_IN_NB

CHECK = "written-standard"
WORD = re.compile(r"[^\W\d_]+")
# the translation's language: (the other standard's forms, that standard, this standard)
MARKERS = {"nn": (NB_IN_NN, "Bokmål", "Nynorsk"), "nb": (NN_IN_NB, "Nynorsk", "Bokmål")}


def words(text: str) -> list[str]:
    return WORD.findall(text)


def message(word: str, counterparts: tuple[str, ...], wrong: str, right: str) -> str:
    if not counterparts:
        return f"«{word}» is {wrong}; write the {right} form"
    advice = " or ".join(f"«{c}»" for c in counterparts)
    return f"«{word}» is {wrong}; in {right} write {advice}"


def written_standard(entry: Entry) -> Iterable[Issue]:
    found = MARKERS.get(entry.language.replace("-", "_").split("_")[0].lower())
    if found is None:
        return
    markers, wrong, right = found
    in_source = {w.lower() for w in words(entry.source)}
    reported = set()
    for word in words(read_markup(entry.translation).text):
        key = word.lower()
        if key in markers and key not in in_source and key not in reported:
            reported.add(key)
            yield Issue(CHECK, "error", message(key, markers[key], wrong, right))


CHECKS = (written_standard,)
