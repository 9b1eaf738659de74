"""Word-level differences between two texts, for reviewers."""

from __future__ import annotations

import difflib
import re
from html import escape

TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff_html(old: str, new: str) -> str:
    """`new` with deleted words in <del> and inserted ones in <ins>."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(before[a1:a2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if operation in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return "".join(parts)


def word_diff_text(old: str, new: str) -> str:
    """The same for a terminal: [-deleted-] {+inserted+}."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append("".join(before[a1:a2]))
            continue
        if operation in ("delete", "replace"):
            parts.append(f"[-{''.join(before[a1:a2])}-]")
        if operation in ("insert", "replace"):
            parts.append(f"{{+{''.join(after[b1:b2])}+}}")
    return "".join(parts)
