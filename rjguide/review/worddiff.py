"""Word-level differences between two texts, for reviewers."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from html import escape

TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str, same: Callable[[str], str],
              deleted: Callable[[str], str], inserted: Callable[[str], str]) -> str:
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(same("".join(before[a1:a2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(deleted("".join(before[a1:a2])))
        if operation in ("insert", "replace"):
            parts.append(inserted("".join(after[b1:b2])))
    return "".join(parts)


def word_diff_html(old: str, new: str) -> str:
    """`new` with deleted words in <del> and inserted ones in <ins>."""
    return word_diff(old, new, escape, lambda t: f"<del>{escape(t)}</del>",
                     lambda t: f"<ins>{escape(t)}</ins>")


def word_diff_text(old: str, new: str) -> str:
    """The same for a terminal: [-deleted-] {+inserted+}."""
    return word_diff(old, new, str, lambda t: f"[-{t}-]", lambda t: f"{{+{t}+}}")
