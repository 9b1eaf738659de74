"""The controlled termbase: one YAML file a concept under glossary/concepts/.

Loaded with line numbers so that every problem names its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from rjguide.findings import BuildError, Finding, has_errors, relative
from rjguide.library.project import Project

SUBJECTS = ("restorative-justice", "criminal-justice", "extremism", "organisations",
            "facilitation", "law")
TERM_STATUSES = ("preferred", "admitted", "deprecated", "superseded", "forbidden")
APPROVED_STATUSES = ("preferred", "admitted")
LANGUAGE_STATUSES = ("approved", "proposed")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
GENDERS = ("masculine", "feminine", "neuter", "common")
CONCEPT_FIELDS = {"id", "subject"}
LANGUAGE_FIELDS = {"status", "definition", "note", "source", "terms"}
TERM_FIELDS = {"term", "status", "pos", "gender", "forms", "reason"}


@dataclass(frozen=True)
class Term:
    text: str
    status: str
    pos: str
    gender: str | None
    forms: tuple[str, ...]
    reason: str | None
    line: int

    @property
    def approved(self) -> bool:
        return self.status in APPROVED_STATUSES

    @property
    def all_forms(self) -> tuple[str, ...]:
        return (self.text, *self.forms)


@dataclass(frozen=True)
class LanguageEntry:
    language: str
    status: str
    definition: str
    note: str | None
    source: str
    terms: tuple[Term, ...]

    @property
    def preferred(self) -> Term:
        return next(t for t in self.terms if t.status == "preferred")


@dataclass(frozen=True)
class Concept:
    id: str
    subject: str
    languages: dict[str, LanguageEntry]
    path: Path

    def entry(self, language: str) -> LanguageEntry:
        return self.languages[language]


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key caches
class Termbase:
    concepts: dict[str, Concept]

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def __iter__(self):
        return iter(self.concepts[key] for key in sorted(self.concepts))

    def __len__(self) -> int:
        return len(self.concepts)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    return {key.value: value for key, value in node.value}


def _scalar(node: yaml.Node | None) -> str | None:
    if node is None or not isinstance(node, yaml.ScalarNode) or node.value == "":
        return None
    return str(node.value).strip()


class _ConceptReader:
    """Reads one concept file, collecting every problem rather than stopping at the first."""

    def __init__(self, path: Path, shown: str, languages: tuple[str, ...]):
        self.path = path
        self.shown = shown
        self.languages = languages
        self.findings: list[Finding] = []

    def problem(self, node: yaml.Node | int, message: str) -> None:
        line = node if isinstance(node, int) else _line(node)
        self.findings.append(Finding(self.shown, line, "error", "termbase", message))

    def known_fields(self, node: yaml.MappingNode, allowed: set[str], where: str) -> None:
        seen: set[str] = set()
        for key, _value in node.value:
            if key.value in seen:
                self.problem(key, f"{where}: field '{key.value}' is given twice")
            seen.add(key.value)
            if key.value not in allowed:
                self.problem(key, f"{where}: unknown field '{key.value}'; "
                                  f"the fields are {', '.join(sorted(allowed))}")

    def read(self) -> Concept | None:
        try:
            root = yaml.compose(self.path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.problem(mark.line + 1 if mark else 1, f"not valid YAML: {exc}")
            return None
        if not isinstance(root, yaml.MappingNode):
            self.problem(1, "a concept file must be a mapping with id, subject and languages")
            return None
        self.known_fields(root, CONCEPT_FIELDS | set(self.languages), "concept")
        fields = _mapping(root)
        concept_id = _scalar(fields.get("id"))
        if concept_id != self.path.stem:
            self.problem(fields.get("id", root),
                         f"id '{concept_id}' must be the file's name '{self.path.stem}'")
        subject = _scalar(fields.get("subject"))
        if subject not in SUBJECTS:
            self.problem(fields.get("subject", root),
                         f"subject '{subject}' is not one of {', '.join(SUBJECTS)}")
        entries = {}
        for language in self.languages:
            if language not in fields:
                self.problem(root, f"language '{language}' is missing; every concept needs "
                                   f"{', '.join(self.languages)}")
                continue
            entry = self.read_language(language, fields[language])
            if entry:
                entries[language] = entry
        if self.findings:
            return None
        return Concept(concept_id, subject, entries, self.path)

    def read_language(self, language: str, node: yaml.Node) -> LanguageEntry | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{language}: must be a mapping of {', '.join(LANGUAGE_FIELDS)}")
            return None
        self.known_fields(node, LANGUAGE_FIELDS, language)
        fields = _mapping(node)
        status = _scalar(fields.get("status"))
        if status not in LANGUAGE_STATUSES:
            self.problem(fields.get("status", node),
                         f"{language}: status '{status}' is not approved or proposed")
        for required in ("definition", "source"):
            if not _scalar(fields.get(required)):
                self.problem(fields.get(required, node), f"{language}: '{required}' is missing")
        terms_node = fields.get("terms")
        if not isinstance(terms_node, yaml.SequenceNode) or not terms_node.value:
            self.problem(terms_node or node, f"{language}: 'terms' must list at least one term")
            return None
        terms = [t for t in (self.read_term(language, n) for n in terms_node.value) if t]
        preferred = [t for t in terms if t.status == "preferred"]
        if len(preferred) != 1:
            self.problem(terms_node, f"{language}: needs exactly one preferred term, "
                                     f"has {len(preferred)}")
        by_text: dict[str, Term] = {}
        for term in terms:
            key = term.text.casefold()
            if key in by_text and by_text[key].approved != term.approved:
                self.problem(term.line, f"{language}: '{term.text}' is both "
                                        f"{by_text[key].status} and {term.status}")
            elif key in by_text:
                self.problem(term.line, f"{language}: '{term.text}' is listed twice")
            by_text[key] = term
        return LanguageEntry(language, status or "", _scalar(fields.get("definition")) or "",
                             _scalar(fields.get("note")), _scalar(fields.get("source")) or "",
                             tuple(terms))

    def read_term(self, language: str, node: yaml.Node) -> Term | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{language}: each term is a mapping with term, status, pos")
            return None
        self.known_fields(node, TERM_FIELDS, f"{language} term")
        fields = _mapping(node)
        text = _scalar(fields.get("term"))
        status = _scalar(fields.get("status"))
        pos = _scalar(fields.get("pos"))
        gender = _scalar(fields.get("gender"))
        reason = _scalar(fields.get("reason"))
        if not text:
            self.problem(node, f"{language}: a term without 'term'")
            return None
        if status not in TERM_STATUSES:
            self.problem(fields.get("status", node),
                         f"{language}: '{text}' has status '{status}', not one of "
                         f"{', '.join(TERM_STATUSES)}")
        if pos not in PARTS_OF_SPEECH:
            self.problem(fields.get("pos", node),
                         f"{language}: '{text}' has pos '{pos}', not one of "
                         f"{', '.join(PARTS_OF_SPEECH)}")
        if gender is not None and gender not in GENDERS:
            self.problem(fields["gender"], f"{language}: '{text}' has gender '{gender}', "
                                           f"not one of {', '.join(GENDERS)}")
        if status in ("deprecated", "superseded", "forbidden") and not reason:
            self.problem(node, f"{language}: {status} term '{text}' needs a 'reason'")
        forms_node = fields.get("forms")
        forms: tuple[str, ...] = ()
        if forms_node is not None:
            if not isinstance(forms_node, yaml.SequenceNode):
                self.problem(forms_node, f"{language}: forms of '{text}' must be a list")
            else:
                forms = tuple(str(n.value).strip() for n in forms_node.value)
        return Term(text, status or "", pos or "", gender, forms, reason, _line(node))


def load_termbase(project: Project) -> tuple[Termbase, list[Finding]]:
    concepts: dict[str, Concept] = {}
    findings: list[Finding] = []
    folder = project.glossary_dir / "concepts"
    for path in sorted(folder.glob("*.yaml")):
        reader = _ConceptReader(path, relative(path, project.root), project.languages)
        concept = reader.read()
        findings += reader.findings
        if concept is None:
            continue
        if concept.id in concepts:
            findings.append(Finding(relative(path, project.root), 1, "error", "termbase",
                                    f"id '{concept.id}' is used twice"))
        concepts[concept.id] = concept
    return Termbase(concepts), findings


def require_termbase(project: Project) -> Termbase:
    termbase, findings = load_termbase(project)
    if has_errors(findings):
        raise BuildError(findings)
    return termbase
