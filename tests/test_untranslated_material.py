"""Material offered in a language it is not (yet) in says so, and points to where it is.

The small fixture library gets a third language, Nynorsk, with no translation at all: its
module is then in English in nn, partly translated in nb and complete in en."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from rjguide.build.pipeline import build_all
from rjguide.library.project import Project

ROOT = Path(__file__).resolve().parent.parent
MODULE = "demo"
pytestmark = pytest.mark.xdist_group("trilingual")  # one build of the fixture for all


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory) -> Project:
    folder = tmp_path_factory.mktemp("trilingual") / "small"
    shutil.copytree(ROOT / "tests" / "fixtures" / "small", folder)
    (folder / "pyproject.toml").write_text('[tool.rjguide]\nlanguages = ["en", "nb", "nn"]\n')
    for concept in (folder / "glossary" / "concepts").glob("*.yaml"):  # the real ones have nn
        shutil.copy(ROOT / "glossary" / "concepts" / concept.name, concept)
    interface = folder / "locale" / "nn" / "LC_MESSAGES"
    interface.mkdir(parents=True)
    shutil.copy(ROOT / "locale" / "nn" / "LC_MESSAGES" / "sphinx.po", interface / "sphinx.po")
    project = Project.load(folder)
    build_all(project)
    return project


def first_page(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_cover_of_an_untranslated_guide_says_it_is_in_english(trilingual):
    cover = first_page(trilingual.site_dir / "downloads" / "nn" / f"{MODULE}.pdf")
    assert "Ikkje omsett enno: teksten i dette dokumentet er på engelsk." in cover
    assert "Norsk nynorsk" not in cover and "English" in cover


def test_the_cover_of_a_partly_translated_guide_gives_the_share(trilingual):
    cover = first_page(trilingual.site_dir / "downloads" / "nb" / f"{MODULE}.pdf")
    assert "Partly translated (" in cover or "Delvis oversatt (" in cover


def test_a_complete_translation_says_nothing_of_english(library):
    from rjguide.translation.stats import progress

    complete = next(r.module for r in progress(library) if r.language == "nb"
                    and r.counts.total and r.counts.translated == r.counts.total
                    and not r.module.startswith("("))
    cover = first_page(library.site_dir / "downloads" / "nb" / f"{complete}.pdf")
    assert "engelsk" not in cover and "Norsk bokmål" in cover


def test_the_downloads_page_marks_english_files_and_links_where_they_are_whole(trilingual):
    page = lxml_html.parse(str(trilingual.site_dir / "nn" / "downloads.html")).getroot()
    section = page.xpath(f"//section[@aria-labelledby='dl-{MODULE}']")[0]
    notes = section.xpath(".//span[@class='rj-download-untranslated']")
    assert notes and all("På engelsk: ikkje omsett enno" in n.text_content() for n in notes)
    links = [(a.get("hreflang"), a.get("href")) for a in notes[0].xpath(".//a")]
    # Bokmål is only partly translated, so the whole text is in English only.
    assert links == [("en", f"../downloads/en/{MODULE}.pdf")]
    assert (trilingual.site_dir / "nn" / links[0][1]).is_file()


def test_a_missing_pack_is_explained_in_plain_words_with_the_packs_there_are(trilingual):
    page = lxml_html.parse(str(trilingual.site_dir / "nn" / "downloads.html")).getroot()
    missing = page.xpath(f"//section[@aria-labelledby='dl-{MODULE}']"
                         "//p[@class='rj-download-missing']")[0]
    text = " ".join(missing.text_content().split())
    assert text.startswith("Modulen er ikkje omsett til norsk nynorsk enno. Bruk kurspakken")
    assert "fuzzy" not in text
    hrefs = [a.get("href") for a in missing.xpath(".//a")]
    assert hrefs and all(h.startswith("../downloads/en/packs/") for h in hrefs)
    assert all((trilingual.site_dir / "nn" / h).is_file() for h in hrefs)


def structure_languages(pdf) -> list[str]:
    from pypdf import PdfReader

    found = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, dict):
            if "/Lang" in node:
                found.append(str(node["/Lang"]))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_the_english_parts_of_a_nynorsk_pdf_are_tagged_english(trilingual):
    from pypdf import PdfReader

    pdf = trilingual.site_dir / "downloads" / "nn" / f"{MODULE}.pdf"
    assert str(PdfReader(pdf).trailer["/Root"]["/Lang"]) == "nn"
    languages = structure_languages(pdf)
    assert languages.count("en") >= 5, languages
    assert set(languages) <= {"en", "nn"}


def test_untranslated_paragraphs_in_nynorsk_fall_back_to_english_and_are_marked(trilingual):
    page = trilingual.site_dir / "nn" / "modules" / MODULE / "index.html"
    tree = lxml_html.parse(str(page)).getroot()
    marked = tree.xpath("//*[contains(concat(' ', @class, ' '), ' untranslated ')]")
    assert marked, "the untranslated module must show marked English text"
    assert all(node.get("lang") == "en" for node in marked)
