"""Numbers, punctuation and whitespace: what a careful reviewer compares by eye."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue

# English writes 1,000 and 1.5; Norwegian 1 000 (a space, often a no-break one) and 1,5.
# Times are 10:30 in English and 10.30 in Norwegian. Each number is read in its own
# language's convention and compared as a value, so «1 000» for 1,000 and «1,5» for 1.5
# pass, while 1,000 left as it is in Norwegian reads as one (1,000 = 1.0) and is flagged.
NORWEGIAN_THOUSANDS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"
THOUSANDS = {"en": r"\d{1,3}(?:,\d{3})+(?![\d,])", "nb": NORWEGIAN_THOUSANDS,
             "nn": NORWEGIAN_THOUSANDS}
DECIMAL = {"en": ".", "nb": ",", "nn": ","}
NUMBER = r"\d+(?:[.,:]\d+)*"
END_PUNCTUATION = ".!?:;…"
CLOSING = "\"'»\u201d\u2019)]*_`"


def numbers_in(text: str, language: str = "en") -> Counter:
    grouped = THOUSANDS.get(language, THOUSANDS["en"])
    found = Counter()
    for match in re.finditer(rf"(?<![\w]){grouped}|(?<![\w.,]){NUMBER}", text):
        number = match.group(0)
        if re.fullmatch(grouped, number):
            found[re.sub(r"\D", "", number)] += 1
            continue
        decimal = DECIMAL.get(language, ".")
        other = "," if decimal == "." else "."
        if re.fullmatch(rf"\d+{re.escape(other)}\d{{2}}", number) and ":" not in number:
            number = number.replace(other, ":")     # 10.30 in nb is a time, as 10:30 in en
        found[number.replace(decimal, ".").replace(":", ".")] += 1
    return found


def numbers(entry: Entry) -> Iterable[Issue]:
    source = numbers_in(read_markup(entry.source).text, entry.source_language)
    translation = numbers_in(read_markup(entry.translation).text, entry.language)
    for number in sorted((source - translation).elements()):
        yield Issue("numbers", "error", f"the number {number} of the source is missing "
                                        "from the translation, or written another way (in "
                                        "Norwegian: 1 000, 1,5, 10.30)")
    for number in sorted((translation - source).elements()):
        yield Issue("numbers", "error", f"the number {number} is not in the source")


def end_mark(text: str) -> str:
    stripped = text.replace("...", "…").rstrip().rstrip(CLOSING).rstrip()
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
