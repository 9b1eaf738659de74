"""Each link keeps its own target: a translation may reorder the links of a message, but a
link's target must stay with the words that stand for it.

links.py already reports a target that is missing or added; what it cannot see is two
targets swapped between two links ("See [the guide](a.md) and [the form](b.md)." →
"Se [veiledningen](b.md) og [skjemaet](a.md)."), where every target is still there but
the reader who clicks "veiledningen" lands on the form. Both Markdown links and roles with
a target (`{doc}`text <target>``, `{ref}`label``, `{term}`…``) are compared.

When the order of the targets differs from the source's, the translated link texts are
paired with the source's by similarity (rapidfuzz): if every moved text is clearly most like
the source text whose target it now carries, the words were reordered and all is well;
otherwise the targets may have been swapped, an error. When the order is the same, a text
that plainly is another link's source text (a name kept as it is) is also an error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from rjguide.checks.markup_tokens import EXPLICIT_TARGET, parser, role_target
from rjguide.checks.model import Entry, Issue

CHECK = "link-order"
# A moved text is confirmed as reordered when it resembles its own source text at least
# this much (rapidfuzz ratio, 0–100) ...
CONFIRM_SCORE = 50
# ... and by this much more than any other link's source text.
CONFIRM_MARGIN = 20
# With the order unchanged, a text this like another link's source text (and this much
# more than its own) is that other link's text under the wrong target.
SWAP_SCORE = 85
SWAP_MARGIN = 25


@dataclass(frozen=True)
class Link:
    target: tuple[str, str]  # ("link", href) or (role name, target)
    text: str

    @property
    def shown(self) -> str:
        kind, target = self.target
        return target if kind == "link" else f"{{{kind}}} {target}"


def links_in(message: str) -> list[Link]:
    """The message's links and target-bearing roles, in reading order."""
    found: list[Link] = []
    for block in parser().parse(message):
        if block.type != "inline" or not block.children:
            continue
        href, words = None, []
        for token in block.children:
            if token.type == "link_open":
                href, words = token.attrs.get("href", ""), []
            elif token.type == "link_close" and href is not None:
                found.append(Link(("link", str(href)), "".join(words).strip()))
                href = None
            elif token.type == "myst_role":
                explicit = EXPLICIT_TARGET.match(token.content)
                text = explicit["text"] if explicit else token.content
                name = token.meta.get("name", "")
                found.append(Link((name, role_target(token.content)), text.strip()))
                if href is not None:
                    words.append(text)
            elif href is not None and token.type in ("text", "code_inline"):
                words.append(token.content)
    return found


def _common(links: list[Link], other: list[Link]) -> list[Link]:
    """The links whose target the other side also has (as many times as both have it)."""
    room = Counter(link.target for link in other)
    kept = []
    for link in links:
        if room[link.target] > 0:
            room[link.target] -= 1
            kept.append(link)
    return kept


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b, processor=utils.default_process)


def _scores(link: Link, source: list[Link]) -> tuple[float, float]:
    """How like its own source text a link's text is, and how like the best other one."""
    own = max((similarity(link.text, s.text) for s in source if s.target == link.target),
              default=0.0)
    other = max((similarity(link.text, s.text) for s in source if s.target != link.target),
                default=0.0)
    return own, other


def _pointing(link: Link, source: list[Link]) -> str:
    given = next(s for s in source if s.target == link.target)
    return f"'{link.text}' now points to '{link.shown}', which the source gives to '{given.text}'"


def _swapped(moved: list[Link], source: list[Link]) -> Issue:
    return Issue(CHECK, "error",
                 "a link text may have lost its own target: "
                 + "; ".join(_pointing(link, source) for link in moved)
                 + ". Give each text its own target again; if only the words were reordered, "
                 "add a translator comment `# link-order-ok: <why>`")


def link_order(entry: Entry) -> Iterable[Issue]:
    all_source, all_translation = links_in(entry.source), links_in(entry.translation)
    source = _common(all_source, all_translation)
    translation = _common(all_translation, all_source)
    if len({link.target for link in source}) < 2:
        return
    order = [link.target for link in source]
    doubtful = []
    if [link.target for link in translation] != order:
        for position, link in enumerate(translation):
            if link.target == order[position]:
                continue  # not moved
            own, other = _scores(link, source)
            if own < CONFIRM_SCORE or own - other < CONFIRM_MARGIN:
                doubtful.append(link)
    else:
        for link in translation:
            own, other = _scores(link, source)
            if other >= SWAP_SCORE and other - own >= SWAP_MARGIN:
                doubtful.append(link)
    if doubtful:
        yield _swapped(doubtful, source)


CHECKS = (link_order,)
