"""The glossary enforced: planted faults that must be found, near misses that must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rjguide.checks.runner import Entry, check_entry, check_project
from rjguide.checks.terminology import source_issues, translation_issues
from rjguide.library.project import Project
from rjguide.library.termbase import load_termbase

SMALL = Path(__file__).parent / "fixtures" / "small"


@pytest.fixture(scope="module")
def termbase():
    base, findings = load_termbase(Project.load(SMALL))
    assert findings == []
    return base


def issues(termbase, source: str, translation: str) -> list[str]:
    return [i.message for i in translation_issues(source, translation, termbase, "en", "nb")]


@pytest.mark.parametrize("translation", [
    "Konfliktrådet tar imot saken.",          # definite singular
    "Alle konfliktrådene tar imot saker.",    # definite plural
    "Et konfliktråd tar imot saken.",         # base form
])
def test_any_declared_inflected_form_satisfies_the_term(termbase, translation):
    assert issues(termbase, "The mediation service office receives the case.", translation) == []


def test_a_translation_without_the_term_is_an_error(termbase):
    found = translation_issues("The mediation service office receives the case.",
                               "Kontoret tar imot saken.", termbase, "en", "nb")
    assert [(i.concept, i.severity) for i in found] == [("mediation-service-office", "error")]
    assert "konfliktråd" in found[0].message


def test_a_compound_that_holds_an_approved_term_carries_the_concept(termbase):
    # Norwegian as it is written: the term as the first part of a closed or hyphenated
    # compound, or as its last part with an ending, is the term («konfliktrådslederen»).
    for translation in ("Konfliktrådslederen tar imot saken.",
                        "Konfliktråds- og politisamarbeidet tar imot saken.",
                        "Lokalkonfliktrådet tar imot saken."):
        assert issues(termbase, "The mediation service office receives the case.",
                      translation) == [], translation
    found = issues(termbase, "The mediation service office receives the case.",
                   "Kontoret tar imot saken.")
    assert len(found) == 1


def test_a_source_word_that_merely_contains_the_term_requires_nothing(termbase):
    assert issues(termbase, "Premediation work starts early.", "Arbeidet starter tidlig.") == []


def test_the_longer_source_term_wins_over_the_one_inside_it(termbase):
    # "mediation meeting" must not also demand "mekling" for the "mediation" inside it.
    assert issues(termbase, "The mediation meeting starts at nine.",
                  "Meklingsmøtet starter klokka ni.") == []


def test_a_compound_holding_a_deprecated_term_is_not_flagged_but_the_term_is(termbase):
    assert issues(termbase, "Mediation helps.", "Meglingsprosessen hjelper, og mekling også.") == []
    found = issues(termbase, "Mediation helps.", "Megling hjelper, mekling også.")
    assert len(found) == 1 and "'Megling' is a deprecated term" in found[0]
    assert "use 'mekling'" in found[0]


def test_a_deprecated_target_term_is_reported_even_without_the_source_term(termbase):
    found = issues(termbase, "Talk first.", "Snakk sammen før meglingen.")
    assert not found  # "meglingen" is not a declared form of the deprecated term
    found = issues(termbase, "Talk first.", "Snakk sammen før megling.")
    assert len(found) == 1 and "deprecated" in found[0]


def test_a_short_term_reference_is_satisfied_by_keeping_the_reference(termbase):
    assert issues(termbase, "Ask the {term}`convicted-person`.", "Spør {term}`convicted-person`.") \
        == []


def test_a_long_term_reference_must_show_an_approved_form(termbase):
    assert issues(termbase, "Ask {term}`convicted persons <convicted-person>`.",
                  "Spør {term}`domfelte <convicted-person>`.") == []
    found = issues(termbase, "Ask {term}`convicted persons <convicted-person>`.",
                   "Spør {term}`de dømte <convicted-person>`.")
    assert len(found) == 1 and "not an approved nb form" in found[0]


def test_a_dropped_term_reference_needs_the_term_in_words(termbase):
    assert issues(termbase, "Ask the {term}`convicted-person`.", "Spør den domfelte.") == []
    found = translation_issues("Ask the {term}`convicted-person`.", "Spør personen.",
                               termbase, "en", "nb")
    # The nb entry is only proposed: a missing term is a warning, not an error.
    assert [(i.concept, i.severity) for i in found] == [("convicted-person", "warning")]


def test_an_unknown_concept_in_a_translation_is_an_error(termbase):
    found = issues(termbase, "Ask.", "Spør {term}`noe <no-such-concept>`.")
    assert found and "not in the termbase" in found[0]


def test_norwegian_quotes_and_case_do_not_hide_a_term(termbase):
    assert issues(termbase, 'He said "mediation".', "Han sa «Mekling».") == []


def test_a_translator_comment_silences_one_concept_for_one_message_and_is_listed(termbase):
    entry = Entry("The mediation service office receives the case.", "Kontoret tar imot saken.",
                  "nb", "en", ("terminology-ok: mediation-service-office the office is meant",),
                  "locale/nb/LC_MESSAGES/x.po", 12)
    result = check_entry(entry, termbase)
    assert result.findings == []
    assert [(s.concept, s.line) for s in result.suppressions] == [("mediation-service-office", 12)]
    other = Entry(entry.source, "Kontoret tar imot saken ved megling.", "nb", "en",
                  entry.comments, entry.path, 12)
    assert [f.message for f in check_entry(other, termbase).findings] \
        and "megling" in check_entry(other, termbase).findings[0].message


def test_a_deprecated_english_term_in_the_source_names_the_preferred_one(termbase):
    found = source_issues("Meet the convict before the meeting.", termbase, "en")
    assert [(i.concept, i.severity) for i in found] == [("convicted-person", "warning")]
    assert "use 'convicted person'" in found[0].message
    assert source_issues("Meet the convicted person. The convictions stand.", termbase, "en") == []


def test_check_reports_source_and_catalogue_findings_with_file_and_line(fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("Keep time.", "Keep time with the convict."))
    po = fixture_project.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text() + '\nmsgid "Explain what a mediator does."\n'
                  'msgstr "Forklar hva en megler gjør ved megling."\n')
    result = check_project(fixture_project)
    formatted = [f.format() for f in result.findings]
    assert any(line.startswith("source/modules/demo/index.md:33: warning: terminology: 'convict'")
               for line in formatted), formatted
    assert any(line.startswith("locale/nb/LC_MESSAGES/modules/demo/index.po:")
               and "megling" in line for line in formatted), formatted


def test_the_shipped_library_passes_the_terminology_checks():
    from conftest import ROOT

    result = check_project(Project.load(ROOT))
    errors = [f.format() for f in result.findings if f.severity == "error"]
    assert errors == []


def test_a_norwegian_genitive_counts_as_the_term(termbase):
    assert issues(termbase, "The mediation service office decides.",
                  "Konfliktrådets leder bestemmer.") == []
    assert len(issues(termbase, "The mediation service office decides.",
                      "Lederen bestemmer.")) == 1


def test_a_forbidden_term_can_never_be_silenced_and_the_message_says_so():
    from conftest import ROOT

    real, _ = load_termbase(Project.load(ROOT))
    comments = ("terminology-ok: restorative-process the law is quoted here",)
    entry = Entry("A restorative process helps.", "En gjenopprettende rett hjelper.", "nb", "en",
                  comments, "x.po", 4)
    result = check_entry(entry, real)
    forbidden = [f for f in result.findings if "forbidden term" in f.message]
    assert forbidden and forbidden[0].severity == "error"
    assert "cannot be silenced" in forbidden[0].message
    assert not any("gjenopprettende rett" in s.message for s in result.suppressions)


def test_a_deprecated_term_in_a_translation_is_an_error_that_says_how_to_silence_it(termbase):
    found = translation_issues("Mediation helps.", "Megling hjelper, mekling også.", termbase,
                               "en", "nb")
    assert [(i.severity, i.silenceable) for i in found] == [("error", True)]
    assert "# terminology-ok: mediation <why>" in found[0].message


def test_a_verb_the_termbase_declares_carries_a_noun_concept():
    from conftest import ROOT

    real, _ = load_termbase(Project.load(ROOT))
    for language in ("nb", "nn"):
        assert translation_issues("Mediation can help.", "Å mekle kan hjelpe.", real, "en",
                                  language) == [], language
