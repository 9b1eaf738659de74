"""What the checks take and give: one translated entry in, issues out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One translated catalogue entry, as the checks see it."""

    source: str
    translation: str
    language: str
    source_language: str
    comments: tuple[str, ...]
    path: str
    line: int | None


@dataclass(frozen=True)
class Issue:
    check: str
    severity: str
    message: str
    concept: str | None = None  # what a terminology-ok comment may name
    silenceable: bool = True    # False: no translator comment may silence it (forbidden)
