"""Fills each language's downloads page with what the build made: every module's guide,
handouts and pack with size and SHA-256, or what is missing for a pack; the handbook and
the glossary exports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

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


def human_size(size: int, language: str) -> str:
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024, 1), locale=language)} kB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), locale=language)} MB"


def listed(downloads: Path, path: Path, label: str, language: str) -> Listed:
    data = (downloads / path).read_bytes()
    return Listed(label, f"../downloads/{path.as_posix()}", human_size(len(data), language),
                  hashlib.sha256(data).hexdigest())


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
                    documents: list[Download], gettext) -> Listed:
    shown = listed(downloads, document.path, label, document.language)
    note = untranslated_note(document, gettext)
    if note is None:
        return shown
    return Listed(shown.label, shown.href, shown.size, shown.sha256, note,
                  tuple(elsewhere(project, document, documents)))


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
    gettext = ui_translations(project, language).gettext
    entries = []
    for module in modules:
        mine = [d for d in documents if d.module == module and d.language == language]
        guide = next(d for d in mine if d.kind == "guide")
        files = [listed_document(project, downloads, guide, gettext("Facilitator guide"),
                                 documents, gettext)]
        files += [listed_document(project, downloads, d,
                                  gettext("Participant handout") + ": " + d.title, documents,
                                  gettext) for d in mine if d.kind == "handout"]
        pack = next((p for p in packs if p.module == module and p.language == language), None)
        missing = None
        if pack:
            files.append(listed(downloads, pack.path, gettext("Training pack (zip)"), language))
        else:
            missing = missing_pack(project, module, language,
                                   progress.get((module.id, language), Counts()), packs, gettext)
        entries.append({"id": module.id, "title": guide.title, "version": module.version,
                        "status": status_label(module.status_in(language), gettext), "files": files,
                        "missing": missing})
    handbook = next(d for d in documents if d.kind == "handbook" and d.language == language)
    library = [listed(downloads, handbook.path, gettext("Handbook: the whole library"),
                      language)]
    labels = {
        "glossary.tbx": gettext("Glossary, TBX-Basic (ISO 30042:2019)"),
        "glossary-martif.tbx": gettext("Glossary, TBX for OmegaT, Translate Toolkit and "
                                       "Weblate"),
        "glossary.csv": gettext("Glossary, CSV for spreadsheets"),
    }
    for name in GLOSSARY_FILES:
        library.append(listed(downloads, Path("glossary") / name, labels[name], language))
    return render(TEMPLATES, "downloads.html", gettext, modules=entries, library=library)


def fill_downloads_page(page: Path, html: str) -> None:
    """Puts the listing where the page's placeholder is (in the build's staging copy)."""
    if not page.is_file():
        return  # a library without a downloads page
    text = page.read_text(encoding="utf-8")
    if PLACEHOLDER in text:
        write_file(page, text.replace(PLACEHOLDER, html).encode("utf-8"))
