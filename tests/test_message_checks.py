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
    # 1,000 left as it is: a Norwegian reads it as one
    ("About 1,000 people came.", "Om lag 1,000 personer kom.", {"numbers"}),
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
    # decimal comma, thousands and time written the Norwegian way, and … for ...
    ("Take 1.5 hours, from 10:30.", "Bruk 1,5 timer, fra 10.30.", set()),
    ("About 1,000 people came.", "Om lag 1 000 personer kom.", set()),
    ("About 1,000 people came.", "Om lag 1\u00a0000 personer kom.", set()),
    ("Wait and see...", "Vent og se …", set()),
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
    assert findings["numbers"].severity == "error"   # it changes what the reader is told
    assert findings["myst-code"].format().startswith(
        "x.po:7: error: myst-code: «Wait 10 minutes. Run `x`.»: ")   # Poedit shows no lines
    style = Entry("It is safe.", "Det er  trygt.", "nb", "en", (), "x.po", 7)
    assert [f.severity for f in check_entry(style, NO_TERMS).findings] == ["warning"]


def test_english_copied_as_the_translation_is_an_error():
    entry = Entry("Keep this sentence.", "Keep this sentence.", "nb", "en", (), "x.po", 1)
    assert [(f.check, f.severity) for f in check_entry(entry, NO_TERMS).findings] == [
        ("same-as-source", "error")]


def test_any_check_is_silenced_for_one_entry_by_a_comment_naming_it_and_why():
    comments = ("numbers-ok: the 10 is written out on purpose, as the source's table does",)
    entry = Entry("Wait 10 minutes.", "Vent ti minutter.", "nb", "en", comments, "x.po", 3)
    result = check_entry(entry, NO_TERMS)
    assert result.findings == []
    assert [(s.check, s.reason) for s in result.suppressions] == [
        ("numbers", "the 10 is written out on purpose, as the source's table does")]


def test_a_silencing_comment_without_a_reason_or_silencing_nothing_is_reported():
    bare = Entry("Wait 10 minutes.", "Vent ti minutter.", "nb", "en", ("numbers-ok:",),
                 "x.po", 3)
    found = check_entry(bare, NO_TERMS).findings
    assert {(f.check, f.severity) for f in found} == {("numbers", "error"),
                                                     ("numbers", "warning")}
    assert any("gives no reason" in f.message for f in found)
    idle = Entry("Wait 10 minutes.", "Vent 10 minutter.", "nb", "en",
                 ("numbers-ok: no reason to be here",), "x.po", 3)
    assert ["silences nothing here" in f.message for f in check_entry(idle, NO_TERMS).findings
            ] == [True]


# The faults an experienced translator planted in a copy of the catalogues (issue 14), each
# with the check that must report it and the severity the policy gives: what changes what
# the reader is told is an error, style is a warning.
PLANTED = [
    ("See [the guide](a.md) and [the form](b.md).",
     "Se [veiledningen](b.md) og [skjemaet](a.md).", "nb", "link-order", "error"),
    ("He called it «the meeting» (in March).", "Han kalte det «møtet (i mars).", "nb",
     "brackets", "error"),
    ("She said (after a pause) that it helped.", "Hun sa (etter en pause at det hjalp.", "nb",
     "brackets", "error"),
    ("The facilitator meets each party alone first, and only then, when both are ready and "
     "safe, brings them together for the meeting.", "Meklaren møter kvar part åleine først.",
     "nn", "length", "error"),
    ("Talk to the party first.", "Snakk med med parten først.", "nb", "doubled-word",
     "warning"),
    ("Read the note.", ":::{note}\nLes merknaden.", "nb", "block-structure", "error"),
    ("I do not know what to say.", "Eg veit ikke kva eg skal seie.", "nn", "written-standard",
     "error"),
    ("Do not contact the victim before the meeting.", "Kontakt den fornærmede før møtet.",
     "nb", "negation", "error"),
    ("Wait 10 minutes.", "Vent 15 minutter.", "nb", "numbers", "error"),
    ("Wait 10 minutes.", "Vent litt.", "nb", "numbers", "error"),
    ("Keep this sentence.", "Keep this sentence.", "nb", "same-as-source", "error"),
    ("It is safe.", "Det er trygt. ", "nb", "whitespace", "warning"),
]


@pytest.mark.parametrize(("source", "translation", "language", "check", "severity"), PLANTED)
def test_every_planted_fault_class_is_reported_at_its_entry_with_its_severity(
        source, translation, language, check, severity):
    entry = Entry(source, translation, language, "en", (), "page.po", 42)
    found = [f for f in check_entry(entry, NO_TERMS).findings if f.check == check]
    assert found, f"{check} missed: {translation}"
    assert {f.severity for f in found} == {severity}
    assert all((f.path, f.line) == ("page.po", 42) for f in found)


def test_a_reason_may_go_on_over_the_next_comment_lines():
    comments = ("numbers-ok: the source's 10 is the chapter,", "written out in the heading",
                "memory: 80 % from modules/x/index.po")
    entry = Entry("Wait 10 minutes.", "Vent ti minutter.", "nb", "en", comments, "x.po", 3)
    [silenced] = check_entry(entry, NO_TERMS).suppressions
    assert silenced.reason == "the source's 10 is the chapter, written out in the heading"
