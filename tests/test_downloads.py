"""Trainers' downloads: tagged PDFs in every language, packs with honest manifests, a
downloads page whose every link works, and the same bytes from the same commit."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from rjguide.library.modules import handout_docnames, load_modules
from rjguide.print.fonts import POSTSCRIPT_PREFIXES
from rjguide.translation.stats import progress

from conftest import need

pytestmark = pytest.mark.xdist_group("library")


def downloads(library) -> Path:
    return library.site_dir / "downloads"


def all_pdfs(library) -> list[Path]:
    return sorted(downloads(library).rglob("*.pdf"))


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)
    walk(reader.outline)
    return titles


def test_every_module_has_its_guide_and_handouts_in_every_language_and_a_handbook(library):
    modules, _ = load_modules(library)
    for language in library.languages:
        assert (downloads(library) / language / "handbook.pdf").is_file()
        for module in modules:
            assert (downloads(library) / language / f"{module.id}.pdf").is_file()
            for docname in handout_docnames(library, module):
                name = docname.rsplit("/", 1)[-1]
                assert (downloads(library) / language / module.id / f"{name}.pdf").is_file()


def test_packs_exist_exactly_where_the_module_is_fully_translated(library):
    modules, _ = load_modules(library)
    complete = {(row.module, row.language): row.counts.translated == row.counts.total
                for row in progress(library)}
    for module in modules:
        for language in library.languages:
            pack = downloads(library) / language / "packs" / \
                f"{module.id}-{module.version}-{language}.zip"
            expected = language == "en" or complete[(module.id, language)]
            assert pack.is_file() == expected, pack


def test_a_norwegian_pdf_has_norwegian_letters_labels_and_metadata(library):
    reader = PdfReader(downloads(library) / "nb" / "values-and-principles.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    for word in ("æ", "ø", "å", "kursveiledning", "side 2 av", "utkast", "innhold"):
        assert word in text.casefold(), word
    assert reader.metadata.title.startswith("Gjenopprettende prosess")
    assert reader.metadata.author and reader.metadata.creation_date


def test_every_pdf_is_tagged_pdf_ua_with_its_language(library):
    for pdf in all_pdfs(library):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"], pdf
        assert "/StructTreeRoot" in root, pdf
        assert root["/Lang"] == pdf.relative_to(downloads(library)).parts[0], pdf
        xmp = root["/Metadata"].get_object().get_data()
        assert re.search(rb"pdfuaid:part(>|=\")1", xmp), pdf


def test_every_font_is_embedded_and_one_the_project_declares(library):
    need(shutil.which("pdffonts") is not None, "pdffonts is not installed (poppler-utils)")
    for pdf in [downloads(library) / "nb" / "handbook.pdf", downloads(library) / "nn" /
                "handbook.pdf"]:
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines
        for line in lines:
            name = line.split()[0].split("+", 1)[-1].replace("-", "")
            assert name.startswith(POSTSCRIPT_PREFIXES), line
            assert " yes yes yes " in f" {' '.join(line.split()[-5:-2])} ", line


def test_the_outline_follows_the_headings(library):
    page = library.site_dir / "nb" / "modules" / "values-and-principles" / "index.html"
    tree = lxml_html.parse(str(page)).getroot()
    headings = [" ".join(h.xpath("string(.)").replace("#", "").split())
                for h in tree.xpath("//div[@class='rj-content']//*[self::h1 or self::h2]")]
    titles = outline_titles(PdfReader(downloads(library) / "nb" / "values-and-principles.pdf"))
    assert titles[:len(headings)] == headings


def test_the_pdfua_checker_finds_no_errors(library):
    checker = Path(shutil.which("pdfua") or Path(__file__).parent.parent / ".venv/bin/pdfua")
    result = subprocess.run([str(checker), "check", *map(str, all_pdfs(library))],
                            capture_output=True, text=True)
    # Exit 2 is warnings only: its table-header warning does not see WeasyPrint's
    # /Headers associations, and asks a human to confirm. 3 would be errors, 4 unreadable.
    assert result.returncode in (0, 2), result.stdout[-3000:]
    results = re.findall(r"result: \w+.*?errors=(\d+)", result.stdout)
    assert len(results) == len(all_pdfs(library))
    assert set(results) == {"0"}


VERAPDF = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "verapdf" / \
    "verapdf-check"


def verapdf_ready() -> bool:
    """veraPDF's engine, set up once by .ci/run (it installs from PyPI: never in a test)."""
    cache = Path(os.environ.get("VERAPDF_CACHE", Path.home() / ".cache" / "verapdf-check"))
    return VERAPDF.is_file() and shutil.which("java") is not None and \
        (cache / "classpath").is_file()


def test_verapdf_finds_every_published_pdf_compliant_with_pdf_ua_1(library):
    need(verapdf_ready(), "veraPDF (../shared/tools/verapdf, set up by .ci/run) is not here")
    pdfs = all_pdfs(library)
    result = subprocess.run([str(VERAPDF), "ua1", *map(str, pdfs)], capture_output=True,
                            text=True)
    verdicts = re.findall(r"^(\S+\.pdf) flavour=ua1 compliant=(\w+) failed_rules=(\d+)",
                          result.stdout, re.MULTILINE)
    assert len(verdicts) == len(pdfs), result.stdout[-2000:] + result.stderr[-2000:]
    failing = [line for line in result.stdout.splitlines() if "compliant=false" in line
               or line.startswith("  ")]
    assert failing == [] and result.returncode == 0, "\n".join(failing[:40])


def test_each_manifest_matches_its_pack(library):
    packs = sorted(downloads(library).rglob("*.zip"))
    assert packs
    for pack in packs:
        with zipfile.ZipFile(pack) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            names = sorted(n for n in archive.namelist() if n != "manifest.json")
            assert [f["path"] for f in manifest["files"]] == names
            for entry in manifest["files"]:
                data = archive.read(entry["path"])
                assert entry["size"] == len(data)
                assert entry["sha256"] == hashlib.sha256(data).hexdigest()
            readme = archive.read("README.txt").decode()
        language = pack.relative_to(downloads(library)).parts[0]
        assert manifest["language"] == language and manifest["translation_completeness"] == 1
        assert {"module", "title", "version", "status", "source_commit", "build_date"} <= \
            set(manifest)
        assert "CC BY 4.0" in readme


def test_every_link_on_the_downloads_pages_works(library):
    for language in library.languages:
        page = library.site_dir / language / "downloads.html"
        tree = lxml_html.parse(str(page)).getroot()
        rows = tree.xpath("//table[contains(@class,'rj-download-table')]//tr[td]")
        assert rows
        for row in rows:
            link = row.xpath(".//a")[0]
            target = (page.parent / link.get("href")).resolve()
            assert target.is_file(), f"{page}: {link.get('href')}"
            digest = row.xpath(".//code")[0].text
            assert digest == hashlib.sha256(target.read_bytes()).hexdigest()



def handout_pdfs(library) -> list[Path]:
    return [p for p in all_pdfs(library)
            if p.name.startswith("handout-") or p.name == "glossary.pdf"]


def test_a_handout_starts_with_its_content_under_a_compact_header(library):
    """No cover and no contents page: page 1 names the handout, its module, language,
    version and the draft mark, and goes straight on with the handout's text."""
    handouts = handout_pdfs(library)
    assert len(handouts) >= 2 * 18
    for pdf in handouts:
        reader = PdfReader(pdf)
        first = reader.pages[0].extract_text()
        outline = outline_titles(reader)
        assert outline and outline[0].split()[0] in first, pdf   # its own title on page 1
        assert "Versjon" in first or "Version" in first, pdf
        assert "UTKAST" in first or "DRAFT" in first, pdf
        for contents in ("Innhold", "Innhald", "Contents"):
            assert f"\n{contents}\n" not in f"\n{first}\n", pdf


def test_a_questionnaire_is_a_form_that_can_be_filled_in_and_read_back(library, tmp_path):
    from pypdf import PdfWriter

    pdf = downloads(library) / "nn" / "understanding-radicalisation" / \
        "handout-pre-post-questionnaire.pdf"
    fields = PdfReader(pdf).get_fields()
    table = {name: field for name, field in fields.items() if re.search(r"t\d+-r\d+", name)}
    assert len(table) == 22    # 11 statements, before and after
    assert len(fields) > len(table)   # and a place to write each open question
    names = {field.get("/TU") for field in table.values()}
    assert any(name.startswith("Før: 1 ") for name in names), sorted(names)[:3]
    writer = PdfWriter(clone_from=pdf)
    wanted = {name: str(1 + number % 5) for number, name in enumerate(sorted(fields))}
    for page in writer.pages:
        writer.update_page_form_field_values(page, wanted, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    again = PdfReader(filled).get_fields()
    assert {name: field.get("/V") for name, field in again.items()} == wanted


def test_a_checklist_has_a_tick_box_and_an_evaluation_a_place_to_write_per_question(library):
    folder = downloads(library) / "nb" / "values-and-principles"
    boxes = PdfReader(folder / "handout-principles-checklist.pdf").get_fields()
    assert len(boxes) >= 20 and {f.get("/FT") for f in boxes.values()} == {"/Btn"}
    assert all(f.get("/TU", "").endswith("?") for f in boxes.values())
    answers = PdfReader(folder / "handout-evaluation.pdf").get_fields()
    kinds = sorted((f.get("/FT"), bool(int(f.get("/Ff", 0)) & 4096)) for f in answers.values())
    assert kinds.count(("/Tx", True)) == 2        # two open questions, multi-line fields
    assert kinds.count(("/Tx", False)) == 6       # six statements rated in the table


def test_the_advice_to_the_mediator_is_left_out_of_the_parties_copy(library):
    """The agreement template's guidance notes are for the mediator: in the facilitator
    guide, not in the handout the parties receive."""
    def text(pdf: Path) -> str:
        return " ".join(" ".join(page_texts(pdf)).split())

    folder = downloads(library) / "nb"
    advice = "Denne delen er valgfri"
    assert advice in text(folder / "agreements-and-follow-up.pdf")
    handout = folder / "agreements-and-follow-up" / "handout-agreement-template.pdf"
    assert advice not in text(handout)
    signed = {f.get("/TU") for f in PdfReader(handout).get_fields().values()}
    assert {"Underskrift: 1", "Dato: 1", "Navn: 4"} <= signed   # where the parties sign


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_every_facilitator_guide_carries_the_safety_frame_its_first_session_opens_with(
        library):
    modules = load_modules(library)[0]
    for language, title in (("en", "Ground rules, confidentiality and consent"),
                            ("nb", "Spilleregler, fortrolighet og samtykke")):
        for module in modules:
            assert title in outline_titles(PdfReader(downloads(library) / language /
                                                     f"{module.id}.pdf")), module.id
