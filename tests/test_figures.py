"""Every figure a reader sees is the project's own count, the same wherever it is shown."""

from __future__ import annotations

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from lxml import html as lxml_html

from rjguide.checks.consistency import untranslatable
from rjguide.library.catalogs import compiled_catalog_dir, template_path
from rjguide.library.termbase import load_termbase
from rjguide.translation.stats import page_counts, percent_text, progress

TARGETS = ("nb", "nn")


def shown_to_readers(library, docname: str, language: str) -> tuple[int, int]:
    """(translated, total) from what the build gave Sphinx: the compiled catalogue, from
    which fuzzy entries and entries `make check` rejects were left out."""
    with template_path(library, docname).open("rb") as handle:
        template = read_po(handle)
    mo = compiled_catalog_dir(library, language) / f"{docname}.mo"
    with mo.open("rb") as handle:
        compiled = read_mo(handle)
    termbase = load_termbase(library)[0]
    total = translated = 0
    for message in template:
        if not message.id:
            continue
        total += 1
        shown = compiled.get(message.id)
        if shown is None or not shown.string:
            continue
        if shown.string == message.id and not untranslatable(message.id, language, termbase,
                                                              library.source_language):
            continue
        translated += 1
    return translated, total


def same_spaces(text: str) -> str:
    return " ".join(text.split())


def banner_text(library, docname: str, language: str) -> str | None:
    tree = lxml_html.parse(str(library.site_dir / language / f"{docname}.html")).getroot()
    banner = tree.xpath("//p[contains(@class, 'rj-progress')]")
    return " ".join(banner[0].text_content().split()) if banner else None


def test_the_banner_of_every_page_shows_what_its_catalogue_gives_readers(library):
    wrong = []
    for language in TARGETS:
        for docname in library.docnames:
            translated, total = shown_to_readers(library, docname, language)
            banner = banner_text(library, docname, language)
            if total == 0:
                continue
            expected = same_spaces(percent_text(translated / total, language))
            if banner is None or expected not in banner:
                wrong.append(f"{language}/{docname}: banner {banner!r}, catalogue {expected} "
                             f"({translated} of {total})")
    assert not wrong, "\n".join(wrong)


def test_a_complete_catalogue_shows_100_percent_and_an_incomplete_one_never_does(library):
    seen_complete = 0
    for page in page_counts(library):
        if not page.counts.total:
            continue
        banner = banner_text(library, page.docname, page.language)
        complete = page.counts.translated == page.counts.total
        assert (same_spaces(percent_text(1.0, page.language)) in banner) == complete, \
            f"{page.language}/{page.docname}: {banner}"
        seen_complete += complete
    assert seen_complete, "the library has fully translated pages; none showed 100 %"


def test_the_module_catalogue_shows_the_figures_of_make_stats(library):
    for row in progress(library):
        if row.module.startswith("("):
            continue
        page = library.site_dir / row.language / "catalogue.html"
        text = " ".join(lxml_html.parse(str(page)).getroot().text_content().split())
        assert same_spaces(percent_text(row.counts.share, row.language)) in text, \
            f"{row.language}: {row.module} {percent_text(row.counts.share, row.language)}"


def test_percentages_round_down_so_that_only_everything_is_100_percent():
    assert percent_text(0.996, "nb") == percent_text(0.99, "nb")
    assert percent_text(1.0, "en") == "100%"
    assert percent_text(0.29, "en") == "29%"


def test_a_translation_the_build_withholds_counts_as_untranslated_and_fails_the_gate(
        fixture_project):
    from rjguide.cli import main
    from rjguide.translation.po import update_all

    update_all(fixture_project)
    before = next(r for r in progress(fixture_project)
                  if r.module == "demo" and r.language == "nb").counts
    po = fixture_project.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text().replace(
        'msgstr "Det første avsnittet er oversatt."',
        'msgstr "1. Det første avsnittet er oversatt."'))  # Sphinx would drop it: withheld
    after = next(r for r in progress(fixture_project)
                 if r.module == "demo" and r.language == "nb").counts
    assert after.translated == before.translated - 1
    assert after.fuzzy == before.fuzzy
    share = before.translated / before.total * 100
    assert main(["--root", str(fixture_project.root), "stats",
                 "--fail-under", f"nb={share:.4f}"]) == 1
