"""Catalogues are updated keeping translations: changed become fuzzy, removed obsolete;
headers are right; fuzzy never counts as translated; msgfmt accepts every catalogue."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from rjguide.library import catalogs
from rjguide.library.project import Project

from conftest import ROOT, need


def template(*ids: str) -> Catalog:
    catalog = Catalog()
    for message_id in ids:
        catalog.add(message_id, locations=[("source/x.md", 1)])
    return catalog


def test_update_keeps_translations_and_marks_changed_fuzzy_and_removed_obsolete():
    old = catalogs.merge(template("Keep this.", "Change this sentence.", "Remove this."),
                         None, "nb", "Test")
    old["Keep this."].string = "Behold dette."
    old["Change this sentence."].string = "Endre denne setningen."
    old["Remove this."].string = "Fjern dette."
    new = catalogs.merge(template("Keep this.", "Change this sentence now.", "Brand new."),
                         old, "nb", "Test")
    assert new["Keep this."].string == "Behold dette." and not new["Keep this."].fuzzy
    changed = new["Change this sentence now."]
    assert changed.fuzzy and changed.string == "Endre denne setningen."
    assert changed.previous_id == ["Change this sentence."]
    assert "Remove this." in new.obsolete
    assert not new["Brand new."].string


def test_headers_name_the_language_and_its_plural_forms():
    text = catalogs.serialise(catalogs.merge(template("A."), None, "nn", "Test")).decode()
    assert '"Language: nn\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert "#, fuzzy\nmsgid \"\"" not in text


def test_roles_do_not_get_a_format_flag():
    text = catalogs.serialise(
        catalogs.merge(template("See {term}`mediation` and {0}."), None, "nb", "Test")).decode()
    assert "python-brace-format" not in text and "python-format" not in text


def test_fuzzy_entries_do_not_count_as_translated():
    translation = catalogs.merge(template("One two.", "Three four five.", "Six."), None, "nb", "T")
    translation["One two."].string = "En to."
    translation["Three four five."].string = "Tre fire fem."
    translation["Three four five."].flags.add("fuzzy")
    counts = catalogs.count(template("One two.", "Three four five.", "Six."), translation)
    assert (counts.total, counts.translated, counts.fuzzy, counts.untranslated) == (3, 1, 1, 1)
    assert (counts.words, counts.translated_words, counts.fuzzy_words) == (6, 2, 3)
    assert counts.share == pytest.approx(1 / 3)


def shipped_catalogues() -> list[Path]:
    return sorted((ROOT / "locale").rglob("*.po"))


def test_msgfmt_check_passes_on_every_shipped_catalogue():
    need(shutil.which("msgfmt") is not None, "msgfmt (Debian package gettext) is not installed")
    assert shipped_catalogues()
    for po in shipped_catalogues():
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{po}: {result.stderr}"


def test_po_update_is_stable_on_the_shipped_catalogues(tmp_path):
    """Running the update on up-to-date catalogues changes nothing (no churn in diffs)."""
    from rjguide.translation.po import update_all

    from conftest import copy_project

    project: Project = copy_project(tmp_path / "lib")
    _findings, changed = update_all(project)
    assert changed == [], f"make po would rewrite {changed}"


def glossary_termbase():
    from rjguide.library.termbase import require_termbase

    return require_termbase(Project.load(ROOT))


def annotated(catalog: Catalog, language: str = "nb") -> Catalog:
    from rjguide.translation.glossary_notes import annotate

    annotate(catalog, glossary_termbase(), "en", language)
    return catalog


def test_each_entry_lists_the_glossary_terms_of_its_source_in_the_catalogues_language():
    source = "The {term}`convicted-person` asks for a mediation meeting."
    catalog = annotated(catalogs.merge(template(source, "No terms here."), None, "nb", "Test"))
    assert catalog[source].auto_comments == [
        "glossary: convicted person → domfelt; mediation meeting → meklingsmøte"]
    assert catalog["No terms here."].auto_comments == []
    nynorsk = annotated(catalogs.merge(template("The mediator listens."), None, "nn", "T"), "nn")
    assert nynorsk["The mediator listens."].auto_comments == ["glossary: mediator → meklar"]
    text = catalogs.serialise(catalog).decode()
    assert ("#. glossary: convicted person → domfelt; mediation meeting → meklingsmøte\n"
            "#: source/x.md:1\n") in text


def test_a_long_note_never_splits_a_concept_across_lines():
    source = ("The facilitator, the mediator, the convicted person, the injured party and "
              "the support person meet for a mediation meeting with the follow-up team.")
    [message] = [m for m in annotated(catalogs.merge(template(source), None, "nb", "T")) if m.id]
    assert len(message.auto_comments) > 1
    assert all(c.startswith("glossary: ") and len(c) <= 76 for c in message.auto_comments)
    assert sum(c.count("→") for c in message.auto_comments) == 7


def test_glossary_notes_follow_the_source_and_keep_other_extracted_comments():
    old = template("Talk to the mediator.", "Talk to the facilitator.")
    old["Talk to the mediator."].auto_comments = ["Translators: a heading"]
    existing = annotated(catalogs.merge(old, None, "nb", "Test"))
    existing["Talk to the mediator."].string = "Snakk med mekleren."
    existing["Talk to the facilitator."].string = "Snakk med tilretteleggeren."
    assert existing["Talk to the mediator."].auto_comments == [
        "Translators: a heading", "glossary: mediator → mekler"]

    new = template("Talk to the mediator and the convicted person.", "Talk to someone.")
    new["Talk to the mediator and the convicted person."].auto_comments = [
        "Translators: a heading"]
    updated = annotated(catalogs.merge(new, existing, "nb", "Test"))
    changed = updated["Talk to the mediator and the convicted person."]
    assert changed.auto_comments == [
        "Translators: a heading", "glossary: convicted person → domfelt; mediator → mekler"]
    assert updated["Talk to someone."].auto_comments == []


def test_po_update_twice_changes_nothing_the_second_time(tmp_path):
    """Even after an update that did change catalogues (memory offers, new notes), the next
    `make po` is a no-op, header dates included."""
    from rjguide.translation.po import update_all

    from conftest import copy_project

    project: Project = copy_project(tmp_path / "lib")
    for po in sorted(project.locale_dir.rglob("*.po")):  # as a pre-notes `make po` left them
        lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
        po.write_text("".join(line for line in lines if not line.startswith("#. glossary:")),
                      encoding="utf-8")
    _findings, changed = update_all(project)
    assert changed, "the notes should have been written again"
    _findings, changed = update_all(project)
    assert changed == [], f"a second make po rewrote {changed}"
