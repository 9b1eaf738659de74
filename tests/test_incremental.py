"""Incremental builds: a change to an input rewrites exactly the outputs that depend on it,
and a build with no change rewrites nothing in exports/."""

from __future__ import annotations

from pathlib import Path

import pytest

from rjguide.build.pipeline import build_all
from rjguide.library.catalogs import read_catalog, serialise


def snapshot(project) -> dict[Path, int]:
    return {p.relative_to(project.site_dir): p.stat().st_mtime_ns
            for p in project.site_dir.rglob("*") if p.is_file()}


def rewritten(project, before: dict[Path, int]) -> set[str]:
    after = snapshot(project)
    return {str(p) for p, stamp in after.items() if before.get(p) != stamp}


@pytest.fixture
def built(fixture_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_all(fixture_project)
    return fixture_project


def test_a_build_without_changes_rewrites_nothing(built):
    before = snapshot(built)
    build_all(built)
    assert rewritten(built, before) == set()


def test_one_nb_catalogue_rewrites_only_its_pages_pdfs_and_figures(built):
    before = snapshot(built)
    po = built.catalog_path("nb", "modules/demo/index")
    catalog = read_catalog(po, locale="nb")
    # A paragraph of the module's page (its title would rightly change the handouts too:
    # a handout's header names its module).
    catalog["The first paragraph is translated."].string = "Første avsnitt, omsett på nytt."
    po.write_bytes(serialise(catalog))
    build_all(built)
    changed = rewritten(built, before)
    assert "nb/modules/demo/index.html" in changed
    assert "downloads/nb/demo.pdf" in changed and "downloads/nb/handbook.pdf" in changed
    assert not any(p.startswith(("en/", "downloads/en/")) for p in changed), changed
    assert "downloads/nb/demo/handout-demo.pdf" not in changed
    assert not any(p.startswith("downloads/glossary/") for p in changed)


def test_a_source_page_rewrites_its_html_and_pdfs_in_every_language(built):
    before = snapshot(built)
    handout = built.modules_dir / "demo" / "handout-demo.md"
    handout.write_text(handout.read_text().replace("A checklist.", "A short checklist."))
    build_all(built)
    changed = rewritten(built, before)
    for language in ("en", "nb"):
        assert f"{language}/modules/demo/handout-demo.html" in changed
        assert f"downloads/{language}/demo/handout-demo.pdf" in changed
        assert f"downloads/{language}/demo.pdf" in changed
    assert not any(p.startswith("downloads/glossary/") for p in changed)
    assert "en/glossary.html" not in changed


def test_a_glossary_definition_rewrites_the_glossary_and_the_pages_that_show_it(built):
    po = built.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text() + '\nmsgid "A short module about {term}`mediation`."\n'
                                   'msgstr "En kort modul om {term}`mediation`."\n')
    build_all(built)
    before = snapshot(built)
    concept = built.glossary_dir / "concepts" / "mediation.yaml"
    concept.write_text(concept.read_text().replace(
        "hjelper partene å snakke sammen", "hjelper partene å snakke godt sammen"))
    build_all(built)
    changed = rewritten(built, before)
    assert "nb/glossary.html" in changed
    assert "nb/modules/demo/index.html" in changed       # the definition shown on hover
    assert "downloads/glossary/glossary.tbx" in changed
    assert "en/modules/demo/index.html" not in changed   # shows the English definition
    assert "downloads/en/demo/handout-demo.pdf" not in changed


def test_a_configuration_change_reaches_every_page_and_no_pdf(built):
    before = snapshot(built)
    conf = built.root / "conf.py"
    conf.write_text(conf.read_text().replace('html_permalinks_icon = "#"',
                                             'html_permalinks_icon = "¶"'))
    build_all(built)
    changed = rewritten(built, before)
    pages = {str(p.relative_to(built.site_dir)) for p in built.site_dir.glob("*/modules/**/*.html")}
    assert pages and pages <= changed
    assert not any(p.endswith(".pdf") for p in changed)  # print leaves the header links out
