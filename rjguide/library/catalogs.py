"""Gettext catalogues: update them from the source, count them, compile them for Sphinx.

Babel does all reading and writing; this module decides what goes in.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, denormalize, normalize, read_po, write_po

from rjguide import __version__
from rjguide.findings import BuildError, Finding, relative
from rjguide.library.project import Project
from rjguide.memo import FileMemo
from rjguide.publish import write_file

# No wrapping but after a newline inside a message, as `xgettext --no-wrap` writes and as
# Weblate writes with its file format parameter po_line_wrap: 65535 (translators' guide):
# a role is never split, and a catalogue saved by Weblate or Translate Toolkit keeps its lines.
WRAP_WIDTH = 0
UI_DOMAIN = "sphinx"  # the catalogue Sphinx and its templates take interface strings from
REVIEW_DOMAIN = "review-server"  # the review server's interface (Django reads it)
FORMAT_FLAGS = {"python-format", "python-brace-format"}
KEPT = FileMemo(size=2_000)   # catalogues read by `read_catalog_kept`


@dataclass(frozen=True)
class Counts:
    """How far one catalogue (or several) is translated. Fuzzy never counts as translated."""

    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    words: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def untranslated_words(self) -> int:
        return self.words - self.translated_words - self.fuzzy_words

    @property
    def share(self) -> float:
        return self.translated / self.total if self.total else 1.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self._fields(), other._fields(), strict=True)))

    def _fields(self) -> tuple[int, ...]:
        return (self.total, self.translated, self.fuzzy, self.words,
                self.translated_words, self.fuzzy_words)


def word_count(text: str) -> int:
    return len(text.split())


def is_translated(message: Message) -> bool:
    return bool(message.string) and not message.fuzzy


def shown_path(path: Path, root: Path | None = None) -> str:
    """A file of the project as findings name it: relative to the project's root (found
    from the file when not given)."""
    if root is None:
        root = next((p for p in path.resolve().parents if (p / "pyproject.toml").is_file()),
                    None)
    return relative(path, root) if root is not None else str(path)


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """A catalogue as Babel reads it; a broken one is a finding at its line (BuildError)."""
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError) as exc:
        shown = shown_path(path)
        line, why = None, "it is not UTF-8 text"
        if isinstance(exc, PoFileError):  # Babel counts the lines from 0
            line = exc.lineno + 1
            why = f"{str(exc).rsplit(' on ', 1)[0]}: '{exc.line.strip()}'"
        raise BuildError([Finding(shown, line, "error", "po-syntax",
                                  f"the catalogue is broken here ({why}); correct the entry "
                                  f"in a PO editor, or restore the file ('git restore "
                                  f"{shown}'), then run the command again")]) from None
    restore_previous_ids(catalog)
    return catalog


def read_catalog_kept(path: Path, locale: str | None = None) -> Catalog:
    """`read_catalog`, parsed again only when the file changed, for readers that never
    change the catalogue they are given (the review server's pages and decisions)."""
    return KEPT.get((path, locale), [path], lambda: read_catalog(path, locale))


def restore_previous_ids(catalog: Catalog) -> None:
    """Babel 2.18 reads a fuzzy entry's previous source (`#| msgid …`) as a translator
    comment and would write it back as `# | msgid …`; put it back where it belongs."""
    for message in [*catalog, *catalog.obsolete.values()]:
        lines = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
        if not lines:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        parts: dict[str, list[str]] = {}
        current = None
        for line in lines:
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgid", "msgid_plural", "msgctxt"):
                current = keyword
                parts[current] = [rest]
            elif current:
                parts[current].append(line)
        if "msgid" in parts:
            previous = [denormalize("\n".join(parts["msgid"]))]
            if "msgid_plural" in parts:
                previous.append(denormalize("\n".join(parts["msgid_plural"])))
            message.previous_id = previous


def template_path(project: Project, docname: str) -> Path:
    return project.cache_dir / "gettext" / f"{docname}.pot"


def content_messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def count(template: Catalog, translation: Catalog | None,
          untranslatable: Callable[[str], bool] = lambda message_id: False,
          withheld: Callable[[Message], bool] = lambda message: False) -> Counts:
    """Counts the template's messages against a translation of them (None: nothing
    translated). A translation identical to its source counts only where the source has
    nothing to translate (`untranslatable`); one the build leaves out because the checks
    reject it (`withheld`) counts as untranslated."""
    total = translated = fuzzy = words = t_words = f_words = 0
    for message in content_messages(template):
        n = word_count(message.id)
        total += 1
        words += n
        target = translation.get(message.id) if translation is not None else None
        if target is None or not target.string:
            continue
        if target.string == message.id and not target.fuzzy and not untranslatable(message.id):
            continue
        if not target.fuzzy and withheld(target):
            continue
        if target.fuzzy:
            fuzzy += 1
            f_words += n
        else:
            translated += 1
            t_words += n
    return Counts(total, translated, fuzzy, words, t_words, f_words)


def document_counts(project: Project, docname: str, language: str,
                    untranslatable: Callable[[str], bool] = lambda message_id: False,
                    withheld: Callable[[Message], bool] = lambda message: False) -> Counts:
    """Counts one page's catalogue against the page as it is now (its fresh template)."""
    template_file = template_path(project, docname)
    if not template_file.is_file():
        return Counts()
    template = read_catalog(template_file)
    po = project.catalog_path(language, docname)
    return count(template, read_catalog(po, locale=language) if po.is_file() else None,
                 untranslatable, withheld)


HEADER_COMMENT = """\
# {language} translation of the {project}.
# Content licensed under CC BY 4.0; see README.md.
#"""


def set_header(catalog: Catalog, language: str, project_name: str) -> None:
    catalog.locale = Locale.parse(language)
    catalog.fuzzy = False
    catalog.project = project_name
    catalog.version = __version__
    catalog.header_comment = HEADER_COMMENT.format(
        language=Locale.parse(language).get_display_name("en"), project=project_name)
    catalog.language_team = f"{Locale.parse(language).get_display_name('en')} ({language})"
    catalog.last_translator = "Guidance library translators"
    catalog.msgid_bugs_address = ""
    catalog.charset = "utf-8"


def clear_format_flags(catalog: Catalog) -> None:
    """Content is not a format string: Babel's guess (from `{term}` or `%`) would make
    `msgfmt --check` reject valid translations."""
    for message in catalog:
        message.flags -= FORMAT_FLAGS
    for message in catalog.obsolete.values():
        message.flags -= FORMAT_FLAGS


def serialise(catalog: Catalog) -> bytes:
    """The catalogue as gettext writes it (`WRAP_WIDTH`), ending, as gettext and Translate
    Toolkit end it, without an empty line. Babel 2.18 wraps a long previous source
    (`#| msgid`) into an unreadable comment, so those lines are written here."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WRAP_WIDTH, include_previous=False, sort_output=False)
    text = buffer.getvalue().decode("utf-8")
    blocks = text.split("\n\n")
    messages = [catalog.get("", None)] + [m for m in catalog if m.id]
    for index, message in enumerate(messages[: len(blocks)]):
        if message is None or not message.previous_id or not message.fuzzy:
            continue
        previous = [f"#| msgid {normalize(message.previous_id[0], '#| ', WRAP_WIDTH)}"]
        if len(message.previous_id) > 1:
            previous.append(f"#| msgid_plural "
                            f"{normalize(message.previous_id[1], '#| ', WRAP_WIDTH)}")
        lines = blocks[index].split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(("msgctxt", "msgid")))
        blocks[index] = "\n".join(lines[:at] + previous + lines[at:])
    return ("\n\n".join(blocks).rstrip("\n") + "\n").encode("utf-8")


def merge(template: Catalog, existing: Catalog | None, language: str, project_name: str,
          keep_format_flags: bool = False) -> Catalog:
    """The template's messages with the existing translations kept: changed ones become
    fuzzy (with the previous source), removed ones obsolete."""
    if existing is None:
        catalog = Catalog(locale=language, creation_date=template.creation_date,
                          revision_date=template.creation_date)
        for message in template:
            if message.id:
                catalog[message.id] = Message(message.id, "", list(message.locations),
                                              flags=set(message.flags),
                                              auto_comments=list(message.auto_comments),
                                              context=message.context)
    else:
        catalog = existing
        # Babel gives an entry whose msgid matches exactly the template's message, without
        # its previous source: an entry still fuzzy keeps it until it is translated.
        previous = {(m.id, m.context): list(m.previous_id) for m in existing
                    if m.id and m.fuzzy and m.previous_id}
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False,
                       keep_user_comments=True, update_creation_date=False)
        for message in catalog:
            kept = previous.get((message.id, message.context))
            if kept and message.fuzzy and not message.previous_id:
                message.previous_id = kept
    if not isinstance(catalog.revision_date, dt.datetime):
        catalog.revision_date = template.creation_date
    set_header(catalog, language, project_name)
    if not keep_format_flags:
        clear_format_flags(catalog)
    return catalog


def update_interface(project: Project, template: Catalog, domain: str,
                     project_name: str) -> list[Path]:
    """An interface catalogue (format strings kept) brought in line with its template in
    every target language; returns the files that changed."""
    changed = []
    for language in project.target_languages:
        po = project.catalog_path(language, domain)
        existing = read_catalog(po, locale=language) if po.is_file() else None
        merged = merge(template, existing, language, project_name, keep_format_flags=True)
        if write_file(po, serialise(merged)):
            changed.append(po)
    return changed


def update_catalogs(project: Project, project_name: str) -> list[Path]:
    """Brings every language's page catalogues in line with the fresh templates."""
    changed: list[Path] = []
    for docname in project.docnames:
        template_file = template_path(project, docname)
        if not template_file.is_file():
            continue
        template = read_catalog(template_file)
        for language in project.target_languages:
            po = project.catalog_path(language, docname)
            existing = read_catalog(po, locale=language) if po.is_file() else None
            catalog = merge(template, existing, language, project_name)
            if write_file(po, serialise(catalog)):
                changed.append(po)
    return changed


def compiled_catalog_dir(project: Project, language: str) -> Path:
    return project.compiled_locale_dir() / language / "LC_MESSAGES"


def compile_catalog(catalog: Catalog, mo_path: Path) -> bool:
    """Writes the .mo Sphinx reads, with a copy of the .po beside it (Sphinx tracks
    catalogue changes through the .po it finds). Fuzzy entries are left out."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    changed = write_file(mo_path, buffer.getvalue())
    changed |= write_file(mo_path.with_suffix(".po"), serialise(catalog))
    return changed


def translations_js(catalog: Catalog, language: str) -> str:
    """The `translations.js` Sphinx's search page reads its strings from."""
    messages: dict[str, str | list[str]] = {}
    for message in catalog:
        if not message.id or not is_translated(message):
            continue
        if isinstance(message.id, tuple):
            messages[message.id[0]] = list(message.string)
        else:
            messages[message.id] = message.string
    data = {"locale": language, "messages": messages, "plural_expr": catalog.plural_expr}
    body = json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)
    return f"Documentation.addTranslations({body});\n"
