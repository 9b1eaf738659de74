"""A dropped negation: the source says "not", "never", "no one", "without" … and the
translation has no negation at all. That reverses what the reader is told ("Do not
contact the victim" → «Kontakt den fornærmede»), so it is an error, however fluent the rest.

The check asks only whether the translation has some negation, not the same number: a
Norwegian sentence may carry two English negations in one («verken … eller» for
"neither … nor"), or place it elsewhere. What counts, on the words the reader sees (markup
removed, role and link texts kept):

* English: not, n't, cannot, never, none, nobody, nothing, nowhere, neither, without,
  "no one", and "no" followed by a word ("no reason", "no longer"; also "saying no has",
  met by «nei»). Not counted: "No." as a one-word answer (no word follows), "nor" alone (it
  only continues a "neither"), "unless" (a condition, not a negation), the tag question
  "…, didn't it?" (Norwegian says «… vel?»), and idioms whose Norwegian is positive:
  "whether or not" («om»), "no matter" («uansett»), "no later than" («senest»), "no more
  than" («høyst»), "no less/fewer than" («minst»), "not until" («først når»).
* Norwegian: ikke/ikkje, aldri, ingen, inga, intet, inget, ingenting, inkje, verken,
  hverken, korkje, uten/utan, nei, and unngå ("avoid" is how «Unngå å …» says "Do not …").
  "not only … but also" must still be «ikke bare»/«ikkje berre», "no longer" «ikke
  lenger»/«ikkje lenger»: both carry ikke/ikkje. A short list of adjectives negated by the
  prefix u- (usikker for "not sure", uenig/usamd for "do not agree", uforpliktende for
  "without commitment", umulig …) counts too:
  those are how Norwegian says "not …", and the list is kept short so that an unrelated
  u-word cannot hide a lost «ikke».
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rjguide.checks.markup_tokens import EXPLICIT_TARGET, read_markup
from rjguide.checks.model import Entry, Issue

CHECK = "negation"
SOURCE_LANGUAGE = "en"

NOT_NEGATIONS = re.compile(
    r"\bwhether\s+or\s+not\b|\bno\s+matter\b|\bno\s+(?:later|more|less|fewer)\s+than\b"
    r"|\bnot\s+until\b"
    r"|,\s*\w+n[’']t\s+(?:it|he|she|they|you|we|i|there|that|this)\s*\?",
    re.IGNORECASE)
ENGLISH = re.compile(
    r"\b(?:not|cannot|never|none|nobody|nothing|nowhere|neither|without|no[\s-]one)\b"
    r"|n[’']t\b"
    r"|\bno\b(?=\s+[^\W\d_])",  # "no" as a determiner: a word follows
    re.IGNORECASE)

PREFIXED = (r"u(?:sikker|enig|samd|mulig|kjent|klar|trygg|frivillig|lovlig|akseptabel"
            r"|aktuell|egna|egnet|naudsynt|nødvendig|forplikt)\w*")
NORWEGIAN = {
    "nb": re.compile(r"\b(?:ikke|ikkje|aldri|ingen|intet|inget|ingenting|verken|hverken|uten|nei"
                     r"|unngå\w*|unngikk|" + PREFIXED + r")\b", re.IGNORECASE),
    "nn": re.compile(r"\b(?:ikkje|ikke|aldri|ingen|inga|ingi|ingenting|inkje|verken|korkje"
                     r"|utan|nei|unngå\w*|unngjekk|" + PREFIXED + r")\b", re.IGNORECASE),
}
SHOWN = {
    "nb": "ikke, aldri, ingen, ingenting, verken, uten, …",
    "nn": "ikkje, aldri, ingen, inga, ingenting, verken, utan, …",
}


def seen_words(message: str) -> str:
    """The words the reader sees: the text without markup, and the roles' own texts."""
    markup = read_markup(message)
    texts = [markup.text]
    for _name, content in markup.role_list:
        explicit = EXPLICIT_TARGET.match(content)
        if explicit:
            texts.append(explicit["text"])
    return " ".join(texts)


def english_negation(text: str) -> str | None:
    """The first negation of an English text, or None."""
    match = ENGLISH.search(NOT_NEGATIONS.sub(" ", text))
    return match[0].strip().lower() if match else None


def negation(entry: Entry) -> Iterable[Issue]:
    negators = NORWEGIAN.get(entry.language)
    if entry.source_language != SOURCE_LANGUAGE or negators is None:
        return
    said = english_negation(seen_words(entry.source))
    if said is None or negators.search(seen_words(entry.translation)):
        return
    yield Issue(CHECK, "error",
                f"the source says '{said}' but the translation has no negation "
                f"({SHOWN[entry.language]}): the meaning may be reversed; add it, or if the "
                "negation is carried another way, add a translator comment "
                "`# negation-ok: <why>`")


CHECKS = (negation,)
