"""Renders a stage's Jinja templates in a language: every stage keeps its own in a
`templates/` folder beside its code and passes that folder here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape


def templates_of(module_file: str) -> Path:
    """The `templates/` folder beside a stage's module: `templates_of(__file__)`."""
    return Path(module_file).parent / "templates"


def render(folder: Path, name: str, gettext: Callable[[str], str] = str, **context) -> str:
    """The template `name` with `_()` translated by `gettext`; HTML is escaped, text not."""
    environment = Environment(loader=FileSystemLoader(folder),
                              extensions=["jinja2.ext.i18n"],
                              autoescape=select_autoescape(["html"]),
                              keep_trailing_newline=True)
    environment.install_gettext_callables(gettext, lambda s, p, n: s if n == 1 else p,
                                          newstyle=True)
    return environment.get_template(name).render(**context)
