"""No new URLs or raw HTML: a translation may translate a link's text, never add or change
its target, and may not bring HTML the source lacks (no injected link or script)."""

from __future__ import annotations

from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue


def link_targets(entry: Entry) -> Iterable[Issue]:
    source, translation = read_markup(entry.source).links, read_markup(entry.translation).links
    for href in (translation - source).elements():
        yield Issue("link", "error", f"the link target '{href}' is not in the source; a "
                                     "translation may change a link's text, never its target")
    for href in (source - translation).elements():
        yield Issue("link", "error", f"the link to '{href}' of the source is missing")


def raw_html(entry: Entry) -> Iterable[Issue]:
    source, translation = read_markup(entry.source).html, read_markup(entry.translation).html
    for tag in sorted((translation - source).elements()):
        yield Issue("html", "error", f"the HTML tag <{tag}> is not in the source; a "
                                     "translation may not add HTML")
    for tag in sorted((source - translation).elements()):
        yield Issue("html", "error", f"the HTML tag <{tag}> of the source is missing")


CHECKS = (link_targets, raw_html)
