"""Starts Django for the command line and the server: settings, then the database brought
up to date with the app's migrations."""

from __future__ import annotations

import os
from pathlib import Path


def start(project_root: Path, migrate: bool = True) -> None:
    os.environ["RJGUIDE_PROJECT_ROOT"] = str(project_root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rjguide.review.server.settings")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    from rjguide.library.project import Project
    from rjguide.review.server.interface import compile_interface

    compile_interface(Project.load(project_root), settings.DATA / "locale")
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
