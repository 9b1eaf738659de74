"""The working group's review documents: per module and language, every message in the
order of the document, source beside translation, with its state, the checks' findings,
the glossary terms it holds, the previous source of a fuzzy entry and what changed since
the last review (a git ref) or since its approval, as word-level differences."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from rjguide.checks.model import Entry
from rjguide.checks.runner import check_entry
from rjguide.checks.terminology import matcher, plain_text, term_references
from rjguide.findings import BuildError, Finding, relative
from rjguide.library.catalogs import read_catalog_kept, template_path
from rjguide.library.labels import language_name
from rjguide.library.ledger import Decision, Invalid, Kind, State, digest, load_ledger, state_of
from rjguide.library.modules import Module
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.library.termbase import Termbase
from rjguide.print.fonts import font_face_css
from rjguide.progress import Silent
from rjguide.review.worddiff import word_diff_html, word_diff_text
from rjguide.templating import render, templates_of

TEMPLATES = templates_of(__file__)

NOTE_START = re.compile(r"^(?P<fence>:{3,}|`{3,})\{review-note\}\s*(?P<title>.*)$")


@dataclass
class ReviewItem:
    number: int
    location: str                  # the catalogue entry, path:line
    source_location: str           # the source, path:line
    source: str
    translation: str
    state: State
    findings: list[Finding] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (English, approved target)
    previous: str | None = None    # fuzzy: the previous source, as a word diff to the new
    approved: str | None = None    # who and when
    since_source: str | None = None
    since_translation: str | None = None
    changed_since_approval: tuple[str, str] | None = None
    source_changed: bool = False       # since the ref, or since the approval
    translation_changed: bool = False
    source_before: str = ""            # the texts they changed from, for the terminal
    translation_before: str = ""
    docname: str = ""
    decisions: list[Decision] = field(default_factory=list)   # the valid ones on it

    @property
    def message(self) -> str:
        """The message's identity: the SHA-256 of its source."""
        return digest(self.source)


@dataclass
class ReviewNote:
    source_location: str
    title: str
    text: str


@dataclass
class ReviewDocument:
    module: Module
    language: str
    title: str
    items: list[ReviewItem | ReviewNote]
    since: str | None
    invalid: list[Invalid] = field(default_factory=list)   # ledger files not to rely on

    @property
    def messages(self) -> list[ReviewItem]:
        return [i for i in self.items if isinstance(i, ReviewItem)]

    def counts(self) -> Counter:
        return Counter(item.state for item in self.messages)

    def changed(self) -> list[ReviewItem]:
        return [i for i in self.messages if i.source_changed or i.translation_changed]


def review_notes(path: Path, root: Path) -> list[tuple[int, ReviewNote]]:
    """The review-note blocks of a source page, with the line each starts on."""
    notes = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = NOTE_START.match(lines[index].strip())
        if match:
            start, fence, body = index + 1, match["fence"], []
            index += 1
            while index < len(lines) and lines[index].strip() != fence:
                body.append(lines[index])
                index += 1
            text = "\n".join(line for line in body if not line.startswith(":")).strip()
            notes.append((start, ReviewNote(f"{relative(path, root)}:{start}",
                                            match["title"].strip(), text)))
        index += 1
    return notes


def catalogue_at(project: Project, ref: str, path: Path) -> Catalog | None:
    """A catalogue as it was at a git ref (None where it did not exist)."""
    result = subprocess.run(["git", "-C", str(project.root), "show",
                             f"{ref}:{relative(path, project.root)}"],
                            capture_output=True)
    if result.returncode != 0:
        return None
    return read_po(io.BytesIO(result.stdout))


def require_commit(project: Project, ref: str) -> str:
    """The commit a `--since` ref names, checked once before any document is made:
    a ref git does not know would otherwise show as "nothing changed"."""
    def refuse(message: str) -> BuildError:
        return BuildError([Finding(".git", None, "error", "review", message)])

    git = ["git", "-C", str(project.root)]
    try:
        inside = subprocess.run([*git, "rev-parse", "--git-dir"], capture_output=True)
    except FileNotFoundError:
        raise refuse("--since needs git, which is not installed (Debian: apt install "
                     "git)") from None
    if inside.returncode != 0:
        raise refuse(f"--since {ref}: the project is not a git repository, so there is no "
                     "history to compare with; leave out --since")
    result = subprocess.run([*git, "rev-parse", "--verify", "--quiet", "--end-of-options",
                             f"{ref}^{{commit}}"], capture_output=True, text=True)
    if ref.startswith("-") or result.returncode != 0:
        raise refuse(f"--since {ref}: '{ref}' is not a commit, tag or branch of this "
                     "repository; give one that exists: 'git tag' lists the tags, 'git "
                     "branch' the branches, 'git log --oneline' the commits")
    return result.stdout.strip()


def commit_for(project: Project, since: str) -> str:
    """A ref, or a date (YYYY-MM-DD: the last commit before that day), as a commit."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        found = subprocess.run(["git", "-C", str(project.root), "rev-list", "-1",
                                f"--before={since}T00:00:00", "HEAD"],
                               capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return require_commit(project, found.stdout.strip())
        raise BuildError([Finding(".git", None, "error", "review",
                                  f"there is no commit before {since}")])
    return require_commit(project, since)


_checked: dict[tuple, list[Finding]] = {}


def checked_once(entry: Entry, termbase: Termbase) -> list[Finding]:
    """The findings of an entry, worked out once per process for the same texts and termbase
    (the review server shows the same page again after every decision)."""
    key = (entry, id(termbase))
    if key not in _checked:
        if len(_checked) > 50_000:
            _checked.clear()
        _checked[key] = check_entry(entry, termbase).findings
    return _checked[key]


def module_pages(project: Project, module: Module) -> list[str]:
    prefix = f"modules/{module.id}/"
    pages = [d for d in project.docnames if d.startswith(prefix)]
    return sorted(pages, key=lambda d: (not d.endswith("/index"), d))


def message_terms(project: Project, termbase: Termbase, source_terms, message_id: str,
                  language: str) -> list[tuple[str, str]]:
    """The glossary's concepts in a message: (English, the approved terms in `language`)."""
    concepts = {c.id: c for c, _t, _s in source_terms.find(plain_text(message_id))}
    for reference in term_references(message_id):
        if termbase.get(reference.concept):
            concepts[reference.concept] = termbase.get(reference.concept)
    return [(c.entry(project.source_language).preferred.text,
             ", ".join(t.text for t in c.entry(language).terms if t.approved))
            for c in concepts.values()]


def build_review(project: Project, module: Module, language: str, termbase: Termbase,
                 since: str | None = None,
                 accounts: set[str] | None = None) -> ReviewDocument:
    """A module's messages in one language for the working group. With `accounts`, only
    decisions by those accounts count; the others are listed as not valid."""
    items: list[ReviewItem | ReviewNote] = []
    invalid: list[Invalid] = []
    roster = Roster.load(project)
    number = 0
    source_terms = matcher(termbase, project.source_language)
    for docname in module_pages(project, module):
        template = read_catalog_kept(template_path(project, docname))
        po = project.catalog_path(language, docname)
        catalog = read_catalog_kept(po, locale=language) if po.is_file() else Catalog()
        ledger = load_ledger(project, language, docname, roster)
        invalid += ledger.invalid
        old = catalogue_at(project, since, po) if since else None
        old_ids = [m.id for m in old if m.id] if old is not None else []
        notes = review_notes(project.source_path(docname), project.root)
        for message in template:
            if not message.id or isinstance(message.id, tuple):
                continue
            line = message.locations[0][1] if message.locations else 0
            while notes and notes[0][0] <= (line or 0):
                items.append(notes.pop(0)[1])
            number += 1
            entry = catalog.get(message.id)
            translation = entry.string if entry is not None and entry.string else ""
            shown_po = relative(po, project.root)
            decisions = ledger.on(entry)
            if accounts is not None:
                invalid += [Invalid(f"{docname}@{digest(message.id)[:12]}", None,
                                    f"{d.name} ({d.account}) has no account on this server")
                            for d in decisions if d.account not in accounts]
                decisions = [d for d in decisions if d.account in accounts]
            item = ReviewItem(
                number, f"{shown_po}:{entry.lineno if entry is not None else '?'}",
                f"{message.locations[0][0]}:{line}" if message.locations else "",
                message.id, translation, state_of(entry, decisions), docname=docname,
                decisions=decisions)
            if translation and entry is not None:
                checked = Entry(message.id, translation, language, project.source_language,
                                tuple(entry.user_comments), shown_po, entry.lineno)
                item.findings = checked_once(checked, termbase)
            item.terms = message_terms(project, termbase, source_terms, message.id, language)
            if entry is not None and entry.fuzzy and entry.previous_id:
                item.previous = word_diff_html(entry.previous_id[0], message.id)
            approval = max((d for d in item.decisions if d.kind is Kind.APPROVED),
                           key=lambda d: d.at, default=None)
            if approval is not None:
                item.approved = f"{approval.name}, {approval.at.date().isoformat()}"
                if item.state is State.CHANGED:
                    item.changed_since_approval = (
                        word_diff_html(approval.source, message.id),
                        word_diff_html(approval.translation, translation))
                    item.source_changed = approval.source != message.id
                    item.translation_changed = approval.translation != translation
                    item.source_before = approval.source
                    item.translation_before = approval.translation
            if old is not None:
                if message.id not in old_ids:
                    closest = difflib.get_close_matches(message.id, old_ids, n=1, cutoff=0.5)
                    item.source_before = closest[0] if closest else ""
                    item.since_source = word_diff_html(item.source_before, message.id)
                    item.source_changed = True
                else:
                    before = old.get(message.id).string or ""
                    if before != translation:
                        item.since_translation = word_diff_html(before, translation)
                        item.translation_changed = True
                        item.translation_before = before
            items.append(item)
        items += [note for _line, note in notes]
    title = next((i.source for i in items if isinstance(i, ReviewItem)), module.id)
    return ReviewDocument(module, language, title, items, since, invalid)


def render_html(document: ReviewDocument, project: Project, date: dt.datetime) -> str:
    counts = document.counts()
    return render(TEMPLATES, "review.html",
        doc=document, states=list(State), counts=counts, date=date.date().isoformat(),
        language_name=language_name(document.language),
        source_name=language_name(project.source_language),
        source_language=project.source_language,
        findings=sum(len(i.findings) for i in document.messages), fonts=font_face_css(),
    )


def summary_line(document: ReviewDocument) -> str:
    counts = document.counts()
    states = ", ".join(f"{counts.get(s, 0)} {s}" for s in State)
    return (f"{document.module.id} [{document.language}]: {len(document.messages)} messages "
            f"({states}); {len(document.changed())} changed")


def terminal_changes(document: ReviewDocument) -> list[str]:
    lines = []
    for item in document.changed():
        if item.source_changed:
            lines.append(f"  {item.source_location}: source changed: "
                         f"{shorten(word_diff_text(item.source_before, item.source))}")
        if item.translation_changed:
            lines.append(f"  {item.location}: translation changed: "
                         f"{shorten(word_diff_text(item.translation_before, item.translation))}")
    return lines


def shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"



def review_dir(project: Project) -> Path:
    return project.exports_dir / "review"


def write_reviews(project: Project, termbase: Termbase, since: str | None,
                  date: dt.datetime, workers: int,
                  report: Silent | None = None) -> list[ReviewDocument]:
    """Every module's review document in every target language, as HTML and PDF."""
    report = report or Silent()
    from rjguide.library.modules import load_modules
    from rjguide.print.fonts import FONTS, require_fonts
    from rjguide.print.render import PdfJob, render_all
    from rjguide.publish import write_file

    if since is not None:
        require_commit(project, since)
    modules, _ = load_modules(project)
    documents, jobs = [], []
    report.step("review", "the side-by-side review documents (HTML)",
                len(modules) * len(project.target_languages))
    for language in project.target_languages:
        folder = review_dir(project) / language
        for module in modules:
            document = build_review(project, module, language, termbase, since)
            documents.append(document)
            html = render_html(document, project, date)
            write_file(folder / f"{module.id}.html", html.encode("utf-8"))
            jobs.append(PdfJob(html, folder.as_uri() + "/", folder / f"{module.id}.pdf",
                               (relative(module.path, project.root),)))
            report.advance()
    report.finish(f"{len(documents)} documents")
    require_fonts()
    report.step("review pdf", "the review documents as PDF", len(jobs))
    results = render_all(jobs, project.root, tuple(f.path for f in FONTS), workers,
                         report.advance)
    report.finish(f"{len(jobs)} rendered")
    failures = [Finding(r.job.sources[0], None, "error", "review",
                        f"{r.job.output.name}: {r.error}") for r in results if r.error]
    if failures:
        raise BuildError(failures)
    return documents
