"""The library as data: where things are, which languages there are."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rjguide.findings import BuildError, Finding

SOURCE_SUFFIX = ".md"
PROJECT_NAME = "Restorative process guidance library"


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[str, ...]

    @classmethod
    def load(cls, root: Path) -> Project:
        root = root.resolve()
        pyproject = root / "pyproject.toml"
        try:
            config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["rjguide"]
            languages = tuple(config["languages"])
        except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
            raise BuildError(
                [Finding(str(pyproject), None, "error", "config",
                         f"cannot read [tool.rjguide] languages ({exc}); "
                         "list the languages there, the source language first")]
            ) from None
        return cls(root, languages)

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def target_languages(self) -> tuple[str, ...]:
        return self.languages[1:]

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def modules_dir(self) -> Path:
        return self.source_dir / "modules"

    @property
    def locale_dir(self) -> Path:
        return self.root / "locale"

    @property
    def glossary_dir(self) -> Path:
        return self.root / "glossary"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def site_dir(self) -> Path:
        return self.exports_dir / "site"

    @property
    def reports_dir(self) -> Path:
        return self.exports_dir / "reports"

    @property
    def cache_dir(self) -> Path:
        """Work files the build keeps between runs; never published."""
        return self.exports_dir / ".cache"

    def catalog_dir(self, language: str) -> Path:
        return self.locale_dir / language / "LC_MESSAGES"

    def compiled_locale_dir(self) -> Path:
        return self.cache_dir / "locale"

    @cached_property
    def docnames(self) -> tuple[str, ...]:
        """Every source page as Sphinx names it (path without suffix, with slashes)."""
        return tuple(sorted(
            p.relative_to(self.source_dir).with_suffix("").as_posix()
            for p in self.source_dir.rglob(f"*{SOURCE_SUFFIX}")
            if not any(part.startswith((".", "_")) for part in p.relative_to(self.source_dir).parts)
        ))

    def source_path(self, docname: str) -> Path:
        return self.source_dir / f"{docname}{SOURCE_SUFFIX}"

    def catalog_path(self, language: str, docname: str) -> Path:
        return self.catalog_dir(language) / f"{docname}.po"

    def check_language(self, language: str) -> None:
        if language not in self.languages:
            raise BuildError([Finding(
                "pyproject.toml", None, "error", "language",
                f"unknown language '{language}'; the project has {', '.join(self.languages)} "
                "(add a language to [tool.rjguide] languages and create locale/<lang>/)",
            )])
