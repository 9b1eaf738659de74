"""Brackets and quotation marks closed: a lost ')' or '»' leaves the reader unsure where an
aside or a quotation ends, and so what the quoted person said.

Each pair family is counted within each text, on the words only (read_markup(...).text:
inline code, role bodies, link targets and other markup do not count), and the
translation's imbalance is compared with the source's: a message may legitimately hold
half a pair ("a) …", a quotation that goes on in the next message) as long as the source
holds the same half. Quotation marks may change kind in translation (English "…" becomes
«…» in Norwegian), so for quotes the check asks only whether a text that was balanced
stayed balanced. Apostrophes (' ’) are not quotation marks and are never counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue

CHECK = "brackets"
BRACKETS = ("()", "[]", "{}")
QUOTES = ("«»", "\u201c\u201d")  # « » and “ ”
STRAIGHT_QUOTE = '"'  # opens and closes alike: only an odd count is unbalanced


def imbalance(text: str, pair: str) -> tuple[int, int]:
    """(opened but not closed, closed but not opened) for one pair family."""
    depth = lowest = 0
    for char in text:
        if char == pair[0]:
            depth += 1
        elif char == pair[1]:
            depth -= 1
            lowest = min(lowest, depth)
    return depth - lowest, -lowest


def _words(message: str) -> str:
    return read_markup(message).text


def _describe(pair: str, unclosed: int, unopened: int) -> str:
    if pair[0] == STRAIGHT_QUOTE:
        return f"an odd number of '{STRAIGHT_QUOTE}'"
    parts = []
    if unclosed:
        parts.append(f"{unclosed} '{pair[0]}' without its '{pair[1]}'")
    if unopened:
        parts.append(f"{unopened} '{pair[1]}' without its '{pair[0]}'")
    return " and ".join(parts)


def brackets(entry: Entry) -> Iterable[Issue]:
    source, translation = _words(entry.source), _words(entry.translation)
    for pair in BRACKETS:
        have, want = imbalance(translation, pair), imbalance(source, pair)
        if have != (0, 0) and have != want:
            yield Issue(CHECK, "error",
                        f"the translation has {_describe(pair, *have)}"
                        + (", the source is balanced" if want == (0, 0) else
                           f", the source has {_describe(pair, *want)}")
                        + ": close or remove it so the reader sees where the aside ends")


def _quote_state(text: str) -> dict[str, tuple[int, int]]:
    """The unbalanced quotation-mark families of a text, with their imbalance."""
    state = {pair: imbalance(text, pair) for pair in QUOTES}
    state = {pair: counts for pair, counts in state.items() if counts != (0, 0)}
    if text.count(STRAIGHT_QUOTE) % 2:
        state[STRAIGHT_QUOTE * 2] = (1, 0)
    return state


def quotes(entry: Entry) -> Iterable[Issue]:
    source = _quote_state(_words(entry.source))
    translation = _quote_state(_words(entry.translation))
    for pair, counts in translation.items():
        if source and pair not in source:
            continue  # the source's half quotation may be written with other marks
        if source.get(pair) == counts:
            continue
        yield Issue(CHECK, "error",
                    f"the translation has {_describe(pair, *counts)}"
                    + (f", the source has {_describe(pair, *source[pair])}" if pair in source
                       else ", the source's quotation marks are balanced")
                    + ": close or remove it so the reader sees where the quotation ends")


CHECKS = (brackets, quotes)
