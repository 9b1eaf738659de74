"""Long commands say what they are doing, and the help is written for the people using it."""

from __future__ import annotations

import io

import pytest

from rjguide.build.pipeline import STEPS, build_all, steps_to
from rjguide.cli import parser
from rjguide.progress import LiveBar, PlainLines, reporter


def test_without_a_terminal_progress_is_a_few_plain_lines_per_step():
    out = io.StringIO()
    report = PlainLines(out)
    report.step("pdf", "the PDFs", total=200)
    for _ in range(200):
        report.advance()
    report.finish("200 rendered, 0 unchanged")
    lines = out.getvalue().splitlines()
    assert lines[0] == "pdf: the PDFs"
    assert lines[1:-1] == [f"pdf: {n} of 200" for n in range(20, 201, 20)]
    assert lines[-1].startswith("pdf: done in ") and lines[-1].endswith(
        ": 200 rendered, 0 unchanged")
    assert "\r" not in out.getvalue()


def test_a_terminal_gets_a_live_bar_and_a_pipe_or_ci_gets_plain_lines(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    live = reporter(Terminal())
    assert isinstance(live, LiveBar)
    live.close()
    assert isinstance(reporter(io.StringIO()), PlainLines)
    monkeypatch.setenv("CI", "true")
    assert isinstance(reporter(Terminal()), PlainLines)


def test_the_build_names_each_of_its_steps_counts_documents_and_sums_up(fixture_project):
    out = io.StringIO()
    build_all(fixture_project, "packs", PlainLines(out))
    text = out.getvalue()
    for step in steps_to("packs"):
        assert f"{step.name}: {step.does}\n" in text
        assert f"\n{step.name}: done in " in text
    pages = len(fixture_project.docnames) * len(fixture_project.languages)
    assert f"html: {pages} of {pages}\n" in text
    assert "pages written" in text and "rendered" in text and "unchanged" in text
    again = io.StringIO()
    build_all(fixture_project, "packs", PlainLines(again))
    assert "0 rendered" in again.getvalue(), "a second build renders no PDF again"


def test_the_stage_option_offers_the_steps_of_the_pipeline():
    build = parser().parse_args(["build", "--stage", "pdf"])
    assert build.stage == "pdf"
    assert [s.name for s in steps_to("html")] == ["html"] + [s.name for s in STEPS if s.final]
    with pytest.raises(SystemExit):
        parser().parse_args(["build", "--stage", "publish"])


def test_every_command_has_help_with_an_example(capsys):
    commands = parser()._subparsers._group_actions[0].choices
    for name, command in commands.items():
        helptext = command.format_help()
        assert f"example:\n  rjguide {name}" in helptext, name
        assert command.description and not command.description.startswith("The command")
    top = parser().format_help()
    assert "examples:" in top and "The command line" not in top
