"""Random mutations of real translations through every message check and the compile step
(hypothesis): no exception escapes, and every finding still names its entry."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from functools import lru_cache

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rjguide.checks.runner import catalogue_entries, check_entry, is_ui_catalogue
from rjguide.library.catalogs import clear_format_flags, compile_catalog, serialise
from rjguide.library.project import Project
from rjguide.library.termbase import load_termbase

from conftest import ROOT

# What translators' slips and editors' accidents put into a msgstr: markup, brackets,
# quotes, escapes, line breaks, digits, Norwegian letters.
PIECES = st.sampled_from(["*", "**", "_", "`", "{", "}", "[", "]", "(", ")", "<", ">", ":::",
                          "{note}", "```", "#", "- ", "1. ", "|", "\n", "\n\n", "\\", '"',
                          "«", "»", "'", "%", "$$", "(x)=", ": ", "[^1]", "{{ x }}", "ikke",
                          "ikkje", "1 000", "1,000", "æøå", "\t", " ", "…", "\u00a0"])


@lru_cache(maxsize=1)
def real_entries() -> list:
    project = Project.load(ROOT)
    entries = []
    for language in project.target_languages:
        for po in sorted(project.catalog_dir(language).rglob("*.po")):
            if not is_ui_catalogue(project, po, language):
                entries += list(catalogue_entries(project, po, language))
    return entries[::7]   # a spread over every page and both languages


@lru_cache(maxsize=1)
def termbase():
    return load_termbase(Project.load(ROOT))[0]


@st.composite
def mutated(draw):
    entry = draw(st.sampled_from(real_entries()))
    text = entry.translation
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "double", "cut"]))
        if kind == "insert":
            text = text[:at] + draw(PIECES) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)):]
        elif kind == "double":
            text = text[:at] + text[at:at + 12] + text[at:]
        else:
            text = text[:at]
    return entry, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_every_check_takes_any_mutation_and_names_its_entry(case):
    from dataclasses import replace

    entry, text = case
    result = check_entry(replace(entry, translation=text), termbase())
    for finding in result.findings:
        assert (finding.path, finding.line) == (entry.path, entry.line)
        assert finding.severity in ("error", "warning") and finding.message.startswith("«")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_compile_step_takes_any_mutation(tmp_path_factory, case):
    entry, text = case
    catalog = Catalog(locale=entry.language)
    catalog.add(entry.source, text)
    clear_format_flags(catalog)   # as make po does: content is not a format string
    written = serialise(catalog)
    again = read_po(io.BytesIO(written), locale=entry.language)
    assert again.get(entry.source).string == text          # the catalogue keeps it whole
    folder = tmp_path_factory.mktemp("mo")
    compile_catalog(again, folder / "page.mo")
    with (folder / "page.mo").open("rb") as handle:
        shown = gettext.GNUTranslations(handle).gettext(entry.source)
    assert shown == (text or entry.source)
    if shutil.which("msgfmt"):
        checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", "-"],
                                 input=written, capture_output=True)
        assert checked.returncode == 0, checked.stderr.decode()
