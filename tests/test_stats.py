"""`make stats`: honest figures per module and language, a JSON report, a CI gate, and the
dashboard page and badges built from the same figures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rjguide.build.site import build_html
from rjguide.translation.po import update_all
from rjguide.translation.stats import LIBRARY_PAGES, language_totals, progress


def run_stats(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rjguide.cli", "--root", str(project.root),
                           "stats", *args], capture_output=True, text=True)


@pytest.fixture
def counted(fixture_project):
    update_all(fixture_project)
    return fixture_project


def module_row(project, module="demo", language="nb"):
    return next(r for r in progress(project) if r.module == module and r.language == language)


def test_translated_messages_and_words_are_counted_per_module(counted):
    row = module_row(counted)
    # The fixture translates the title and one paragraph of the demo module's page; make po
    # offers the paragraph's translation for the similar second paragraph, marked fuzzy.
    assert (row.counts.translated, row.counts.fuzzy) == (2, 1)
    assert row.counts.untranslated == row.counts.total - 3
    assert row.counts.translated_words == len(["Demo", "module"]) + \
        len(["The", "first", "paragraph", "is", "translated."])


def test_fuzzy_never_counts_as_translated(counted):
    po = counted.catalog_path("nb", "modules/demo/index")
    text = po.read_text().replace('msgid "Demo module"', '#, fuzzy\nmsgid "Demo module"')
    po.write_text(text)
    row = module_row(counted)
    assert (row.counts.translated, row.counts.fuzzy) == (1, 2)


def test_a_copy_of_the_source_counts_only_when_there_is_nothing_to_translate(counted):
    po = counted.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text().replace('msgstr "Demomodul"', 'msgstr "Demo module"'))
    assert module_row(counted).counts.translated == 1


def test_stats_print_a_table_write_json_and_gate_ci(counted):
    result = run_stats(counted)
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout and "nb" in result.stdout
    report = json.loads((counted.reports_dir / "stats.json").read_text())
    demo = next(m for m in report["modules"] if m["module"] == "demo")
    assert demo["messages"]["translated"] == 2 and 0 < demo["share"] < 1
    share = language_totals(progress(counted))["nb"].share * 100
    assert run_stats(counted, "--fail-under", f"nb={share - 1:.0f}").returncode == 0
    failing = run_stats(counted, "--fail-under", "nb=99")
    assert failing.returncode == 1
    assert "error: stats: nb is" in failing.stderr and "under the 99 % required" in failing.stderr
    assert run_stats(counted, "--fail-under", "nb=lots").returncode == 2


def test_the_library_pages_are_a_group_of_their_own(counted):
    groups = {row.module for row in progress(counted)}
    assert groups == {"demo", LIBRARY_PAGES}


def test_the_dashboard_page_shows_the_figures_and_a_badge_per_module_and_language(counted):
    status = counted.source_dir / "translation-status.md"
    status.write_text("# Status\n\n```{translation-dashboard}\n```\n")
    index = counted.source_dir / "index.md"
    index.write_text(index.read_text().replace("glossary\n", "glossary\ntranslation-status\n"))
    update_all(counted)
    build_html(counted)
    page = (counted.site_dir / "nb" / "translation-status.html").read_text()
    assert "rj-dashboard" in page and 'src="../nb/_static/badges/demo-nb.svg"' in page
    badge = (counted.site_dir / "nb" / "_static" / "badges" / "demo-nb.svg").read_text()
    share = module_row(counted).counts.share
    assert f"{share * 100:.0f} %" in badge and "<title>" in badge
