"""Fills each language's downloads page with what the build made: every module's guide,
handouts and pack with size and SHA-256, or what is missing for a pack; the handbook and
the glossary exports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from rjguide.downloads.packs import TrainingPack
from rjguide.library.catalogs import Counts
from rjguide.library.labels import status_label
from rjguide.library.modules import Module
from rjguide.library.project import Project
from rjguide.print.plan import Download
from rjguide.publish import write_file
from rjguide.site.sphinxext.downloads import PLACEHOLDER
from rjguide.templating import render, templates_of
from rjguide.translation.ui import ui_translations

TEMPLATES = templates_of(__file__)

GLOSSARY_FILES = ("glossary.tbx", "glossary-martif.tbx", "glossary.csv")


@dataclass(frozen=True)
class Listed:
    label: str
    href: str
    size: str
    sha256: str


def human_size(size: int, language: str) -> str:
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024, 1), locale=language)} kB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), locale=language)} MB"


def listed(downloads: Path, path: Path, label: str, language: str) -> Listed:
    data = (downloads / path).read_bytes()
    return Listed(label, f"../downloads/{path.as_posix()}", human_size(len(data), language),
                  hashlib.sha256(data).hexdigest())


def fragment(project: Project, language: str, modules: list[Module], documents: list[Download],
             packs: list[TrainingPack], progress: dict[tuple[str, str], Counts],
             downloads: Path) -> str:
    gettext = ui_translations(project, language).gettext
    entries = []
    for module in modules:
        mine = [d for d in documents if d.module == module and d.language == language]
        guide = next(d for d in mine if d.kind == "guide")
        files = [listed(downloads, guide.path, gettext("Facilitator guide"), language)]
        files += [listed(downloads, d.path, gettext("Participant handout") + ": " + d.title,
                         language) for d in mine if d.kind == "handout"]
        pack = next((p for p in packs if p.module == module and p.language == language), None)
        missing = None
        if pack:
            files.append(listed(downloads, pack.path, gettext("Training pack (zip)"), language))
        else:
            counts = progress.get((module.id, language), Counts())
            missing = gettext("No training pack yet: the module is %(percent)s translated into "
                              "this language, %(left)s messages are still untranslated or "
                              "fuzzy.") % {"percent": format_percent(counts.share,
                                                                     locale=language),
                                           "left": counts.total - counts.translated}
        entries.append({"id": module.id, "title": guide.title, "version": module.version,
                        "status": status_label(module.status, gettext), "files": files,
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
