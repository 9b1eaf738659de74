"""Length against the source: a translation much shorter than its source has most likely lost
text (a sentence or the second half of a paragraph left untranslated is never shown to the
reader); one far longer may hold text the source does not (a sentence pasted twice, a
neighbouring message merged in).

Length is measured on what the reader sees: the letters and digits of the words, with the
markup removed (read_markup(...).text), plus the words a role shows (its explicit text,
or its label when it has none). Inline code is left out: it is copied as it is and would
only dilute the comparison. Short messages vary too much ("Before the meeting" → "Før
møtet" is half as long) and are not judged.

Thresholds, calibrated on the shipped nb and nn catalogues (1353 entries each): for sources
of at least 60 letters the ratio translation/source lies between 0.66 and 1.59 (median
1.05); losing half a paragraph gives about 0.53.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rjguide.checks.markup_tokens import EXPLICIT_TARGET, read_markup
from rjguide.checks.model import Entry, Issue

CHECK = "length"
LANGUAGES = {("en", "nb"), ("en", "nn")}  # calibrated for these; silent for other pairs
MINIMUM_SOURCE = 60  # letters; below this the check is silent
TOO_SHORT = 0.6      # translation/source below this: text is missing (error)
TOO_LONG = 1.8       # translation/source above this: text the source lacks (warning)
LETTER = re.compile(r"[^\W_]")


def visible_words(message: str) -> str:
    markup = read_markup(message)
    parts = [markup.text]
    for _name, content in markup.role_list:
        explicit = EXPLICIT_TARGET.match(content)
        parts.append(explicit["text"] if explicit else content.replace("-", " "))
    return " ".join(parts)


def size(message: str) -> int:
    """The number of letters and digits the reader sees."""
    return len(LETTER.findall(visible_words(message)))


def length(entry: Entry) -> Iterable[Issue]:
    if (entry.source_language, entry.language) not in LANGUAGES:
        return
    source = size(entry.source)
    if source < MINIMUM_SOURCE:
        return
    ratio = size(entry.translation) / source
    if ratio < TOO_SHORT:
        yield Issue(CHECK, "error",
                    f"missing text: the translation is {ratio:.0%} of the source's length "
                    f"(below {TOO_SHORT:.0%} is rare for {entry.language}); check that no "
                    "sentence or part of a sentence was left out")
    elif ratio > TOO_LONG:
        yield Issue(CHECK, "warning",
                    f"the translation is {ratio:.0%} of the source's length (above "
                    f"{TOO_LONG:.0%} is rare for {entry.language}); check that it holds "
                    "nothing the source does not, such as a sentence written twice")


CHECKS = (length,)
