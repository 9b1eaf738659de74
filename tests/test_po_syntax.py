"""Catalogue syntax: each fault a malformed catalogue can have is an error with its line,
in agreement with msgfmt; a correct catalogue passes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from rjguide.checks.po_syntax import check_syntax

from conftest import need

HEADER = ('msgid ""\nmsgstr ""\n"Language: nb\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
          '"Content-Type: text/plain; charset=utf-8\\n"\n\n')
FAULTS = {
    "unterminated string": HEADER + 'msgid "A"\nmsgstr "B\n',
    "bad escape": HEADER + 'msgid "A"\nmsgstr "B\\q"\n',
    "duplicate entry": HEADER + 'msgid "A"\nmsgstr "B"\n\nmsgid "A"\nmsgstr "C"\n',
    "wrong plural forms": HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "en"\n'
                                   'msgstr[1] "flere"\nmsgstr[2] "mange"\n',
    "wrong language": HEADER.replace("Language: nb", "Language: no") + 'msgid "A"\nmsgstr "B"\n',
    "wrong plural header": HEADER.replace("nplurals=2; plural=(n != 1);",
                                          "nplurals=1; plural=0;") + 'msgid "A"\nmsgstr "B"\n',
    "no charset": HEADER.replace('"Content-Type: text/plain; charset=utf-8\\n"\n', "")
                  + 'msgid "A"\nmsgstr "B"\n',
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.po"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_malformed_catalogue_is_an_error_with_its_line(tmp_path, fault):
    findings = check_syntax(write(tmp_path, FAULTS[fault]), tmp_path, "nb")
    assert findings, fault
    assert all(f.severity == "error" and f.path == "page.po" for f in findings)
    assert findings[0].line is not None and findings[0].line >= 1


@pytest.mark.parametrize("fault", ["unterminated string", "bad escape", "duplicate entry",
                                   "wrong plural forms"])
def test_msgfmt_agrees(tmp_path, fault):
    need(shutil.which("msgfmt") is not None, "msgfmt (Debian package gettext) is not installed")
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null",
                             str(write(tmp_path, FAULTS[fault]))], capture_output=True)
    assert result.returncode != 0


def test_a_correct_catalogue_passes(tmp_path):
    text = HEADER + 'msgid "A"\nmsgstr "B «sitat» og \\"quote\\""\n'
    assert check_syntax(write(tmp_path, text), tmp_path, "nb") == []


def test_a_catalogue_msgfmt_rejects_is_still_checked_where_it_can_be_read(fixture_project):
    """One broken entry no longer hides the faults of the others: msgfmt's finding, the
    other entries' findings, and a word that the catalogue was checked only in part."""
    from rjguide.checks.runner import check_project

    need(shutil.which("msgfmt") is not None, "msgfmt (Debian package gettext) is not installed")
    po = fixture_project.catalog_dir("nb") / "broken.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(HEADER + 'msgid "Wait 10 minutes."\nmsgstr "Vent 15 minutter."\n\n'
                  'msgid "A"\nmsgstr "B\\q"\n', encoding="utf-8")
    shown = str(po.relative_to(fixture_project.root))
    findings = [f for f in check_project(fixture_project).findings if f.path == shown]
    assert {(f.check, f.severity) for f in findings} >= {("po-syntax", "error"),
                                                         ("numbers", "error")}
    assert any(f.message.startswith("checked only in part: the 2 entries")
               and f.severity == "warning" for f in findings)
