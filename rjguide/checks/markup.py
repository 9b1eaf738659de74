"""MyST markup preserved: roles and their targets, inline code, emphasis and strong,
footnote references and substitutions must match the source."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rjguide.checks.markup_tokens import read_markup
from rjguide.checks.model import Entry, Issue


def _difference(source: Counter, translation: Counter) -> tuple[list, list]:
    missing = list((source - translation).elements())
    extra = list((translation - source).elements())
    return missing, extra


def roles(entry: Entry) -> Iterable[Issue]:
    missing, extra = _difference(read_markup(entry.source).roles,
                                 read_markup(entry.translation).roles)
    for name, target in missing:
        yield Issue("myst-role", "error",
                    f"the role {{{name}}}`{target}` of the source is missing; keep the role "
                    f"and its target (`text <{target}>` lets you change the words shown)")
    for name, target in extra:
        yield Issue("myst-role", "error",
                    f"the role {{{name}}}`{target}` is not in the source")


def inline_code(entry: Entry) -> Iterable[Issue]:
    missing, extra = _difference(read_markup(entry.source).code,
                                 read_markup(entry.translation).code)
    for code in missing:
        yield Issue("myst-code", "error", f"the inline code `{code}` of the source is missing "
                                          "or changed; code is copied as it is")
    for code in extra:
        yield Issue("myst-code", "error", f"the inline code `{code}` is not in the source")


def emphasis(entry: Entry) -> Iterable[Issue]:
    source, translation = read_markup(entry.source), read_markup(entry.translation)
    for kind, label in (("emphasis", "*emphasis*"), ("strong", "**strong**")):
        have, want = getattr(translation, kind), getattr(source, kind)
        if have != want:
            yield Issue("myst-emphasis", "error",
                        f"the source has {want} {label} span(s), the translation {have}")
    for marker in ("**", "*", "__", "`"):
        if translation.stray_markers[marker] > source.stray_markers[marker]:
            yield Issue("myst-emphasis", "error",
                        f"an unmatched '{marker}' is left in the translation: close it or "
                        "remove it")


def footnotes(entry: Entry) -> Iterable[Issue]:
    missing, extra = _difference(read_markup(entry.source).footnotes,
                                 read_markup(entry.translation).footnotes)
    for label in missing:
        yield Issue("myst-footnote", "error", f"the footnote reference [^{label}] is missing")
    for label in extra:
        yield Issue("myst-footnote", "error", f"the footnote reference [^{label}] is not in "
                                              "the source")


def substitutions(entry: Entry) -> Iterable[Issue]:
    missing, extra = _difference(read_markup(entry.source).substitutions,
                                 read_markup(entry.translation).substitutions)
    for name in missing:
        yield Issue("myst-substitution", "error",
                    f"the substitution {{{{ {name} }}}} is missing; keep it as it is")
    for name in extra:
        yield Issue("myst-substitution", "error",
                    f"the substitution {{{{ {name} }}}} is not in the source")


CHECKS = (roles, inline_code, emphasis, footnotes, substitutions)
