"""The real library's site: every language, switcher and alternates, Norwegian search,
the catalogue page, progress shown, and no English interface string in nb or nn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from rjguide.library.catalogs import read_catalog
from rjguide.library.labels import language_name
from rjguide.library.modules import load_modules

pytestmark = pytest.mark.xdist_group("library")
TARGETS = ("nb", "nn")


def pages(site: Path, language: str) -> list[Path]:
    return sorted((site / language).rglob("*.html"))


def test_every_language_has_its_tree_and_the_front_door_links_them(library):
    site = library.site_dir
    chooser = lxml_html.parse(str(site / "index.html")).getroot()
    links = {a.get("href") for a in chooser.iter("a")}
    for language in library.languages:
        assert (site / language / "index.html").is_file()
        assert f"{language}/index.html" in links


def test_every_page_has_its_language_and_links_to_the_same_page_in_the_others(library):
    site = library.site_dir
    for language in library.languages:
        for page in pages(site, language):
            tree = lxml_html.parse(str(page)).getroot()
            assert tree.get("lang") == language, page
            relative = page.relative_to(site / language)
            alternates = {link.get("hreflang"): link.get("href")
                          for link in tree.xpath("//link[@rel='alternate']")}
            switcher = {a.get("hreflang"): a.get("href")
                        for a in tree.xpath("//nav[@class='rj-languages']//a")}
            assert set(alternates) == set(switcher) == set(library.languages), page
            for other, href in switcher.items():
                target = (page.parent / href).resolve()
                assert target == (site / other / relative).resolve(), (page, href)
                assert target.is_file(), f"{page}: {href} leads nowhere"


def test_norwegian_pages_search_with_the_norwegian_stemmer(library):
    for language in TARGETS:
        language_data = (library.site_dir / language / "_static" / "language_data.js").read_text()
        assert "NorwegianStemmer" in language_data
    english = (library.site_dir / "en" / "_static" / "language_data.js").read_text()
    assert "NorwegianStemmer" not in english


def test_the_catalogue_lists_every_module_with_its_metadata_in_every_language(library):
    modules, _ = load_modules(library)
    assert len(modules) >= 2
    for language in library.languages:
        tree = lxml_html.parse(str(library.site_dir / language / "catalogue.html")).getroot()
        rows = tree.xpath("//table[contains(@class, 'rj-catalogue')]/tbody/tr")
        assert len(rows) == len(modules)
        for row, module in zip(rows, modules, strict=True):
            cells = [cell.text_content().strip() for cell in row.xpath("./td")]
            assert module.version in cells[5]
            assert str(module.duration) in cells[2]
            for code in library.languages:
                assert language_name(code) in cells[6]
            assert re.search(r"\d+\s?%", cells[6])


def test_translated_pages_show_how_far_they_are_translated(library):
    for language in TARGETS:
        page = library.site_dir / language / "modules" / "values-and-principles" / "index.html"
        tree = lxml_html.parse(str(page)).getroot()
        progress = tree.xpath("//p[contains(@class, 'rj-progress')]")
        assert progress and re.search(r"\d+\s?%", progress[0].text_content())


def interface_strings(page: Path) -> set[str]:
    """Text and labels of the page outside its content: header, navigation chrome, footer,
    block labels, link titles. Page titles in the navigation are content, not interface."""
    tree = lxml_html.parse(str(page)).getroot()
    for content in tree.xpath("//div[@class='rj-content'] | //nav[@class='rj-nav']//ul"
                              " | //nav[@class='rj-nav']//p[@class='caption']"
                              " | //a[contains(@class,'rj-prev') or contains(@class,'rj-next')]"
                              "/text() /.. | //title | //link"):
        if content.tag == "div":
            labels = content.xpath(".//*[contains(@class,'rj-block-label')]")
            titles = [a.get("title") for a in content.xpath(".//a[@title]")]
            content.clear()
            for label in labels:
                content.append(label)
            content.set("data-titles", "|".join(t for t in titles if t))
        else:
            content.getparent().remove(content)
    strings = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for text in (element.text, element.tail):
            if text and re.search(r"[A-Za-z]", text):
                strings.add(" ".join(text.split()))
        for attribute in ("aria-label", "title", "placeholder", "alt", "value", "data-titles"):
            value = element.get(attribute)
            if value:
                strings.update(" ".join(v.split()) for v in value.split("|") if v.strip())
    return strings


def test_no_english_interface_string_is_left_in_norwegian_pages(library):
    names = {language_name(code) for code in library.languages}
    for language in TARGETS:
        for page in pages(library.site_dir, language):
            english = library.site_dir / "en" / page.relative_to(library.site_dir / language)
            left = (interface_strings(page) & interface_strings(english)) - names
            assert not left, f"{page}: English interface strings: {sorted(left)}"


def test_the_interface_catalogues_are_complete(library):
    for language in TARGETS:
        catalog = read_catalog(library.catalog_path(language, "sphinx"))
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert not missing, f"{language}: untranslated interface strings {missing}"
