"""A planted-faults corpus: for every check, entries that must be flagged and near misses
that must not. Each case is (source, translation, the checks expected to fire)."""

from __future__ import annotations

import pytest

from rjguide.checks.model import Entry
from rjguide.checks.runner import check_entry
from rjguide.library.termbase import Termbase

NO_TERMS = Termbase({})

FAULTS = [
    # MyST roles and their targets
    ("See {doc}`the guide <guide>`.", "Se veiledningen.", {"myst-role"}),
    ("See {doc}`the guide <guide>`.", "Se {doc}`veiledningen <other>`.", {"myst-role"}),
    ("Use {ref}`label`.", "Bruk {ref}`label` og {ref}`label`.", {"myst-role"}),
    # inline code
    ("Run `make po` first.", "Kjør make po først.", {"myst-code"}),
    ("Run `make po` first.", "Kjør `make po2` først.", {"myst-code"}),
    # emphasis and strong
    ("Read *this* now.", "Les dette nå.", {"myst-emphasis"}),
    ("Read **this** now.", "Les **dette nå.", {"myst-emphasis"}),
    ("Read *this* now.", "Les **dette** nå.", {"myst-emphasis"}),
    # links: no new or changed target
    ("See [the site](https://example.org).", "Se [nettstedet](https://evil.example).",
     {"link"}),
    ("Call us.", "Ring [oss](https://evil.example).", {"link"}),
    ("See [the site](https://example.org).", "Se nettstedet.", {"link"}),
    # raw HTML
    ("Click here.", "Klikk <script>alert(1)</script> her.", {"html"}),
    ("Click here.", "Klikk <a href='https://evil.example'>her</a>.", {"html"}),
    # footnotes and substitutions
    ("See the note [^1].", "Se merknaden.", {"myst-footnote"}),
    ("Use {{ project }} here.", "Bruk prosjektet her.", {"myst-substitution"}),
    # block structure: what Sphinx silently drops or truncates
    ("First, do this.", "1. Gjør dette.", {"block-structure"}),
    ("Then do this.", "- Gjør dette.", {"block-structure"}),
    ("A heading text", "# En overskrift", {"block-structure"}),
    ("One paragraph.", "Ett avsnitt.\n\nTo avsnitt.", {"blank-line"}),
    # numbers, punctuation, whitespace
    ("Wait 10 minutes.", "Vent ti minutter.", {"numbers"}),
    ("Wait 10 minutes.", "Vent 15 minutter.", {"numbers"}),
    ("Is it safe?", "Er det trygt.", {"punctuation"}),
    ("It is safe.", "Det er trygt", {"punctuation"}),
    ("It is safe.", "Det er  trygt.", {"whitespace"}),
    ("It is safe.", " Det er trygt.", {"whitespace"}),
    # same as source
    ("Keep this sentence.", "Keep this sentence.", {"same-as-source"}),
]

NEAR_MISSES = [
    # a legitimately reordered role, and role text changed with the same target
    ("Ask {ref}`a <x>` and {doc}`b <y>`.", "Spør {doc}`b <y>` og {ref}`a2 <x>`.", set()),
    # a translated link text with the same URL
    ("See [the site](https://example.org).", "Se [nettstedet](https://example.org).", set()),
    # Norwegian quotes for English quotes, with the full stop inside
    ('He said "stop."', "Han sa «stopp.»", set()),
    ("He said “stop”.", "Han sa «stopp».", set()),
    # decimal comma and time written the Norwegian way
    ("Take 1.5 hours, from 10:30.", "Bruk 1,5 timer, fra 10.30.", set()),
    # emphasis moved to the corresponding Norwegian words
    ("Do **not** rush.", "**Ikke** forhast deg.", set()),
    # inline code kept, text around translated
    ("Run `make po` first.", "Kjør `make po` først.", set()),
    # a translation that starts with a number but not a list marker
    ("Ten people came.", "10 personer kom.", {"numbers"}),
    # nothing to translate: code only, or no letters
    ("`make check`", "`make check`", set()),
    ("15–20", "15–20", set()),
    # a line break inside the paragraph is not a blank line
    ("One line\ncontinues.", "En linje\nfortsetter.", set()),
    # inline HTML the source has is allowed
    ("Press <kbd>Tab</kbd>.", "Trykk <kbd>Tab</kbd>.", set()),
]


def fired(source: str, translation: str) -> set[str]:
    entry = Entry(source, translation, "nb", "en", (), "x.po", 1)
    return {finding.check for finding in check_entry(entry, NO_TERMS).findings}


@pytest.mark.parametrize(("source", "translation", "expected"), FAULTS)
def test_a_planted_fault_is_flagged(source, translation, expected):
    assert expected <= fired(source, translation)


@pytest.mark.parametrize(("source", "translation", "expected"), NEAR_MISSES)
def test_a_near_miss_is_not_flagged(source, translation, expected):
    assert fired(source, translation) == expected


def test_errors_and_warnings_are_graded():
    entry = Entry("Wait 10 minutes. Run `x`.", "Vent ti minutter. Kjør x.", "nb", "en", (),
                  "x.po", 7)
    findings = {f.check: f for f in check_entry(entry, NO_TERMS).findings}
    assert findings["myst-code"].severity == "error"
    assert findings["numbers"].severity == "warning"
    assert findings["myst-code"].format().startswith("x.po:7: error: myst-code: ")
