"""What a message's MyST markup is, read by the parser MyST itself uses (markdown-it)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

EXPLICIT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
HTML_TAG = re.compile(r"<\s*(/?\s*[A-Za-z][\w-]*)")


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution"})
    return create_md_parser(config, RendererHTML)


@dataclass
class Markup:
    """The markup of one message: what must survive translation."""

    roles: Counter = field(default_factory=Counter)        # (name, target)
    role_list: list[tuple[str, str]] = field(default_factory=list)  # (name, content), in order
    role_texts: list[str] = field(default_factory=list)
    code: Counter = field(default_factory=Counter)
    emphasis: int = 0
    strong: int = 0
    links: Counter = field(default_factory=Counter)        # href
    html: Counter = field(default_factory=Counter)         # tag names, e.g. "b", "/b"
    footnotes: Counter = field(default_factory=Counter)
    substitutions: Counter = field(default_factory=Counter)
    text: str = ""                                          # the words, markup removed
    stray_markers: Counter = field(default_factory=Counter)  # * _ ` left as literal text
    first_block: str = "paragraph"


def role_target(content: str) -> str:
    match = EXPLICIT_TARGET.match(content)
    return match["target"].strip() if match else content.strip()


@lru_cache(maxsize=4096)
def read_markup(message: str) -> Markup:
    markup = Markup()
    tokens = parser().parse(message)
    blocks = [t for t in tokens if t.nesting >= 0 and t.type != "inline"]
    if blocks:
        markup.first_block = blocks[0].type.removesuffix("_open")
    words = []
    for block in tokens:
        if block.type in ("html_block",):
            for tag in HTML_TAG.findall(block.content):
                markup.html[tag.replace(" ", "").lower()] += 1
        if block.type != "inline" or not block.children:
            continue
        for token in block.children:
            kind = token.type
            if kind == "myst_role":
                name = token.meta.get("name", "")
                markup.roles[(name, role_target(token.content))] += 1
                markup.role_list.append((name, token.content))
                explicit = EXPLICIT_TARGET.match(token.content)
                if explicit:
                    markup.role_texts.append(explicit["text"])
            elif kind == "code_inline":
                markup.code[token.content] += 1
            elif kind == "em_open":
                markup.emphasis += 1
            elif kind == "strong_open":
                markup.strong += 1
            elif kind == "link_open":
                markup.links[token.attrs.get("href", "")] += 1
            elif kind == "html_inline":
                for tag in HTML_TAG.findall(token.content):
                    markup.html[tag.replace(" ", "").lower()] += 1
            elif kind == "footnote_ref":
                markup.footnotes[token.meta.get("label", "")] += 1
            elif kind == "substitution_inline":
                markup.substitutions[token.content.strip()] += 1
            elif kind == "text":
                words.append(token.content)
                for marker in ("**", "*", "__", "`"):
                    markup.stray_markers[marker] += token.content.count(marker)
            elif kind in ("softbreak", "hardbreak"):
                words.append(" ")
    markup.text = "".join(words)
    return markup
