"""Same as source, and one source translated differently in different catalogues.

A message may stay as it is only when there is nothing to translate: no letters, only
code, links and term references, or only glossary terms that are the same in both
languages (KDI, PST). Such a message also counts as translated in the statistics.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue
from rjguide.checks.terminology import matcher
from rjguide.findings import Finding
from rjguide.library.termbase import Termbase

LETTER = re.compile(r"[^\W\d_]")


def untranslatable(source: str, language: str, termbase: Termbase, source_language: str) -> bool:
    text = read_markup(source).text
    if not LETTER.search(text):
        return True
    rest = text
    for concept, _term, shown in matcher(termbase, source_language).find(text):
        same = {t.text for t in concept.entry(language).terms if t.approved}
        if shown in same:
            rest = rest.replace(shown, " ")
    return not LETTER.search(rest)


def same_as_source(entry: Entry, termbase: Termbase) -> Iterable[Issue]:
    if entry.translation.strip() == entry.source.strip() and not untranslatable(
            entry.source, entry.language, termbase, entry.source_language):
        yield Issue("same-as-source", "error",
                    "the translation is the source text unchanged; translate it, or clear "
                    "it if it is not translated yet")


def inconsistent(entries: list[Entry]) -> list[Finding]:
    """One English message translated in more than one way, in one language."""
    by_source: dict[tuple[str, str], dict[str, list[Entry]]] = defaultdict(
        lambda: defaultdict(list))
    for entry in entries:
        by_source[(entry.language, entry.source)][entry.translation].append(entry)
    findings = []
    for (_language, _source), translations in by_source.items():
        if len(translations) < 2:
            continue
        for translation, group in translations.items():
            others = [t for t in translations if t != translation]
            for entry in group:
                findings.append(Finding(entry.path, entry.line, "warning", "inconsistent",
                                        f"the same source is translated differently elsewhere "
                                        f"(e.g. '{others[0][:60]}')"))
    return findings
