"""The build on a small fixture library: what it makes, how it fails, what it leaves."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rjguide.build.site import build_html
from rjguide.cli import main
from rjguide.findings import BuildError


def run_cli(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rjguide.cli", "--root", str(project.root), *args],
                          capture_output=True, text=True)


def test_builds_every_language_and_a_language_chooser(fixture_project):
    assert build_html(fixture_project) == []
    site = fixture_project.site_dir
    for language in ("en", "nb"):
        page = (site / language / "modules" / "demo" / "index.html").read_text()
        assert f'<html lang="{language}"' in page
    chooser = (site / "index.html").read_text()
    assert 'href="en/index.html"' in chooser and 'href="nb/index.html"' in chooser


def test_untranslated_text_is_marked_and_shown_in_the_source_language(fixture_project):
    build_html(fixture_project)
    page = (fixture_project.site_dir / "nb" / "modules" / "demo" / "index.html").read_text()
    assert "<p>Det første avsnittet er oversatt.</p>" in page
    assert '<p class="untranslated" lang="en">The second paragraph is not translated.</p>' in page
    assert 'class="rj-progress"' in page


def test_term_references_link_to_the_glossary_with_a_definition(fixture_project):
    build_html(fixture_project)
    page = (fixture_project.site_dir / "nb" / "index.html").read_text()
    module = (fixture_project.site_dir / "nb" / "modules" / "demo" / "index.html").read_text()
    assert "glossary.html#rj-term-mediation" in module
    assert 'role="tooltip"' in module and "aria-describedby=" in module
    assert page


def test_invalid_front_matter_stops_the_build_with_file_line_and_field(fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("status: draft", "status: done"))
    result = run_cli(fixture_project, "html")
    assert result.returncode == 1
    assert "source/modules/demo/index.md:4: error: module-metadata: field 'status'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_sphinx_warning_is_an_error_with_its_place(fixture_project):
    index = fixture_project.source_dir / "index.md"
    index.write_text(index.read_text().replace("catalogue\n", "catalogue\nno-such-page\n"))
    with pytest.raises(BuildError) as error:
        build_html(fixture_project)
    finding = error.value.findings[0]
    assert finding.path == "source/index.md" and finding.line
    assert "no-such-page" in finding.message and finding.severity == "error"


def test_a_reference_to_an_unknown_term_is_an_error(fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("{term}`mediation`", "{term}`arbitration`"))
    with pytest.raises(BuildError) as error:
        build_html(fixture_project)
    assert any(f.check == "term" and "arbitration" in f.message for f in error.value.findings)


def test_an_unknown_language_is_a_usage_error_without_traceback(fixture_project):
    result = run_cli(fixture_project, "html", "--language", "no")
    assert result.returncode == 1
    assert "unknown language 'no'" in result.stderr and "Traceback" not in result.stderr


def test_a_malformed_catalogue_stops_the_build_with_its_line(fixture_project):
    po = fixture_project.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text() + '\nmsgid "Unterminated\nmsgstr ""\n')
    assert main(["--root", str(fixture_project.root), "html"]) == 1


def test_a_failed_build_leaves_the_previous_site_intact(fixture_project):
    build_html(fixture_project)
    page = fixture_project.site_dir / "nb" / "modules" / "demo" / "index.html"
    before = page.read_bytes()
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("The second paragraph", "A changed paragraph")
                     .replace("{term}`mediation`", "{term}`nothing-like-it`"))
    with pytest.raises(BuildError):
        build_html(fixture_project)
    assert page.read_bytes() == before


def test_a_second_build_without_changes_rewrites_nothing(fixture_project):
    build_html(fixture_project)
    files = {p: p.stat().st_mtime_ns for p in fixture_project.site_dir.rglob("*") if p.is_file()}
    build_html(fixture_project)
    after = {p: p.stat().st_mtime_ns for p in fixture_project.site_dir.rglob("*") if p.is_file()}
    assert after == files
