"""Module metadata is validated; every problem names the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from rjguide.library.modules import load_module

GOOD = """---
id: demo
version: 1.0.0
status: draft
audience: [facilitators]
duration: 60
level: introductory
reviewed_by: []
reviewed_on:
---

# Demo
"""


def write_module(tmp_path: Path, text: str, name: str = "demo") -> Path:
    folder = tmp_path / "source" / "modules" / name
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(text, encoding="utf-8")
    return folder


def test_valid_front_matter_gives_a_module(tmp_path):
    module, findings = load_module(write_module(tmp_path, GOOD), tmp_path)
    assert findings == []
    assert module.id == "demo" and module.duration == 60 and module.status == "draft"


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("status: draft", "status: finished", 4, ["status", "finished", "draft, review"]),
        ("duration: 60", "duration: an hour", 6, ["duration", "minutes"]),
        ("level: introductory", "level: easy", 7, ["level", "easy"]),
        ("audience: [facilitators]", "audience: [everyone]", 5, ["audience", "everyone"]),
        ("id: demo", "id: other", 2, ["id", "folder"]),
        ("version: 1.0.0", "version: one", 3, ["version", "MAJOR.MINOR.PATCH"]),
        ("reviewed_on:", "reviewed_on: soon", 9, ["reviewed_on", "YYYY-MM-DD"]),
        ("level: introductory", "level: introductory\ncolour: blue", 8,
         ["unknown field", "colour"]),
    ],
)
def test_a_wrong_field_is_an_error_naming_file_line_and_field(tmp_path, old, new, line, words):
    module, findings = load_module(write_module(tmp_path, GOOD.replace(old, new)), tmp_path)
    assert module is None
    assert findings, "a wrong field must be reported"
    finding = findings[0]
    assert finding.severity == "error"
    assert finding.path == "source/modules/demo/index.md"
    assert finding.line == line
    for word in words:
        assert word in finding.message


def test_a_missing_field_is_named(tmp_path):
    text = GOOD.replace("level: introductory\n", "")
    module, findings = load_module(write_module(tmp_path, text), tmp_path)
    assert module is None
    assert any("'level'" in f.message and "missing" in f.message for f in findings)


def test_approved_needs_reviewers_and_a_date(tmp_path):
    _module, findings = load_module(
        write_module(tmp_path, GOOD.replace("status: draft", "status: approved")), tmp_path)
    assert any("reviewed_by and reviewed_on" in f.message for f in findings)


def test_front_matter_that_is_not_yaml_is_reported_with_its_line(tmp_path):
    _module, findings = load_module(
        write_module(tmp_path, GOOD.replace("duration: 60", "duration: [60")), tmp_path)
    assert findings[0].check == "module-metadata"
    assert findings[0].line is not None and findings[0].line >= 6


def test_no_front_matter_is_an_error(tmp_path):
    _module, findings = load_module(write_module(tmp_path, "# Demo\n"), tmp_path)
    assert findings[0].line == 1 and "front matter" in findings[0].message
