"""The translation memory of `make po`: an untranslated message is offered the closest
translation of the same language as a fuzzy entry, never as a translation, and the same
catalogues always give the same offers."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from rjguide.library import catalogs
from rjguide.library.project import Project
from rjguide.translation.memory import THRESHOLD, TranslationMemory

from conftest import copy_project

SOURCE = "Agree with the participants on what the next meeting will be about."
CLOSE = "Agree with the participants on what the next meeting will cover."
TRANSLATION = "Avtal med deltakarane kva det neste møtet skal handle om."


def translated(pairs: dict[str, str], fuzzy: tuple[str, ...] = ()) -> Catalog:
    catalog = Catalog(locale="nn")
    for source, translation in pairs.items():
        catalog.add(source, translation, flags={"fuzzy"} if source in fuzzy else set())
    return catalog


def untranslated(*sources: str) -> Catalog:
    template = Catalog()
    for source in sources:
        template.add(source, locations=[("source/x.md", 1)])
    return catalogs.merge(template, None, "nn", "Test")


def test_an_untranslated_message_is_offered_the_closest_translation_as_fuzzy():
    memory = TranslationMemory([("modules/a/index.po", translated({SOURCE: TRANSLATION}))])
    catalog = untranslated(CLOSE)
    assert memory.offer(catalog) == 1
    offered = catalog[CLOSE]
    assert offered.string == TRANSLATION and offered.fuzzy
    assert offered.previous_id == [SOURCE]
    [comment] = offered.user_comments
    assert comment.startswith("memory: ") and comment.endswith(" % from modules/a/index.po")
    assert int(comment.split()[1]) >= THRESHOLD
    text = catalogs.serialise(catalog).decode()
    assert f'#, fuzzy\n#| msgid "{SOURCE}"\nmsgid "{CLOSE}"' in text


def test_an_exact_source_elsewhere_is_still_only_fuzzy():
    memory = TranslationMemory([("index.po", translated({SOURCE: TRANSLATION}))])
    catalog = untranslated(SOURCE)
    memory.offer(catalog)
    assert catalog[SOURCE].fuzzy
    assert catalog[SOURCE].user_comments == ["memory: 100 % from index.po"]
    assert catalogs.count(untranslated(SOURCE), catalog).translated == 0


def test_translations_and_fuzzy_entries_are_never_touched():
    memory = TranslationMemory([("index.po", translated({SOURCE: TRANSLATION}))])
    catalog = untranslated(SOURCE, CLOSE)
    catalog[SOURCE].string = "Min eigen omsetjing."
    catalog[CLOSE].string = "Ei omsetjing som treng ein kikk."
    catalog[CLOSE].flags.add("fuzzy")
    catalog[CLOSE].previous_id = ["An older source."]
    assert memory.offer(catalog) == 0
    assert catalog[SOURCE].string == "Min eigen omsetjing." and not catalog[SOURCE].fuzzy
    assert catalog[CLOSE].string == "Ei omsetjing som treng ein kikk."
    assert catalog[CLOSE].previous_id == ["An older source."]
    assert not catalog[SOURCE].user_comments and not catalog[CLOSE].user_comments


def test_nothing_below_the_threshold_and_nothing_from_fuzzy_or_empty_entries():
    memory = TranslationMemory([("index.po", translated(
        {SOURCE: TRANSLATION, "A sentence that is being translated.": "Ei setning.",
         "Another sentence nobody has translated yet.": ""},
        fuzzy=("A sentence that is being translated.",)))])
    assert len(memory) == 1
    catalog = untranslated("Something else entirely, about the weather.",
                           "A sentence that is being translated!",
                           "Another sentence nobody has translated yet!")
    assert memory.offer(catalog) == 0
    assert all(not m.string and not m.fuzzy for m in catalog if m.id)


def test_ties_go_to_the_first_catalogue_by_path_then_to_the_first_source():
    one, other = "Plan the first meeting. A", "Plan the first meeting. B"
    memory = TranslationMemory([
        ("modules/b/index.po", translated({one: "frå b"})),
        ("modules/a/index.po", translated({other: "frå a, B", one: "frå a, A"})),
    ])
    catalog = untranslated("Plan the first meeting. C")
    memory.offer(catalog)
    assert catalog["Plan the first meeting. C"].string == "frå a, A"
    assert catalog["Plan the first meeting. C"].previous_id == [one]


def test_the_same_catalogues_give_the_same_bytes():
    def run() -> bytes:
        memory = TranslationMemory([
            ("b.po", translated({SOURCE: "b"})), ("a.po", translated({SOURCE: "a"}))])
        catalog = untranslated(CLOSE, SOURCE)
        memory.offer(catalog)
        return catalogs.serialise(catalog)
    assert run() == run()
    assert "memory: 100 % from a.po" in run().decode()


def test_the_memory_note_goes_once_the_translator_confirms():
    memory = TranslationMemory([("index.po", translated({SOURCE: TRANSLATION}))])
    catalog = untranslated(CLOSE)
    memory.offer(catalog)
    catalog[CLOSE].flags.discard("fuzzy")  # what clearing the fuzzy flag in an editor does
    memory.offer(catalog)
    assert catalog[CLOSE].string == TRANSLATION and catalog[CLOSE].user_comments == []


def test_make_po_offers_a_translation_from_another_page_and_then_changes_nothing(tmp_path):
    """A message emptied in one page's catalogue gets the same message's translation from
    another page, as fuzzy; a second `make po` rewrites nothing."""
    from rjguide.translation.po import update_all

    project: Project = copy_project(tmp_path / "lib")
    po = project.catalog_path("nn", "modules/values-and-principles/index")
    catalog = catalogs.read_catalog(po, locale="nn")
    catalog["Handouts"].string = ""
    po.write_bytes(catalogs.serialise(catalog))

    _findings, changed = update_all(project)
    assert changed == [po]
    offered = catalogs.read_catalog(po, locale="nn")["Handouts"]
    assert offered.fuzzy and offered.string and offered.previous_id == ["Handouts"]
    [comment] = [c for c in offered.user_comments if c.startswith("memory:")]
    assert comment.startswith("memory: 100 % from modules/") and comment.endswith("/index.po")
    assert Path(comment.rsplit(" ", 1)[1]).parent.name != "values-and-principles"

    _findings, changed = update_all(project)
    assert changed == [], f"a second make po rewrote {changed}"
