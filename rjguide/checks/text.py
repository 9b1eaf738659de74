"""Numbers, punctuation and whitespace: what a careful reviewer compares by eye."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue

NUMBER = re.compile(r"(?<![\w])\d+(?:[.,:]\d+)*")
END_PUNCTUATION = ".!?:;…"
CLOSING = "\"'»\u201d\u2019)]*_`"


def numbers_in(text: str) -> Counter:
    # 1.5 and 1,5 are the same number in two conventions; 10:30 and 10.30 the same time.
    return Counter(re.sub(r"[.,:]", ".", n) for n in NUMBER.findall(text))


def numbers(entry: Entry) -> Iterable[Issue]:
    source = numbers_in(read_markup(entry.source).text)
    translation = numbers_in(read_markup(entry.translation).text)
    for number in sorted((source - translation).elements()):
        yield Issue("numbers", "warning", f"the number {number} of the source is missing "
                                          "from the translation")
    for number in sorted((translation - source).elements()):
        yield Issue("numbers", "warning", f"the number {number} is not in the source")


def end_mark(text: str) -> str:
    stripped = text.rstrip().rstrip(CLOSING).rstrip()
    return stripped[-1] if stripped and stripped[-1] in END_PUNCTUATION else ""


def end_punctuation(entry: Entry) -> Iterable[Issue]:
    source, translation = end_mark(entry.source), end_mark(entry.translation)
    if source != translation:
        yield Issue("punctuation", "warning",
                    f"the source ends with {_shown(source)}, the translation with "
                    f"{_shown(translation)}")


def _shown(mark: str) -> str:
    return f"'{mark}'" if mark else "no end punctuation"


def whitespace(entry: Entry) -> Iterable[Issue]:
    source, translation = entry.source, entry.translation
    def doubled(text: str) -> bool:
        return any("  " in line.strip() for line in text.splitlines())

    if doubled(translation) and not doubled(source):
        yield Issue("whitespace", "warning", "the translation has a double space")
    if (source[:1].isspace(), source[-1:].isspace()) != \
            (translation[:1].isspace(), translation[-1:].isspace()):
        yield Issue("whitespace", "warning", "leading or trailing whitespace differs from the "
                                             "source")


CHECKS = (numbers, end_punctuation, whitespace)
