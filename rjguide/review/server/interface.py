"""The review server's own interface strings, in the reviewer's language.

Taken from the server's templates (Django's `templatize` turns a template into what a
gettext extractor reads) and its Python code by Babel, merged into
`locale/<lang>/LC_MESSAGES/review-server.po` beside the library's other catalogues by
`make po`, and compiled for Django when the server starts.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract

from rjguide.library import catalogs
from rjguide.library.project import PROJECT_NAME, Project

HERE = Path(__file__).parent
DOMAIN = catalogs.REVIEW_DOMAIN
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "pgettext": ((1, "c"), 2)}


def interface_template() -> Catalog:
    from django.utils.translation.template import templatize

    template = Catalog(fuzzy=False)
    sources = [(p, templatize(p.read_text(encoding="utf-8"), origin=str(p)))
               for p in sorted((HERE / "templates").rglob("*.html"))]
    sources += [(p, p.read_text(encoding="utf-8")) for p in sorted(HERE.glob("*.py"))]
    for path, text in sources:
        shown = f"rjguide/review/server/{path.relative_to(HERE).as_posix()}"
        for line, message, _comments, context in extract(
                "python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS):
            if message in template:
                template[message].locations.append((shown, line))
            else:
                template.add(message, locations=[(shown, line)], context=context)
    return template


def catalogue_path(project: Project, language: str) -> Path:
    return project.catalog_dir(language) / f"{DOMAIN}.po"


def update_interface_catalogues(project: Project) -> list[Path]:
    """`make po` for the server's interface: translations kept, changed ones fuzzy."""
    return catalogs.update_interface(project, interface_template(), DOMAIN, PROJECT_NAME)


def compile_interface(project: Project, folder: Path) -> None:
    """Each language's interface catalogue as Django reads it: <lang>/LC_MESSAGES/django.mo."""
    for language in project.target_languages:
        po = catalogue_path(project, language)
        catalog = catalogs.read_catalog(po, locale=language) if po.is_file() \
            else Catalog(locale=language)
        catalogs.compile_catalog(catalog, folder / language / "LC_MESSAGES" / "django.mo")
