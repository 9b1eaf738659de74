"""The termbase for other tools: TBX-Basic (TBX v3), legacy MARTIF TBX, CSV, and one
glossary catalogue per language that Weblate imports as a glossary component."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from lxml import etree

from rjguide.library.catalogs import serialise
from rjguide.library.dates import source_date
from rjguide.library.project import Project
from rjguide.library.termbase import LanguageEntry, Term, Termbase
from rjguide.publish import write_file

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ADMINISTRATIVE_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",  # TBX-Basic has no "forbidden": deprecated + note
}
# TBX-Basic's closed value lists (TBX-Basic DCA rules).
PART_OF_SPEECH = {"properNoun": "noun"}
GENDER = {"common": "other"}
DESCRIPTION = "Controlled terminology of the restorative process guidance library."
CSV_COLUMNS = ("concept", "subject", "language", "language_status", "term", "status",
               "part_of_speech", "gender", "forms", "reason", "definition", "note", "source")


def _sub(parent: etree._Element, tag: str, text: str | None = None, namespace: str = "",
         **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}" if namespace else tag)
    for key, value in attributes.items():
        element.set(XML_LANG if key == "lang" else key, value)
    if text is not None:
        element.text = text
    return element


def _term_notes(term: Term) -> list[str]:
    notes = []
    if term.status == "forbidden":
        notes.append("Forbidden term.")
    if term.reason:
        notes.append(term.reason)
    if term.forms:
        notes.append("Forms: " + ", ".join(term.forms))
    return notes


def _language_notes(entry: LanguageEntry) -> list[str]:
    notes = [entry.note] if entry.note else []
    if entry.status == "proposed":
        notes.append("Proposed: not yet approved by the working group.")
    return notes


def tbx_basic(termbase: Termbase, languages: tuple[str, ...]) -> bytes:
    """TBX-Basic, DCA style, ISO 30042:2019."""
    ns = TBX_NAMESPACE
    root = etree.Element(f"{{{ns}}}tbx", nsmap={None: ns}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, languages[0])
    header = _sub(root, "tbxHeader", namespace=ns)
    description = _sub(_sub(header, "fileDesc", namespace=ns), "sourceDesc", namespace=ns)
    _sub(description, "p", DESCRIPTION, namespace=ns)
    body = _sub(_sub(root, "text", namespace=ns), "body", namespace=ns)
    for concept in termbase:
        entry = _sub(body, "conceptEntry", namespace=ns, id=f"c-{concept.id}")
        _sub(entry, "descrip", concept.subject, namespace=ns, type="subjectField")
        for language in languages:
            language_entry = concept.entry(language)
            section = _sub(entry, "langSec", namespace=ns, lang=language)
            group = _sub(section, "descripGrp", namespace=ns)
            _sub(group, "descrip", language_entry.definition, namespace=ns, type="definition")
            _sub(group, "admin", language_entry.source, namespace=ns, type="source")
            for note in _language_notes(language_entry):
                _sub(section, "note", note, namespace=ns)
            for term in language_entry.terms:
                term_section = _sub(section, "termSec", namespace=ns)
                _sub(term_section, "term", term.text, namespace=ns)
                _sub(term_section, "termNote", PART_OF_SPEECH.get(term.pos, term.pos),
                     namespace=ns, type="partOfSpeech")
                _sub(term_section, "termNote", ADMINISTRATIVE_STATUS[term.status],
                     namespace=ns, type="administrativeStatus")
                if term.gender:
                    _sub(term_section, "termNote", GENDER.get(term.gender, term.gender),
                         namespace=ns, type="grammaticalGender")
                for note in _term_notes(term):
                    _sub(term_section, "note", note, namespace=ns)
    return _xml(root)


def tbx_martif(termbase: Termbase, languages: tuple[str, ...]) -> bytes:
    """Legacy TBX (ISO 30042:2008, root `martif`), which OmegaT, Translate Toolkit and
    Weblate read."""
    root = etree.Element("martif", type="TBX")
    root.set(XML_LANG, languages[0])
    header = _sub(root, "martifHeader")
    _sub(_sub(_sub(header, "fileDesc"), "sourceDesc"), "p", DESCRIPTION)
    body = _sub(_sub(root, "text"), "body")
    for concept in termbase:
        entry = _sub(body, "termEntry", id=concept.id)
        _sub(entry, "descrip", concept.subject, type="subjectField")
        for language in languages:
            language_entry = concept.entry(language)
            section = _sub(entry, "langSet", lang=language)
            _sub(section, "descrip", language_entry.definition, type="definition")
            for note in _language_notes(language_entry):
                _sub(section, "note", note)
            for term in language_entry.terms:
                group = _sub(section, "tig")
                _sub(group, "term", term.text)
                _sub(group, "termNote", PART_OF_SPEECH.get(term.pos, term.pos),
                     type="partOfSpeech")
                _sub(group, "termNote", ADMINISTRATIVE_STATUS[term.status],
                     type="administrativeStatus")
                if term.gender:
                    _sub(group, "termNote", term.gender, type="grammaticalGender")
                for note in _term_notes(term):
                    _sub(group, "note", note)
    return _xml(root)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def glossary_csv(termbase: Termbase, languages: tuple[str, ...]) -> bytes:
    """For spreadsheets as Norwegian offices have them: a Norwegian Excel splits columns at
    ';' (the list separator of its locale) and reads UTF-8 only with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for concept in termbase:
        for language in languages:
            entry = concept.entry(language)
            for term in entry.terms:
                writer.writerow([concept.id, concept.subject, language, entry.status, term.text,
                                 term.status, term.pos, term.gender or "",
                                 "; ".join(term.forms), term.reason or "", entry.definition,
                                 entry.note or "", entry.source])
    return buffer.getvalue().encode("utf-8-sig")


def glossary_po(termbase: Termbase, source_language: str, language: str,
                date: dt.datetime) -> bytes:
    """A Weblate glossary: the source term to the preferred target term, with the
    definition as a note; avoided target terms as entries flagged `forbidden`."""
    catalog = Catalog(locale=language, project="Restorative process guidance library glossary",
                      fuzzy=False)
    for concept in termbase:
        source = concept.entry(source_language).preferred.text
        target = concept.entry(language)
        comments = [target.definition]
        if target.status == "proposed":
            comments.append("Proposed term, not yet approved.")
        catalog.add(source, target.preferred.text, context=concept.id,
                    auto_comments=comments, flags=("terminology",))
        for term in target.terms:
            if term.status == "admitted":
                catalog.add(source, term.text, context=f"{concept.id}:{term.text}",
                            auto_comments=["Admitted variant."], flags=("terminology",))
            elif not term.approved:
                catalog.add(source, term.text, context=f"{concept.id}:{term.text}",
                            auto_comments=[f"{term.status.capitalize()}: {term.reason}"],
                            flags=("terminology", "forbidden"))
    catalog.creation_date = catalog.revision_date = date
    return serialise(catalog)


def export_glossary(project: Project, termbase: Termbase, folder: Path) -> list[Path]:
    """Writes every export into `folder`; returns the files written or changed."""
    languages = project.languages
    outputs = {
        "glossary.tbx": tbx_basic(termbase, languages),
        "glossary-martif.tbx": tbx_martif(termbase, languages),
        "glossary.csv": glossary_csv(termbase, languages),
    }
    for language in project.target_languages:
        outputs[f"glossary-{language}.po"] = glossary_po(
            termbase, project.source_language, language, source_date(project.root))
    return [folder / name for name, data in outputs.items() if write_file(folder / name, data)]

