"""The PDF and pack build on the small fixture library: the draft mark, hostile sources,
a missing pack explained, and byte-identical output from two copies of one commit."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader

from rjguide.build.pipeline import build_all
from rjguide.findings import BuildError

APPROVED = ("status: draft\naudience: [facilitators]\nduration: 60\nlevel: introductory\n"
            "reviewed_by: []\nreviewed_on:\n")


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_a_module_not_approved_carries_the_draft_mark_on_every_page(fixture_project):
    build_all(fixture_project)
    for pdf in (fixture_project.site_dir / "downloads").rglob("*.pdf"):
        if pdf.name == "handbook.pdf":
            continue
        assert all("DRAFT" in text for text in page_texts(pdf)), pdf


def test_an_approved_module_has_no_draft_mark(fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace(
        APPROVED, APPROVED.replace("status: draft", "status: approved")
        .replace("reviewed_by: []", "reviewed_by: [A Reviewer]")
        .replace("reviewed_on:", "reviewed_on: 2026-11-01")))
    build_all(fixture_project)
    guide = fixture_project.site_dir / "downloads" / "en" / "demo.pdf"
    assert not any("DRAFT" in text for text in page_texts(guide))


def test_the_downloads_page_says_why_a_pack_is_missing(fixture_project):
    build_all(fixture_project)
    assert not (fixture_project.site_dir / "downloads" / "nb" / "packs").exists()
    assert (fixture_project.site_dir / "downloads" / "en" / "packs" / "demo-1.0.0-en.zip"
            ).is_file()
    page = (fixture_project.site_dir / "nb" / "downloads.html").read_text()
    assert "The module is only partly translated into norsk bokmål" in page
    assert "so it has no training pack in it yet" in page
    assert 'href="../downloads/en/packs/demo-1.0.0-en.zip"' in page


class CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize("where", ["server", "/etc/hostname", "../../outside"])
def test_a_source_pointing_outside_the_project_stops_the_build(fixture_project, http_server,
                                                               where):
    site = fixture_project.site_dir
    url = {"server": f"{http_server}/secret.png", "/etc/hostname": "file:///etc/hostname",
           "../../outside": "../" * 20 + "outside.png"}[where]
    handout = fixture_project.modules_dir / "demo" / "handout-demo.md"
    handout.write_text(handout.read_text() + f'\n<img src="{url}" alt="A picture">\n')
    with pytest.raises(BuildError) as error:
        build_all(fixture_project)
    finding = error.value.findings[0]
    assert finding.path == "source/modules/demo/handout-demo.md"
    assert finding.check == "pdf" and "outside the project" in finding.message
    assert CountingHandler.requests == []
    assert not site.exists() or not (site / "downloads").exists()


def test_two_copies_of_one_commit_build_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    small = Path(__file__).parent / "fixtures" / "small"
    outputs = []
    for name in ("one", "two"):
        from rjguide.library.project import Project

        shutil.copytree(small, tmp_path / name)
        project = Project.load(tmp_path / name)
        build_all(project)
        folder = project.site_dir / "downloads"
        outputs.append({p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
                        if p.suffix in (".pdf", ".zip")})
    assert outputs[0] and outputs[0].keys() == outputs[1].keys()
    for name, data in outputs[0].items():
        assert outputs[1][name] == data, f"{name} differs between the two builds"


def test_handouts_leave_out_the_notes_for_the_facilitator(fixture_project):
    build_all(fixture_project)
    folder = fixture_project.site_dir / "downloads" / "en"
    note = "Hand this out after the first session."
    guide = " ".join(page_texts(folder / "demo.pdf")).replace("\n", " ")
    handout = " ".join(page_texts(folder / "demo" / "handout-demo.pdf")).replace("\n", " ")
    assert note in guide and "A checklist." in handout
    assert note not in handout


def test_a_font_that_cannot_be_loaded_is_an_error_naming_its_package(tmp_path):
    from rjguide.print.fonts import FONTS, Font, check_fonts

    missing = Font("Noto Sans", 400, "normal", tmp_path / "NotoSans-Gone.ttf", "fonts-noto-core")
    findings = check_fonts((*FONTS[:1], missing))
    assert [f.check for f in findings] == ["font"]
    assert "fonts-noto-core" in findings[0].message and "NotoSans-Gone" in findings[0].path


def test_an_image_without_alternative_text_stops_the_build(fixture_project):
    images = fixture_project.modules_dir / "demo" / "picture.png"
    images.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    handout = fixture_project.modules_dir / "demo" / "handout-demo.md"
    handout.write_text(handout.read_text() + "\n![](picture.png)\n")
    with pytest.raises(BuildError) as error:
        build_all(fixture_project)
    finding = error.value.findings[0]
    assert finding.path == "source/modules/demo/handout-demo.md"
    assert "alternative text" in finding.message
