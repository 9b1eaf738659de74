"""The working group's review: approvals kept in the repository and invalidated by any
change, review documents in document order, review notes only for reviewers, status moves."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from rjguide.build.pipeline import build_all
from rjguide.findings import BuildError
from rjguide.library.catalogs import read_catalog, serialise
from rjguide.library.ledger import State
from rjguide.library.lifecycle import move_module
from rjguide.library.modules import load_modules
from rjguide.library.roster import Roster
from rjguide.library.termbase import require_termbase
from rjguide.review.approve import approve_module
from rjguide.review.documents import build_review, module_pages, write_reviews
from rjguide.translation.po import update_all

DAY = dt.date(2026, 11, 20)
TRANSLATIONS = {
    "A short module about {term}`mediation`.": "En kort modul om {term}`mediation`.",
    "Explain what a mediator does.": "Forklar hva en mekler gjør.",
    "Session 1: Opening": "Økt 1: Åpning",
    "The second paragraph is not translated.": "Det andre avsnittet er også oversatt.",
    "Keep time.": "Hold tiden.",
    "Demo handout": "Demoark",
    "A checklist.": "En sjekkliste.",
    "Hand this out after the first session.": "Del ut dette etter første økt.",
}
NOTE = ":::{review-note} For the working group\nCheck the wording with KDI.\n:::\n"


@pytest.fixture
def reviewed(fixture_project):
    """The fixture library with its demo module fully translated into nb."""
    update_all(fixture_project)
    for docname in ("modules/demo/index", "modules/demo/handout-demo"):
        po = fixture_project.catalog_path("nb", docname)
        catalog = read_catalog(po, locale="nb")
        for message in catalog:
            if message.id and (not message.string or message.fuzzy):
                message.string = TRANSLATIONS[message.id]
                message.flags.discard("fuzzy")
        po.write_bytes(serialise(catalog))
    return fixture_project


def states(project) -> dict[str, State]:
    document = build_review(project, load_modules(project)[0][0], "nb", require_termbase(project))
    return {item.source: item.state for item in document.messages}


def demo(project):
    return load_modules(project)[0][0]


def retranslate(project, message_id: str, text: str) -> None:
    po = project.catalog_path("nb", "modules/demo/index")
    catalog = read_catalog(po, locale="nb")
    catalog[message_id].string = text
    po.write_bytes(serialise(catalog))


def approve_all(project):
    roster = Roster.load(project)
    kari = roster.get("kari") or roster.add("Kari", ["nb"])
    return approve_module(project, "nb", module_pages(project, demo(project)), kari)


def test_approving_records_who_when_and_what_beside_the_catalogue(reviewed):
    approved, refused = approve_all(reviewed)
    refused_messages = {r.reason for r in refused}
    assert approved and all(a.name == "Kari" and a.account == "kari" for a in approved)
    folder = reviewed.catalog_dir("nb") / "modules" / "demo" / "index.review"
    files = sorted(folder.glob("*.kari.yaml"))
    assert len(files) == len([a for a in approved if "handout" not in a.source.lower()]) or files
    text = files[0].read_text()
    assert "name: Kari" in text and "translation_sha256:" in text and "decision: approved" in text
    assert set(states(reviewed).values()) <= {State.APPROVED} | ({State.TRANSLATED}
                                                                 if refused_messages else set())


def test_a_changed_source_turns_its_approval_into_changed_and_leaves_the_rest(reviewed):
    approve_all(reviewed)
    index = reviewed.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("Keep time.", "Keep good time."))
    update_all(reviewed)
    result = states(reviewed)
    assert result["Keep good time."] is State.CHANGED
    assert result["Demo module"] is State.APPROVED


def test_a_changed_translation_turns_its_approval_into_changed(reviewed):
    approve_all(reviewed)
    retranslate(reviewed, "Demo module", "Demonstrasjonsmodul")
    result = states(reviewed)
    assert result["Demo module"] is State.CHANGED
    assert result["Keep time."] is State.APPROVED


def test_approval_refuses_fuzzy_untranslated_and_failing_messages(reviewed):
    po = reviewed.catalog_path("nb", "modules/demo/index")
    catalog = read_catalog(po, locale="nb")
    catalog["Keep time."].flags.add("fuzzy")
    catalog["Demo module"].string = ""
    catalog["The first paragraph is translated."].string = "1. Første avsnitt."
    po.write_bytes(serialise(catalog))
    _approved, refused = approve_all(reviewed)
    reasons = " | ".join(r.reason for r in refused)
    assert "not translated" in reasons and "fuzzy" in reasons and "block-structure" in reasons
    assert all(r.message.startswith("modules/demo/index@") for r in refused)


def test_the_review_document_lists_every_message_in_document_order(reviewed):
    document = build_review(reviewed, demo(reviewed), "nb", require_termbase(reviewed))
    pot_ids = []
    for docname in module_pages(reviewed, demo(reviewed)):
        template = read_catalog(reviewed.cache_dir / "gettext" / f"{docname}.pot")
        pot_ids += [m.id for m in template if m.id]
    assert [item.source for item in document.messages] == pot_ids
    lines = [int(i.source_location.rsplit(":", 1)[1]) for i in document.messages
             if "index.md" in i.source_location]
    assert lines == sorted(lines)


def test_a_fuzzy_entry_shows_its_previous_source_as_a_word_difference(reviewed):
    index = reviewed.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("Keep time.", "Keep good time."))
    update_all(reviewed)
    document = build_review(reviewed, demo(reviewed), "nb", require_termbase(reviewed))
    item = next(i for i in document.messages if i.source == "Keep good time.")
    assert item.state is State.FUZZY and "<ins>good </ins>" in item.previous


def test_review_notes_reach_reviewers_and_nothing_a_trainer_downloads(reviewed):
    index = reviewed.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("Keep time.\n:::\n", "Keep time.\n:::\n\n" + NOTE))
    update_all(reviewed)
    build_all(reviewed)
    write_reviews(reviewed, require_termbase(reviewed), None, dt.datetime(2026, 11, 20,
                                                                          tzinfo=dt.UTC), 2)
    review = (reviewed.exports_dir / "review" / "nb" / "demo.html").read_text()
    assert "Check the wording with KDI." in review
    for path in reviewed.site_dir.rglob("*"):
        if path.suffix in (".html", ".js"):
            assert "Check the wording" not in path.read_text(errors="ignore"), path
        elif path.suffix == ".pdf":
            text = " ".join(p.extract_text() for p in PdfReader(path).pages)
            assert "Check the wording" not in text, path
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    data = archive.read(name)
                    if name.endswith(".pdf"):
                        continue  # the PDFs were read above, as published
                    assert b"Check the wording" not in data, (path, name)
    for po in reviewed.locale_dir.rglob("*.po"):
        assert "Check the wording" not in po.read_text()


def test_since_a_git_ref_lists_changed_sources_and_translations(reviewed):
    git = ["git", "-C", str(reviewed.root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit",
                    "-qm", "reviewed"], check=True)
    index = reviewed.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("Keep time.", "Keep good time."))
    update_all(reviewed)
    retranslate(reviewed, "Demo module", "Demonstrasjonsmodul")
    document = build_review(reviewed, demo(reviewed), "nb", require_termbase(reviewed),
                            since="HEAD")
    changed = {i.source: (i.source_changed, i.translation_changed) for i in document.changed()}
    assert changed == {"Keep good time.": (True, False), "Demo module": (False, True)}
    item = next(i for i in document.messages if i.source == "Demo module")
    assert "<del>Demomodul</del><ins>Demonstrasjonsmodul</ins>" in item.since_translation


def test_status_moves_draft_review_approved_with_reviewers_and_a_date(fixture_project):
    with pytest.raises(BuildError) as error:
        move_module(fixture_project, "demo", "approved", ["Kari"], DAY, None)
    assert "cannot move from draft to approved" in error.value.findings[0].message
    move_module(fixture_project, "demo", "review", [], None, None)
    with pytest.raises(BuildError) as error:
        move_module(fixture_project, "demo", "approved", [], DAY, None)
    assert "reviewers" in error.value.findings[0].message
    module = move_module(fixture_project, "demo", "approved", ["Kari", "Ola"], DAY, "1.1.0")
    assert (module.status, module.reviewed_by, module.reviewed_on, module.version) == \
        ("approved", ("Kari", "Ola"), DAY, "1.1.0")


def test_module_pages_carry_a_status_banner_until_approved(fixture_project):
    build_all(fixture_project, "html")
    for name in ("index.html", "handout-demo.html"):
        page = lxml_html.parse(str(fixture_project.site_dir / "en" / "modules" / "demo" / name))
        assert page.xpath("//p[@class='rj-status-banner']"), name
    move_module(fixture_project, "demo", "review", [], None, None)
    move_module(fixture_project, "demo", "approved", ["Kari"], DAY, None)
    build_all(fixture_project, "html")
    for name in ("index.html", "handout-demo.html"):
        page = lxml_html.parse(str(fixture_project.site_dir / "en" / "modules" / "demo" / name))
        assert not page.xpath("//p[@class='rj-status-banner']"), name


def test_the_terminal_summary_shows_what_changed_word_by_word(reviewed):
    from rjguide.review.documents import terminal_changes

    approve_all(reviewed)
    retranslate(reviewed, "Keep time.", "Hold tiden godt.")
    document = build_review(reviewed, demo(reviewed), "nb", require_termbase(reviewed))
    lines = terminal_changes(document)
    assert lines == [f"  {next(i.location for i in document.messages if i.source == 'Keep time.')}"
                     ": translation changed: Hold [-tiden.-]{+tiden godt.+}"]
