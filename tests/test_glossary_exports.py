"""The glossary's exports: TBX-Basic valid against LTAC's schema and dialect rules, legacy
TBX that Translate Toolkit reads back whole, CSV and Weblate glossary catalogues."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from lxml import etree

from rjguide.downloads.glossary_exports import export_glossary
from rjguide.library.project import Project
from rjguide.library.termbase import require_termbase

from conftest import ROOT, need

REFERENCE = ROOT.parent / "shared" / "reference" / "tbx"
TBX = "{urn:iso:std:iso:30042:ed-2}"
# TBX-Basic DCA rules (TBX-Basic_DCA.sch, whose XSLT 2 binding lxml cannot run).
ALLOWED_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage",
                 "grammaticalGender", "termLocation", "termType"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
    "ref": {"crossReference"},
}
ALLOWED_VALUES = {
    "administrativeStatus": {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                             "supersededTerm-admn-sts", "preferredTerm-admn-sts"},
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> tuple[Project, Path]:
    project = Project.load(ROOT)
    folder = tmp_path_factory.mktemp("glossary")
    export_glossary(project, require_termbase(project), folder)
    return project, folder


def dca_violations(document: etree._ElementTree) -> list[str]:
    root = document.getroot()
    problems = []
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        problems.append("root must declare type TBX-Basic and style dca")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if not element.tag.startswith(TBX):
            problems.append(f"{element.tag}: not in the TBX namespace")
            continue
        name = element.tag.removeprefix(TBX)
        kind = element.get("type")
        parent = element.getparent().tag.removeprefix(TBX) if element.getparent() is not None \
            else None
        if name in ALLOWED_TYPES and kind not in ALLOWED_TYPES[name]:
            problems.append(f"{name} type '{kind}' is not a TBX-Basic data category")
        if name == "termNote" and parent not in ("termSec", "termNoteGrp"):
            problems.append("termNote outside termSec")
        if name == "termNote" and kind in ALLOWED_VALUES and \
                element.text not in ALLOWED_VALUES[kind]:
            problems.append(f"{kind} value '{element.text}' is not allowed")
        if name == "descrip" and kind == "subjectField" and parent != "conceptEntry":
            problems.append("subjectField outside conceptEntry")
        if name == "descrip" and kind == "definition":
            level = element.getparent().getparent().tag.removeprefix(TBX) \
                if parent == "descripGrp" else parent
            if level not in ("conceptEntry", "langSec"):
                problems.append(f"definition at level {level}")
    return problems


def test_tbx_is_valid_against_the_tbx_core_schema(exports):
    need(REFERENCE.is_dir(), f"the TBX schemas are not here ({REFERENCE})")
    _project, folder = exports
    schema = etree.RelaxNG(etree.parse(str(REFERENCE / "TBXcoreStructV03.rng")))
    document = etree.parse(str(folder / "glossary.tbx"))
    assert schema.validate(document), schema.error_log


def test_the_dialect_rules_accept_ltac_s_own_example_and_ours(exports):
    need(REFERENCE.is_dir(), f"the TBX schemas are not here ({REFERENCE})")
    _project, folder = exports
    assert dca_violations(etree.parse(str(REFERENCE / "Example_Astronomy_DCA_VALID.tbx"))) == []
    assert dca_violations(etree.parse(str(folder / "glossary.tbx"))) == []


def test_the_dialect_rules_reject_a_planted_fault(exports):
    _project, folder = exports
    document = etree.parse(str(folder / "glossary.tbx"))
    note = document.getroot().find(f".//{TBX}termNote[@type='administrativeStatus']")
    note.text = "forbidden"
    assert any("administrativeStatus value 'forbidden'" in p for p in dca_violations(document))


def test_tbx_maps_term_status_to_administrative_status(exports):
    _project, folder = exports
    document = etree.parse(str(folder / "glossary.tbx"))
    entry = document.getroot().find(f".//{TBX}conceptEntry[@id='c-mediation']")
    statuses = {}
    for section in entry.iter(f"{TBX}termSec"):
        term = section.find(f"{TBX}term").text
        statuses[term] = section.find(f"{TBX}termNote[@type='administrativeStatus']").text
    assert statuses["mekling"] == "preferredTerm-admn-sts"
    assert statuses["megling"] == "deprecatedTerm-admn-sts"
    assert document.getroot().nsmap[None] == "urn:iso:std:iso:30042:ed-2"


def test_translate_toolkit_reads_every_concept_and_term_back(exports):
    from translate.storage import tbx

    project, folder = exports
    termbase = require_termbase(project)
    store = tbx.tbxfile.parsefile(str(folder / "glossary-martif.tbx"))
    units = {unit.getid(): unit for unit in store.units}
    assert set(units) == {concept.id for concept in termbase}
    for concept in termbase:
        unit = units[concept.id]
        assert [t.text for t in unit.get_source_terms()] == \
            [t.text for t in concept.entry("en").terms]
        for language in project.target_languages:
            assert [t.text for t in unit.get_target_terms(language)] == \
                [t.text for t in concept.entry(language).terms]


def test_csv_has_a_header_and_a_row_per_term_and_language(exports):
    project, folder = exports
    termbase = require_termbase(project)
    data = (folder / "glossary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")   # the BOM by which Excel knows it is UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    expected = sum(len(c.entry(lang).terms) for c in termbase for lang in project.languages)
    assert len(rows) == expected
    assert {"concept", "language", "term", "status", "definition"} <= set(rows[0])
    assert any(r["term"] == "kriminalomsorga" and r["language"] == "nn" for r in rows)


def test_the_weblate_glossary_has_each_concept_and_flags_forbidden_terms(exports):
    project, folder = exports
    termbase = require_termbase(project)
    with (folder / "glossary-nb.po").open("rb") as handle:
        catalog = read_po(handle)
    preferred = {m.context: m.string for m in catalog if m.id and ":" not in (m.context or "")}
    assert preferred == {c.id: c.entry("nb").preferred.text for c in termbase}
    forbidden = [m for m in catalog if m.id and "forbidden" in m.flags]
    assert any(m.string == "megling" for m in forbidden)


def test_exports_are_the_same_bytes_every_time(exports, tmp_path):
    project, folder = exports
    export_glossary(project, require_termbase(project), tmp_path)
    for path in folder.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
