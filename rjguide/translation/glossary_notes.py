"""The glossary beside each message: an extracted comment (`#.`) naming the concepts its
English text uses, with their approved terms in the catalogue's language, e.g.

    #. glossary: convicted person → domfelt; mediation meeting → meklingsmøte

PO editors (Poedit, Weblate) show extracted comments beside the message. The concepts are
found as the terminology check finds them: the glossary's English terms in the words a
reader sees, and the `{term}` roles. A long note takes several lines, each starting
`glossary:`. `make po` writes the note afresh on every run, so it follows the source;
every other extracted comment the template carries is kept.
"""

from __future__ import annotations

from functools import lru_cache

from babel.messages.catalog import Catalog

from rjguide.checks.terminology import matcher, plain_text, term_references
from rjguide.library.termbase import Concept, Termbase

PREFIX = "glossary:"
COMMENT_WIDTH = 76  # Babel wraps every comment at this width, whatever the catalogue's


@lru_cache(maxsize=8192)  # the same sources come again for every language
def concepts_in(source: str, termbase: Termbase, source_language: str) -> tuple[Concept, ...]:
    """The concepts a source message uses, by their English term (then id)."""
    found: dict[str, Concept] = {}
    for reference in term_references(source):
        concept = termbase.get(reference.concept)
        if concept is not None:
            found[concept.id] = concept
    for concept, _term, _shown in matcher(termbase, source_language).find(plain_text(source)):
        found[concept.id] = concept
    return tuple(sorted(found.values(),
                        key=lambda c: (c.entry(source_language).preferred.text.casefold(),
                                       c.id)))


def approved_terms(concept: Concept, language: str) -> list[str]:
    """The preferred term first, then the admitted ones, as the glossary lists them."""
    entry = concept.entry(language)
    return [entry.preferred.text] + [t.text for t in entry.terms
                                     if t.approved and t.status != "preferred"]


def glossary_note(source: str, termbase: Termbase, source_language: str,
                  language: str) -> list[str]:
    """The note's lines: as many concepts on a line as fit in the width Babel wraps
    comments at, so that a concept is never split (a single long one may be)."""
    items = [f"{c.entry(source_language).preferred.text} → "
             f"{' / '.join(approved_terms(c, language))}"
             for c in concepts_in(source, termbase, source_language)]
    lines: list[str] = []
    for item in items:
        if lines and len(f"{lines[-1]}; {item}") <= COMMENT_WIDTH:
            lines[-1] = f"{lines[-1]}; {item}"
        else:
            lines.append(f"{PREFIX} {item}")
    return lines


def is_glossary_note(comment: str) -> bool:
    return comment.startswith(PREFIX)


def annotate(catalog: Catalog, termbase: Termbase, source_language: str,
             language: str) -> None:
    """Puts the current glossary note on every entry (and takes a stale one away)."""
    for message in catalog:
        if not message.id or isinstance(message.id, tuple):
            continue
        kept = [c for c in message.auto_comments if not is_glossary_note(c)]
        comments = [*kept, *glossary_note(message.id, termbase, source_language, language)]
        if comments != list(message.auto_comments):
            message.auto_comments = comments
