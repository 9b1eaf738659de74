"""Planted faults and near misses for the second round of message checks: link order,
brackets and quotes, length, doubled words and dropped negations. Each case is (source,
translation, the severity the family must report) or, for near misses, (source,
translation). The functions are called directly; the last tests run every family over the
shipped catalogues, which must give no finding."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from rjguide.checks import balance, length, negation, pairing, repeats
from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue
from rjguide.checks.runner import catalogue_entries, is_ui_catalogue
from rjguide.library.project import Project

ROOT = Path(__file__).resolve().parent.parent

FAMILIES = {
    "link-order": pairing,
    "brackets": balance,
    "length": length,
    "doubled-word": repeats,
    "negation": negation,
}

PARAGRAPH = ("Before the first meeting, the facilitator meets each participant alone. "
             "They go through what will happen, who will be there, and what each person "
             "may say. Nobody is pressed to take part, and the plan can change.")
PARAGRAPH_NB = ("Før det første møtet møter mekleren hver deltaker alene. De går gjennom "
                "hva som skal skje, hvem som skal være til stede, og hva hver person kan si. "
                "Ingen blir presset til å delta, og planen kan endres.")
HALF_NB = "Før det første møtet møter mekleren hver deltaker alene. De går gjennom hva"

FAULTS = [
    # link-order: targets swapped between two links, or two roles, of one message
    ("link-order", "See [the guide](a.md) and [the form](b.md).",
     "Se [veiledningen](b.md) og [skjemaet](a.md).", "error"),
    ("link-order", "Read {doc}`the guide <guide>` and {doc}`the form <form>`.",
     "Les {doc}`veiledningen <form>` og {doc}`skjemaet <guide>`.", "error"),
    # ... names kept as they are, order unchanged, but the targets changed hands
    ("link-order", "Ask [Tobias](tobias.md) and [Leila](leila.md).",
     "Spør [Leila](tobias.md) og [Tobias](leila.md).", "error"),
    ("link-order", "Read [a](x.md), [b](y.md) and [c](z.md).",
     "Les [a](x.md), [b](z.md) og [c](y.md).", "error"),
    # brackets: a lost closing bracket or quotation mark
    ("brackets", "Meet (once) first.", "Møt (én gang først.", "error"),
    ("brackets", "Fill in [name] here.", "Fyll inn [navn her.", "error"),
    ("brackets", 'He said "stop."', "Han sa «stopp.", "error"),
    ("brackets", "He said “stop”.", "Han sa «stopp»».", "error"),
    ("brackets", "He said “stop”.", "Han sa “stopp.", "error"),
    # ... the source holds half a pair, the translation a different imbalance
    ("brackets", "The list goes on (see the next page", "Lista fortsetter (se neste side))",
     "error"),
    # length: the second half of a paragraph missing, or the text written twice
    ("length", PARAGRAPH, HALF_NB, "error"),
    ("length", PARAGRAPH, PARAGRAPH_NB + " " + PARAGRAPH_NB, "warning"),
    # doubled words
    ("doubled-word", "Read it and sign it.", "Les den og og signer den.", "warning"),
    ("doubled-word", "Sit on the chair.", "Sitt på på stolen.", "warning"),
    ("doubled-word", "And then wait.", "Og og så vent.", "warning"),
    ("doubled-word", "Read it and sign.", "Les den og **og** signer.", "warning"),
    ("doubled-word", "Those who come.", "De som som kommer.", "warning"),
    # negation dropped: the meaning is reversed
    ("negation", "Do not contact the victim.", "Kontakt den fornærmede.", "error"),
    ("negation", "You can't stop now.", "Du kan stoppe nå.", "error"),
    ("negation", "Never promise forgiveness.", "Lov tilgivelse.", "error"),
    ("negation", "There is no deadline.", "Det finnes en frist.", "error"),
    ("negation", "Nobody has to take part.", "Alle må delta.", "error"),
    ("negation", "Meet them without the lawyer.", "Møt dem sammen med advokaten.", "error"),
    ("negation", "Nothing changes for them.", "Alt endres for dem.", "error"),
    ("negation", "Read {doc}`what not to do <dont>`.", "Les {doc}`hva du skal gjøre <dont>`.",
     "error"),
]

NN_FAULTS = [
    ("negation", "The meeting cannot go ahead.", "Møtet kan gå føre seg.", "error"),
    ("negation", "Do not argue.", "Ikke krangle.", None),  # nb's word in nn still negates
    ("negation", "Do not argue.", "Krangle.", "error"),
]

NEAR_MISSES = [
    # link-order: a legitimate reorder, texts that show it, and no common pair to compare
    ("link-order", "Ask {ref}`a <x>` and {doc}`b <y>`.", "Spør {doc}`b <y>` og {ref}`a2 <x>`."),
    ("link-order", "See [the guide](a.md) and [the form](b.md).",
     "Se [veiledningen](a.md) og [skjemaet](b.md)."),
    ("link-order", "Ask [Tobias](tobias.md) and [Leila](leila.md).",
     "Spør [Leila](leila.md) og [Tobias](tobias.md)."),
    ("link-order", "{term}`consent` for every {term}`participant`.",
     "kvar {term}`participant` gir {term}`consent`."),
    ("link-order", "See [a](x.md) and [b](y.md).", "Se [b](y.md)."),
    ("link-order", "See [the guide](a.md) and [it](a.md) again.",
     "Se [den](a.md) og [veiledningen](a.md) igjen."),
    # brackets: balanced, quotes of another kind, apostrophes, half pairs the source has too
    ("brackets", 'He said "stop."', "Han sa «stopp.»"),
    ("brackets", "He said “stop”.", "Han sa «stopp»."),
    ("brackets", "Tobias's plan and 'the deal'.", "Tobias’ plan og avtalen."),
    ("brackets", 'He said: "We will', "Han sa: «Vi skal"),
    ("brackets", "Choose a) wait or b) go.", "Velg a) vent eller b) gå."),
    ("brackets", "Meet (once) first.", "Møt (én gang) først."),
    ("brackets", "Type `(` to open.", "Skriv `(` for å åpne."),
    # length: short messages are not judged; a normal translation; role texts are counted
    ("length", "Before the meeting", "Før møtet"),
    ("length", "Write short answers.", "Svar kort."),
    ("length", PARAGRAPH, PARAGRAPH_NB),
    ("length", "A {term}`mediation-meeting`, a {term}`conference`, "
               "{term}`facilitated-dialogue`, or {term}`indirect-dialogue`.",
     "Et {term}`meklingsmøte <mediation-meeting>`, et {term}`stormøte <conference>`, "
     "{term}`tilrettelagt dialog <facilitated-dialogue>` eller "
     "{term}`indirekte dialog <indirect-dialogue>`."),
    # doubled words: Norwegian doubles, a double the source has too, markup between
    ("doubled-word", "What it is about is trust.", "Det det handler om, er tillit."),
    ("doubled-word", "Those who as a rule come.", "De som som regel kommer."),
    ("doubled-word", "Knock knock.", "Bank bank."),
    ("doubled-word", "Run `make` again.", "Kjør `make` make-filen igjen."),
    ("doubled-word", "Sit on the chair at Easter.", "Sitt på påskestolen."),
    ("doubled-word", "Yes, yes.", "Ja, ja."),
    # negation: carried by a Norwegian negator, or not a negation at all
    ("negation", "Do not contact the victim.", "Ikke kontakt den fornærmede."),
    ("negation", "No.", "Nei."),
    ("negation", "Use not only facts but also feelings.",
     "Bruk ikke bare fakta, men også følelser."),
    ("negation", "Unless the victim agrees, wait.", "Vent, med mindre den fornærmede samtykker."),
    ("negation", "They are no longer in contact.", "De har ikke lenger kontakt."),
    ("negation", 'Ask "It helped, didn\'t it?"', "Spør «Det hjalp vel?»"),
    ("negation", "Decide whether or not to meet.", "Bestem om dere skal møtes."),
    ("negation", "Answer no later than Friday.", "Svar senest fredag."),
    ("negation", "If you are not sure, ask.", "Spør hvis du er usikker."),
    ("negation", "Do not blame anyone.", "Unngå å skylde på noen."),
    ("negation", "Meet without any commitment.", "Møt helt uforpliktende."),
    ("negation", "Say no, and stop.", "Si nei, og stopp."),
    ("negation", "Meet, then decide.", "Møt, og bestem."),
]


def entry(source: str, translation: str, language: str = "nb") -> Entry:
    return Entry(source, translation, language, "en", (), "x.po", 1)


def issues(family: str, item: Entry) -> list[Issue]:
    return [issue for check in FAMILIES[family].CHECKS for issue in check(item)]


@pytest.mark.parametrize(("family", "source", "translation", "severity"), FAULTS)
def test_a_planted_fault_is_flagged(family, source, translation, severity):
    found = issues(family, entry(source, translation))
    assert {(i.check, i.severity) for i in found} == {(family, severity)}


@pytest.mark.parametrize(("family", "source", "translation", "severity"), NN_FAULTS)
def test_nynorsk_negation(family, source, translation, severity):
    found = {(i.check, i.severity) for i in issues(family, entry(source, translation, "nn"))}
    assert found == ({(family, severity)} if severity else set())


@pytest.mark.parametrize(("family", "source", "translation"), NEAR_MISSES)
def test_a_near_miss_is_not_flagged(family, source, translation):
    assert issues(family, entry(source, translation)) == []


def test_the_link_order_message_says_which_text_points_where():
    [issue] = issues("link-order", entry("See [the guide](a.md) and [the form](b.md).",
                                         "Se [veiledningen](b.md) og [skjemaet](a.md)."))
    assert "'veiledningen' now points to 'b.md'" in issue.message
    assert "'the form'" in issue.message
    assert "link-order-ok" in issue.message


def test_missing_targets_are_left_to_the_link_check():
    # links.py reports the missing target; link-order stays silent rather than repeat it
    assert issues("link-order", entry("See [a](x.md), [b](y.md) and [c](z.md).",
                                      "Se [c](z.md) og [a](x.md).")) == []


def test_code_and_role_bodies_do_not_count_as_brackets():
    words = read_markup("Run `f(` and {doc}`a (b <x>` «now").text
    assert balance.imbalance(words, "()") == (0, 0)
    assert balance.imbalance(words, "«»") == (1, 0)


def test_length_is_silent_for_a_language_pair_it_was_not_calibrated_for():
    assert issues("length", entry(PARAGRAPH, HALF_NB, "sv")) == []
    assert issues("length", entry(PARAGRAPH, HALF_NB, "nn")) != []


def test_what_english_counts_as_a_negation():
    assert negation.english_negation("Nor does it end.") is None
    assert negation.english_negation("Unless they agree.") is None
    assert negation.english_negation("No.") is None
    assert negation.english_negation("Ask no one.") == "no one"
    assert negation.english_negation("It doesn’t matter.") == "n’t"


@cache
def shipped_entries() -> tuple[Entry, ...]:
    project = Project.load(ROOT)
    found = []
    for language in project.target_languages:
        for po in sorted(project.catalog_dir(language).rglob("*.po")):
            if is_ui_catalogue(project, po, language):
                continue
            found.extend(catalogue_entries(project, po, language))
    return tuple(found)


def test_the_shipped_catalogues_are_read():
    entries = shipped_entries()
    assert {e.language for e in entries} >= {"nb", "nn"}
    assert len(entries) > 1000


# No real fault was found in the shipped catalogues: every family must give nothing.
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_shipped_catalogues_give_no_finding(family):
    findings = [f"{e.path}:{e.line}: {i.message}" for e in shipped_entries()
                for i in issues(family, e)]
    assert findings == []
