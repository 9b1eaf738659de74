"""Terminology: the glossary's terms, enforced in the English source and in every catalogue.

Norwegian inflects (konfliktråd, konfliktrådet, konfliktråda, konfliktrådene), so matching
uses every form the termbase declares, word-bounded: a term never matches inside a longer
word. Where two English terms overlap ("mediation" inside "mediation meeting"), the longer
one wins. A translator silences one justified false positive for one message with a
translator comment `terminology-ok: <concept-id> <why>`, and the report lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rjguide.checks.markup_tokens import read_markup
from rjguide.library.termbase import Concept, Term, Termbase

EXPLICIT = re.compile(r"^(?P<text>.+?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
CHECK = "terminology"


@dataclass(frozen=True)
class TermIssue:
    """One terminology problem in one text; `concept` is what a suppression names."""

    concept: str
    severity: str
    message: str
    silenceable: bool = True


@dataclass(frozen=True)
class TermReference:
    concept: str
    text: str | None  # None: the short form, which shows the glossary's term


# The genitive ending a language adds to any form: «deltakernes», «Konfliktrådets».
GENITIVE = {"nb": "s", "nn": "s"}


def term_pattern(form: str, language: str = "") -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in form.split())
    genitive = f"(?:{GENITIVE[language]})?" if language in GENITIVE else ""
    return re.compile(rf"(?<![\w-]){words}{genitive}(?![\w-])", re.IGNORECASE)


def term_references(text: str) -> list[TermReference]:
    """The `{term}` roles of a message, as MyST reads them (none inside inline code)."""
    found = []
    for name, content in read_markup(text).role_list:
        if name != "term":
            continue
        explicit = EXPLICIT.match(content)
        if explicit:
            found.append(TermReference(explicit["target"].strip(), explicit["text"].strip()))
        else:
            found.append(TermReference(content.strip(), None))
    return found


def plain_text(text: str) -> str:
    """The words a reader sees: role display texts kept, role targets and code dropped."""
    markup = read_markup(text)
    return " ".join([markup.text, *markup.role_texts])


class TermMatcher:
    """Finds a language's terms in text, with the forms the termbase declares."""

    def __init__(self, termbase: Termbase, language: str):
        self.termbase = termbase
        self.language = language

    @cached_property
    def patterns(self) -> list[tuple[Concept, Term, str, re.Pattern[str]]]:
        found = []
        for concept in self.termbase:
            for term in concept.entry(self.language).terms:
                for form in dict.fromkeys(term.all_forms):
                    found.append((concept, term, form, term_pattern(form, self.language)))
        # Longer forms first, so that a longer term claims its words before a shorter one.
        return sorted(found, key=lambda item: -len(item[2]))

    def find(self, text: str) -> list[tuple[Concept, Term, str]]:
        """Every term occurrence in the text; one inside a longer one is dropped. Two
        concepts sharing a word (Konfliktrådet, konfliktrådet) both match it."""
        taken: list[tuple[int, int]] = []
        hits = []
        for concept, term, _form, pattern in self.patterns:
            for match in pattern.finditer(text):
                span = match.span()
                if any(span != other and span[0] < other[1] and other[0] < span[1]
                       for other in taken):
                    continue
                taken.append(span)
                hits.append((concept, term, match.group(0)))
        return hits

    def approved_forms(self, concept: Concept) -> list[str]:
        return [form for term in concept.entry(self.language).terms if term.approved
                for form in term.all_forms]


@lru_cache(maxsize=16)
def matcher(termbase: Termbase, language: str) -> TermMatcher:
    return TermMatcher(termbase, language)


def source_issues(text: str, termbase: Termbase, language: str) -> list[TermIssue]:
    """Deprecated, superseded or forbidden terms in a source line."""
    issues = []
    for concept, term, shown in matcher(termbase, language).find(plain_text(text)):
        if not term.approved:
            issues.append(avoid_issue(concept, term, shown, language))
    for reference in term_references(text):
        if termbase.get(reference.concept) is None:
            issues.append(TermIssue(reference.concept, "error",
                                    f"term reference to '{reference.concept}', which is not in "
                                    "the termbase; use a concept id from glossary/concepts/"))
    return issues


def avoid_issue(concept: Concept, term: Term, shown: str, language: str,
                severity: str = "") -> TermIssue:
    preferred = concept.entry(language).preferred.text
    forbidden = term.status == "forbidden"
    severity = severity or ("error" if forbidden else "warning")
    how = ("a forbidden term cannot be silenced" if forbidden else
           f"if it is right here, add a translator comment '# terminology-ok: {concept.id} "
           "<why>'")
    return TermIssue(concept.id, severity, f"'{shown}' is a {term.status} term "
                     f"({term.reason.strip()}); use '{preferred}' ({how})", not forbidden)


def in_compound(text: str, forms: list[str]) -> bool:
    """An approved one-word form inside a Norwegian compound: as its first part, closed or
    hyphenated («gjerningspersonrolla», «offer- og gjerningspersonrolla»), or as its last,
    with an ending («konfliktrådsmeklaren»). Short forms must stand as words."""
    for form in forms:
        if len(form) < 4 or " " in form:
            continue
        word = re.escape(form)
        if re.search(rf"(?<![\w]){word}(?=[\w-])|(?<=\w){word}\w{{0,4}}(?![\w])", text,
                     re.IGNORECASE):
            return True
    return False


def translation_issues(source: str, translation: str, termbase: Termbase,
                       source_language: str, language: str) -> list[TermIssue]:
    """What the glossary asks of one translated message."""
    source_matcher = matcher(termbase, source_language)
    target_matcher = matcher(termbase, language)
    required: dict[str, str] = {}
    for reference in term_references(source):
        if termbase.get(reference.concept):
            required.setdefault(reference.concept, reference.text or reference.concept)
    for concept, _term, shown in source_matcher.find(plain_text(source)):
        required.setdefault(concept.id, shown)

    issues = []
    target_text = plain_text(translation)
    target_hits = target_matcher.find(target_text)
    referenced = {r.concept: r for r in term_references(translation)}
    for reference in referenced.values():
        concept = termbase.get(reference.concept)
        if concept is None:
            issues.append(TermIssue(reference.concept, "error",
                                    f"term reference to '{reference.concept}', which is not in "
                                    "the termbase"))
        elif reference.text is not None:
            forms = target_matcher.approved_forms(concept)
            # The shown words may carry a determiner ("den domfelte"), but must hold a form.
            if not any(term_pattern(form, language).search(reference.text) for form in forms):
                issues.append(TermIssue(concept.id, "error",
                                        f"the reference to {concept.id} shows '{reference.text}', "
                                        f"which is not an approved {language} form; use one of "
                                        f"{', '.join(dict.fromkeys(forms))}, or if these words "
                                        "are right here, add a translator comment "
                                        f"'# terminology-ok: {concept.id} <why>'"))
    for concept_id, shown in required.items():
        if concept_id in referenced:
            continue
        concept = termbase.get(concept_id)
        if any(hit[0].id == concept_id and hit[1].approved for hit in target_hits):
            continue
        if in_compound(target_text, target_matcher.approved_forms(concept)):
            continue
        entry = concept.entry(language)
        forms = ", ".join(dict.fromkeys(target_matcher.approved_forms(concept)))
        issues.append(TermIssue(
            concept_id, "error" if entry.status == "approved" else "warning",
            f"the source says '{shown}' ({concept_id}); the translation must use "
            f"'{entry.preferred.text}' (approved forms: {forms}); if the concept is carried "
            f"another way here, add a translator comment '# terminology-ok: {concept_id} "
            "<why>'"))
    for concept, term, shown in target_hits:
        if not term.approved:  # the reader would see it: an error, whatever its status
            issues.append(avoid_issue(concept, term, shown, language, "error"))
    return issues
