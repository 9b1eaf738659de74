"""The library as the server reads it: the project, its modules, the termbase and each
module's review page, each made again only when a file it comes from changed. A reviewer
opens the same page after every decision; parsing every catalogue, ledger file and front
matter again each time would make the page wait under load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

from rjguide.library.catalogs import template_path
from rjguide.library.ledger import review_dir
from rjguide.library.modules import Module, load_modules
from rjguide.library.project import Project
from rjguide.library.termbase import Termbase, load_termbase
from rjguide.memo import FileMemo
from rjguide.review.documents import ReviewDocument, build_review, module_pages

MEMO = FileMemo(size=128)


@lru_cache(maxsize=1)
def project() -> Project:
    return Project.load(settings.PROJECT_ROOT)


def termbase_files() -> list[Path]:
    folder = project().glossary_dir / "concepts"
    return [folder, *sorted(folder.glob("*.yaml"))]


def current_termbase() -> Termbase:
    return MEMO.get("termbase", termbase_files(), lambda: load_termbase(project())[0])


def known_modules() -> dict[str, Module]:
    folder = project().modules_dir
    files = [folder, *sorted(folder.glob("*/index.md"))]
    return MEMO.get("modules", files, lambda: {
        module.id: module for module in load_modules(project())[0]})


def review_inputs(module: Module, language: str) -> list[Path]:
    """Every file a module's review page is made from, in one language."""
    files = [module.path, project().root / "locale" / "reviewers.yaml", *termbase_files()]
    for docname in module_pages(project(), module):
        folder = review_dir(project(), language, docname)
        files += [template_path(project(), docname), project().catalog_path(language, docname),
                  project().source_path(docname), folder,
                  *(sorted(folder.glob("*.yaml")) if folder.is_dir() else [])]
    return files


def review_page(module: Module, language: str, since: str | None, accounts: set[str],
                shape) -> tuple[ReviewDocument, list]:
    """A module's review document and its messages as the page shows them (`shape` turns
    the document into the page's items), kept while none of its files changed."""
    def make():
        document = build_review(project(), module, language, current_termbase(), since,
                                accounts)
        return document, shape(document)

    key = ("review", module.id, language, since, frozenset(accounts))
    return MEMO.get(key, review_inputs(module, language), make)
