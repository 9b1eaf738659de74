"""`make po`: fresh templates from the English source, then every catalogue updated."""

from __future__ import annotations

from pathlib import Path

from rjguide.findings import Finding
from rjguide.library import catalogs
from rjguide.library.project import PROJECT_NAME, Project
from rjguide.translation.extract import extract_templates
from rjguide.translation.ui_strings import ui_template


def update_ui_catalogs(project: Project) -> list[Path]:
    return catalogs.update_interface(project, ui_template(), catalogs.UI_DOMAIN, PROJECT_NAME)


def update_all(project: Project) -> tuple[list[Finding], list[Path]]:
    # The source's own problems are the build's to stop on; catalogues are updated anyway.
    findings = [Finding(f.path, f.line, "warning", f.check, f.message)
                for f in extract_templates(project)]
    changed = catalogs.update_catalogs(project, PROJECT_NAME)
    changed += update_ui_catalogs(project)
    return findings, changed
