"""One Sphinx configuration for every language; the language comes from the build."""

from pathlib import Path

import rjguide
from rjguide.library.project import Project

ROOT = Path(__file__).parent.resolve()
PROJECT = Project.load(ROOT)

project = "Restorative process guidance library"
author = "Sekretariatet for konfliktrådene and partners"
copyright = "Sekretariatet for konfliktrådene (content CC BY 4.0)"
language = PROJECT.source_language
root_doc = "index"

extensions = ["myst_parser", "rjguide.site.sphinxext"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/_*", "**/.*"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []

rj_languages = list(PROJECT.languages)
rj_project_root = str(ROOT)
rj_tool_fingerprint = rjguide.fingerprint()  # a changed tool rebuilds everything

# Catalogues: one per page, compiled by rjguide (checked, fuzzy left out) before Sphinx runs.
locale_dirs = [str(PROJECT.compiled_locale_dir())]
gettext_compact = False
gettext_auto_build = False
gettext_uuid = False
gettext_location = True
gettext_additional_targets: list[str] = []

html_theme = "rjguide"
html_title = "Restorative process guidance library"
html_short_title = "Guidance library"
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_show_copyright = False
html_last_updated_fmt = None
html_permalinks_icon = "#"
html_domain_indices = False
html_use_index = False
