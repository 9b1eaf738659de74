"""Training packs: one zip per module and language, made only where the module is fully
translated, with a manifest that lists every file with its size and SHA-256.

The same commit gives the same bytes: entries sorted, timestamps from the source date,
fixed permissions and compression.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rjguide.library.modules import Module
from rjguide.library.project import Project
from rjguide.library.termbase import Concept, Termbase
from rjguide.print.plan import Download
from rjguide.publish import write_file
from rjguide.templating import render, templates_of

TEMPLATES = templates_of(__file__)


@dataclass(frozen=True)
class TrainingPack:
    module: Module
    language: str
    title: str
    path: Path          # relative to the downloads folder
    files: tuple[str, ...]


def pack_path(module: Module, language: str) -> Path:
    return Path(language) / "packs" / f"{module.id}-{module.version}-{language}.zip"


def source_commit(root: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def glossary_excerpt_csv(concepts: list[Concept], source_language: str, language: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    languages = list(dict.fromkeys([language, source_language]))
    writer.writerow(["concept", *(f"term_{code}" for code in languages), "definition",
                     "status"])
    for concept in concepts:
        entry = concept.entry(language)
        writer.writerow([concept.id, *(concept.entry(code).preferred.text for code in languages),
                         entry.definition, entry.status])
    return buffer.getvalue().encode("utf-8")


def deterministic_zip(files: dict[str, bytes], date: dt.datetime) -> bytes:
    stamp = max(date, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def readme(gettext, module: Module, title: str, language: str, names: list[str],
           date: str) -> bytes:
    text = render(TEMPLATES, "pack-readme.txt", gettext,
        module=module, title=title, files=names, date=date, language=language)
    return text.encode("utf-8")


def make_pack(project: Project, module: Module, language: str, title: str,
              documents: list[Download], excerpt_pdf: Path, concepts: list[Concept],
              completeness: float, date: dt.datetime, gettext, date_text: str,
              downloads: Path) -> TrainingPack:
    files: dict[str, bytes] = {}
    for document in documents:
        name = f"{module.id}.pdf" if document.kind == "guide" else \
            f"handouts/{document.path.name}"
        files[name] = (downloads / document.path).read_bytes()
    files["glossary.pdf"] = excerpt_pdf.read_bytes()
    files["glossary.csv"] = glossary_excerpt_csv(concepts, project.source_language, language)
    files["README.txt"] = readme(gettext, module, title, language, sorted(files), date_text)
    manifest = {
        "module": module.id,
        "title": title,
        "language": language,
        "version": module.version,
        "status": module.status_in(language),
        "source_commit": source_commit(project.root),
        "build_date": date.isoformat(),
        "translation_completeness": round(completeness, 4),
        "licence": "CC BY 4.0",
        "files": [{"path": name, "size": len(data), "sha256": sha256(data)}
                  for name, data in sorted(files.items())],
    }
    files["manifest.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    path = pack_path(module, language)
    write_file(downloads / path, deterministic_zip(files, date))
    return TrainingPack(module, language, title, path, tuple(sorted(files)))


def concepts_used(project: Project, module: Module, termbase: Termbase) -> list[Concept]:
    """The glossary concepts a module refers to or names, in the glossary's order."""
    from rjguide.checks.terminology import matcher, plain_text, term_references

    used: set[str] = set()
    for page in sorted(module.path.parent.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        used |= {r.concept for r in term_references(text)}
        used |= {c.id for c, _t, _s in matcher(termbase, project.source_language).find(
            plain_text(text))}
    return [concept for concept in termbase if concept.id in used]
