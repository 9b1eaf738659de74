"""Fills each language's downloads page with what the build made: every module's guide,
handouts, glossary excerpt and pack with kind, page count, size and SHA-256, or what is
missing for a pack; the handbook and the glossary exports."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from gettext import NullTranslations
from pathlib import Path

from babel.numbers import format_decimal
from pypdf import PdfReader

from rjguide.downloads.packs import TrainingPack
from rjguide.library.catalogs import Counts
from rjguide.library.labels import language_name, language_name_in_text, status_label
from rjguide.library.modules import Module
from rjguide.library.project import Project
from rjguide.print.plan import Download
from rjguide.publish import write_file
from rjguide.site.sphinxext.downloads import PLACEHOLDER
from rjguide.templating import render, templates_of
from rjguide.translation.stats import percent_text
from rjguide.translation.ui import ui_translations

TEMPLATES = templates_of(__file__)

GLOSSARY_FILES = ("glossary.tbx", "glossary-martif.tbx", "glossary.csv")


@dataclass(frozen=True)
class Elsewhere:
    """The same file in another language."""

    language: str
    name: str
    href: str


@dataclass(frozen=True)
class Listed:
    label: str
    href: str
    size: str
    sha256: str
    note: str | None = None                  # said when the text is not in the page's language
    elsewhere: tuple[Elsewhere, ...] = ()    # the same file where it is fully translated
    kind: str = ""                           # «PDF, 12 sider», «ZIP»


def human_size(size: int, language: str) -> str:
    """kB of 1,000 bytes and MB of 1,000,000, as the SI prefixes mean, written as the
    language writes decimals («245,3 kB»)."""
    if size < 1_000_000:
        return f"{format_decimal(round(size / 1000, 1), locale=language)} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=language)} MB"


KINDS = {".pdf": "PDF", ".zip": "ZIP", ".tbx": "TBX", ".csv": "CSV"}


def kind_of(path: Path, data: bytes, gettext, ngettext) -> str:
    """What the file is, and how long for a PDF: «PDF, 12 sider»."""
    kind = KINDS.get(path.suffix, path.suffix.lstrip(".").upper())
    if path.suffix != ".pdf":
        return kind
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return gettext("%(kind)s, %(pages)s") % {
        "kind": kind, "pages": ngettext("%(count)d page", "%(count)d pages", pages) % {
            "count": pages}}


def listed(downloads: Path, path: Path, label: str, language: str,
           translations=None) -> Listed:
    data = (downloads / path).read_bytes()
    translations = translations or NullTranslations()
    return Listed(label, f"../downloads/{path.as_posix()}", human_size(len(data), language),
                  hashlib.sha256(data).hexdigest(),
                  kind=kind_of(path, data, translations.gettext, translations.ngettext))


def untranslated_note(document: Download, gettext) -> str | None:
    if document.translated >= 1.0:
        return None
    if document.translated == 0:
        return gettext("In English: not translated yet")
    return gettext("Partly translated (%(percent)s); the rest is in English") % {
        "percent": percent_text(document.translated, document.language)}


def elsewhere(project: Project, document: Download, documents: list[Download]) -> list[Elsewhere]:
    """The same document in the other languages it is fully translated into."""
    found = [Elsewhere(other.language, language_name(other.language),
                       f"../downloads/{other.path.as_posix()}")
             for other in documents
             if other.language != document.language and other.kind == document.kind
             and other.module == document.module and other.docname == document.docname
             and other.translated >= 1.0]
    return sorted(found, key=lambda e: nearest_first(project, e.language))


def nearest_first(project: Project, language: str) -> tuple[bool, int]:
    """Translations before the source: a Nynorsk reader looks for Bokmål before English."""
    return language == project.source_language, project.languages.index(language)


def listed_document(project: Project, downloads: Path, document: Download, label: str,
                    documents: list[Download], translations) -> Listed:
    shown = listed(downloads, document.path, label, document.language, translations)
    note = untranslated_note(document, translations.gettext)
    if note is None:
        return shown
    return Listed(shown.label, shown.href, shown.size, shown.sha256, note,
                  tuple(elsewhere(project, document, documents)), shown.kind)


def missing_pack(project: Project, module: Module, language: str, counts: Counts,
                 packs: list[TrainingPack], gettext) -> dict:
    """Why a module has no training pack in this language, and where there is one."""
    if counts.translated == 0:
        text = gettext("The module is not translated into %(language)s yet. Use the training "
                       "pack in another language:") % {"language": language_name_in_text(
                           language)}
    else:
        text = gettext("The module is only partly translated into %(language)s "
                       "(%(percent)s), so it has no training pack in it yet. Use the training "
                       "pack in another language:") % {
            "language": language_name_in_text(language),
            "percent": percent_text(counts.share, language)}
    links = sorted((Elsewhere(p.language, language_name(p.language),
                              f"../downloads/{p.path.as_posix()}")
                    for p in packs if p.module == module and p.language != language),
                   key=lambda e: nearest_first(project, e.language))
    return {"text": text, "elsewhere": links}


def fragment(project: Project, language: str, modules: list[Module], documents: list[Download],
             packs: list[TrainingPack], progress: dict[tuple[str, str], Counts],
             downloads: Path) -> str:
    translations = ui_translations(project, language)
    gettext = translations.gettext
    entries = []
    for module in modules:
        mine = [d for d in documents if d.module == module and d.language == language]
        guide = next(d for d in mine if d.kind == "guide")
        files = [listed_document(project, downloads, guide, gettext("Facilitator guide"),
                                 documents, translations)]
        files += [listed_document(project, downloads, d,
                                  gettext("Participant handout") + ": " + d.title, documents,
                                  translations) for d in mine if d.kind == "handout"]
        files += [listed_document(project, downloads, d, gettext("The module's glossary"),
                                  documents, translations)
                  for d in mine if d.kind == "glossary"]
        pack = next((p for p in packs if p.module == module and p.language == language), None)
        missing = None
        if pack:
            files.append(listed(downloads, pack.path, gettext("Training pack (zip)"), language,
                                translations))
        else:
            missing = missing_pack(project, module, language,
                                   progress.get((module.id, language), Counts()), packs, gettext)
        entries.append({"id": module.id, "title": guide.title, "version": module.version,
                        "status": status_label(module.status_in(language), gettext), "files": files,
                        "missing": missing})
    handbook = next(d for d in documents if d.kind == "handbook" and d.language == language)
    library = [listed(downloads, handbook.path, gettext("Handbook: the whole library"),
                      language, translations)]
    labels = {
        "glossary.tbx": gettext("Glossary, TBX-Basic (ISO 30042:2019)"),
        "glossary-martif.tbx": gettext("Glossary, TBX for OmegaT, Translate Toolkit and "
                                       "Weblate"),
        "glossary.csv": gettext("Glossary, CSV for spreadsheets"),
    }
    for name in GLOSSARY_FILES:
        library.append(listed(downloads, Path("glossary") / name, labels[name], language,
                              translations))
    return render(TEMPLATES, "downloads.html", gettext, modules=entries, library=library)


def fill_downloads_page(page: Path, html: str) -> None:
    """Puts the listing where the page's placeholder is (in the build's staging copy)."""
    if not page.is_file():
        return  # a library without a downloads page
    text = page.read_text(encoding="utf-8")
    if PLACEHOLDER in text:
        write_file(page, text.replace(PLACEHOLDER, html).encode("utf-8"))
