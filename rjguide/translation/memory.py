"""Translation memory for `make po`: a message left untranslated by the merge is offered
the closest translation the same language already has, on any page, as a fuzzy entry.

The memory holds the translated, non-fuzzy entries of every page catalogue of one
language, as they were before the update. An offer is never a translation: it is marked
fuzzy, with the memory's source as the previous source (`#| msgid`, so a PO editor shows
what differs) and a translator comment saying how close it is and where it came from.
An exact source on another page is offered the same way; the translator confirms it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message
from rapidfuzz import fuzz, process

from rjguide.library.catalogs import is_translated

THRESHOLD = 75.0  # per cent similarity of the sources (rapidfuzz's ratio)
COMMENT = "memory:"


@dataclass(frozen=True)
class Offer:
    source: str
    translation: str
    score: float
    origin: str  # the catalogue it came from, relative to the language's folder

    @property
    def comment(self) -> str:
        return f"{COMMENT} {math.floor(self.score)} % from {self.origin}"


def is_memory_comment(comment: str) -> bool:
    return comment.startswith(COMMENT)


class TranslationMemory:
    """The translations of one language, each source once: the first by catalogue path,
    then by source, so that the same catalogues always give the same offers."""

    def __init__(self, catalogues: Iterable[tuple[str, Catalog]]):
        entries: dict[str, tuple[str, str]] = {}
        for origin, catalog in sorted(catalogues, key=lambda item: item[0]):
            for message in sorted(usable(catalog), key=lambda m: m.id):
                entries.setdefault(message.id, (message.string, origin))
        self.sources = list(entries)
        self.entries = entries

    def __len__(self) -> int:
        return len(self.sources)

    def closest(self, source: str) -> Offer | None:
        """The most similar source at or above the threshold; ties go to the first."""
        if not source or not self.sources:
            return None
        found = process.extract(source, self.sources, scorer=fuzz.ratio,
                                score_cutoff=THRESHOLD, limit=None)
        if not found:
            return None
        _choice, score, index = min(found, key=lambda hit: (-hit[1], hit[2]))
        translation, origin = self.entries[self.sources[index]]
        return Offer(self.sources[index], translation, score, origin)

    def offer(self, catalog: Catalog) -> int:
        """Fills every untranslated entry the memory has a close source for, as a fuzzy
        entry; returns how many it filled. Entries with a translation, fuzzy or not,
        are never touched, except that a memory note stays only while the entry is
        fuzzy (the translator's confirmation makes it history)."""
        offered = 0
        for message in catalog:
            if not message.id or isinstance(message.id, tuple):
                continue
            if message.string:
                if not message.fuzzy:
                    drop_memory_comments(message)
                continue
            drop_memory_comments(message)
            found = self.closest(message.id)
            if found is None:
                continue
            message.string = found.translation
            message.flags = set(message.flags) | {"fuzzy"}
            message.previous_id = [found.source]
            message.user_comments = [*message.user_comments, found.comment]
            offered += 1
        return offered


def usable(catalog: Catalog) -> list[Message]:
    """The entries a memory may offer: translated, not fuzzy, one source, no context."""
    return [m for m in catalog if m.id and isinstance(m.id, str) and not m.context
            and isinstance(m.string, str) and is_translated(m)]


def drop_memory_comments(message: Message) -> None:
    if any(is_memory_comment(c) for c in message.user_comments):
        message.user_comments = [c for c in message.user_comments
                                 if not is_memory_comment(c)]
