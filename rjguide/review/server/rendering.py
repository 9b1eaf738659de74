"""A message as a reader sees it: roles as their words, emphasis as emphasis, links as
links; any HTML in a translation shown as text, never run."""

from __future__ import annotations

import re

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
LABELLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
# CommonMark without raw HTML: tags in the text are escaped; markdown-it refuses
# javascript:, vbscript:, file: and data: links of its own accord.
MARKDOWN = MarkdownIt("commonmark", {"html": False})


def role_words(text: str, term_text) -> str:
    """`{term}`text <id>`` → text; `{term}`id`` → the term's words; other roles → their body."""
    def words(match: re.Match) -> str:
        body = match["body"]
        labelled = LABELLED.match(body)
        if labelled:
            return labelled["text"]
        return term_text(body) if match["role"] == "term" else body
    return ROLE.sub(words, text)


def as_readers_see(text: str, term_text=lambda concept: concept) -> SafeString:
    return mark_safe(MARKDOWN.renderInline(role_words(text, term_text)))
