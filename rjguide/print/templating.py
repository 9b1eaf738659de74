"""Renders the templates of printed and generated documents in a language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


def render(name: str, gettext: Callable[[str], str] = str, **context) -> str:
    """The template `name` with `_()` translated by `gettext`; HTML is escaped, text not."""
    environment = Environment(loader=FileSystemLoader(TEMPLATES),
                              extensions=["jinja2.ext.i18n"],
                              autoescape=select_autoescape(["html"]),
                              keep_trailing_newline=True)
    environment.install_gettext_callables(gettext, lambda s, p, n: s if n == 1 else p,
                                          newstyle=True)
    return environment.get_template(name).render(**context)
