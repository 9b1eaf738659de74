"""Bad input from a newcomer's first hour: every mistake is a finding `path:line: error:
check: message` that says what is wrong and what to do, with exit code 1, never an
"internal error"; a name typed on the command line never reaches outside the library;
`make po` keeps a fuzzy entry's previous source until it is translated."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rjguide.cli import main

FINDING = re.compile(r"^(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+))?: error: "
                     r"(?P<check>[\w-]+): (?P<message>.+)$", re.MULTILINE)
INDEX_PO = "locale/nb/LC_MESSAGES/modules/demo/index.po"
LEDGER = "locale/nb/LC_MESSAGES/modules/demo/index.approvals.yaml"


@pytest.fixture(autouse=True)
def no_debug(monkeypatch):
    monkeypatch.delenv("RJGUIDE_DEBUG", raising=False)  # an internal error must show as one


def run(capsys, project, *argv: str) -> tuple[int, list[dict]]:
    """The command line as a person types it: exit code and the error findings printed."""
    code = main(["--root", str(project.root), *argv])
    captured = capsys.readouterr()
    assert "internal error" not in captured.err + captured.out
    return code, [m.groupdict() for m in FINDING.finditer(captured.err)]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# 1. Names from the command line are looked up in the library, never made into paths

@pytest.fixture
def outside(fixture_project):
    """Module-like folders next to the project copy and inside it, outside source/modules."""
    index = (fixture_project.modules_dir / "demo" / "index.md").read_text()
    folders = [fixture_project.root.parent / "outside", fixture_project.root / "outside"]
    for folder in folders:
        folder.mkdir()
        (folder / "index.md").write_text(index.replace("id: demo", "id: outside"))
    return folders


@pytest.mark.parametrize("module_id", ["../../../outside", "../../outside",
                                       "demo/../../../../outside", "ABSOLUTE"])
def test_status_takes_a_module_only_from_the_library_and_writes_nothing_outside_it(
        capsys, fixture_project, outside, module_id):
    module_id = str(outside[0]) if module_id == "ABSOLUTE" else module_id
    before = {folder: tree(folder) for folder in [*outside, fixture_project.source_dir]}
    code, findings = run(capsys, fixture_project, "status", module_id, "review")
    assert code == 1
    assert [(f["path"], f["check"]) for f in findings] == [("source/modules", "module")]
    assert f"there is no module '{module_id}'" in findings[0]["message"]
    assert "demo" in findings[0]["message"]
    assert {folder: tree(folder) for folder in before} == before


def test_approve_takes_a_module_only_from_the_library_and_writes_nothing_outside_it(
        capsys, fixture_project, outside):
    before = {folder: tree(folder) for folder in [*outside, fixture_project.locale_dir]}
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "../../../outside", "--by", "Kari")
    assert code == 1 and [f["check"] for f in findings] == ["module"]
    assert {folder: tree(folder) for folder in before} == before


def test_an_unknown_module_is_answered_with_the_closest_and_every_known_module(
        capsys, fixture_project):
    code, findings = run(capsys, fixture_project, "status", "dmo", "review")
    assert code == 1
    assert "did you mean 'demo'?" in findings[0]["message"]
    assert findings[0]["message"].endswith("source/modules/: demo")


def test_a_module_whose_front_matter_is_wrong_is_named_with_what_is_wrong(
        capsys, fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("level: introductory", "level: expert"))
    code, findings = run(capsys, fixture_project, "status", "demo", "review")
    assert code == 1
    assert (findings[0]["path"], findings[0]["line"]) == ("source/modules/demo/index.md", "7")
    assert "'expert' is not one of" in findings[0]["message"]


def test_a_reviewer_name_with_a_comma_stays_one_reviewer(capsys, fixture_project):
    assert run(capsys, fixture_project, "status", "demo", "review")[0] == 0
    code, _ = run(capsys, fixture_project, "status", "demo", "approved",
                  "--reviewer", "Nordmann, Kari", "--reviewer", "Ola", "--date", "2026-11-20")
    assert code == 0
    text = (fixture_project.modules_dir / "demo" / "index.md").read_text()
    assert "reviewed_by: ['Nordmann, Kari', Ola]" in text


@pytest.mark.parametrize("argv", [
    ["approve", "--language", "../x", "--module", "demo", "--by", "Kari"],
    ["approve", "--language", "../../../x", "--module", "demo", "--by", "Kari"],
    ["html", "--language", "../x"],
])
def test_a_language_is_checked_against_the_project_before_any_path_is_made(
        capsys, fixture_project, argv):
    before = tree(fixture_project.root.parent)
    code, findings = run(capsys, fixture_project, *argv)
    assert code == 1
    assert [(f["path"], f["check"]) for f in findings] == [("pyproject.toml", "language")]
    assert "unknown language '" in findings[0]["message"]
    after = tree(fixture_project.root.parent)
    assert {k: v for k, v in after.items() if "/exports/" not in f"/{k}"} == before


def test_the_source_language_has_nothing_to_approve(capsys, fixture_project):
    code, findings = run(capsys, fixture_project, "approve", "--language", "en",
                         "--module", "demo", "--by", "Kari")
    assert code == 1 and "is the source language" in findings[0]["message"]


# 2. `make po` keeps a fuzzy entry's previous source until it is translated

def entry_block(project, message_id: str) -> str:
    text = (project.root / INDEX_PO).read_text()
    return next(b for b in text.split("\n\n") if f'\nmsgid "{message_id}"' in f"\n{b}")


def test_a_fuzzy_entry_keeps_its_previous_source_at_every_update_until_translated(
        capsys, fixture_project):
    index = fixture_project.modules_dir / "demo" / "index.md"
    index.write_text(index.read_text().replace("The first paragraph is translated.",
                                               "The first paragraph is now translated."))
    previous = '#| msgid "The first paragraph is translated."'
    runs = []
    for _ in range(3):
        assert run(capsys, fixture_project, "po")[0] == 0
        block = entry_block(fixture_project, "The first paragraph is now translated.")
        assert "#, fuzzy" in block and previous in block
        runs.append(tree(fixture_project.locale_dir))
    assert runs[0] == runs[1] == runs[2]

    po = fixture_project.root / INDEX_PO
    po.write_text(po.read_text().replace(f"#, fuzzy\n{previous}\nmsgid \"The first paragraph "
                                         "is now", f"{previous}\nmsgid \"The first paragraph "
                                         "is now"))
    assert run(capsys, fixture_project, "po")[0] == 0
    block = entry_block(fixture_project, "The first paragraph is now translated.")
    assert "#, fuzzy" not in block and "#|" not in block
    assert 'msgstr "Det første avsnittet er oversatt."' in block


# 3a. A broken approvals ledger is a finding at the line of the entry

@pytest.fixture
def ledger(capsys, fixture_project) -> Path:
    """The demo module's ledger as `rjguide approve` writes it: two entries, at lines 4
    and 10 under the three-line header."""
    run(capsys, fixture_project, "approve", "--language", "nb", "--module", "demo",
        "--by", "Kari", "--date", "2026-11-20")
    path = fixture_project.root / LEDGER
    lines = path.read_text().splitlines()
    assert lines[3].startswith("- source: Demo module") and lines[9].startswith("- source:")
    return path


def second_entry(text: str, old: str, new: str) -> str:
    head, _, tail = text.partition("- source: The first")
    return head + "- source: The first" + tail.replace(old, new, 1)


def conflict(text: str) -> str:
    lines = text.splitlines()
    theirs = [line.replace("Kari", "Ola") for line in lines[3:9]]
    return "\n".join([*lines[:3], "<<<<<<< HEAD", *lines[3:15], "=======", *theirs,
                      ">>>>>>> review-ola", ""])


BROKEN = {
    "a key missing": (lambda t: second_entry(t, "  approved_by: Kari\n", ""),
                      10, "has no approved_by"),
    "approved_on not a date": (lambda t: second_entry(t, "2026-11-20", "last week"),
                               10, "approved_on 'last week' is not a date YYYY-MM-DD"),
    "approved_on an impossible date": (lambda t: second_entry(t, "2026-11-20", "2026-13-45"),
                                       10, "approved_on '2026-13-45' is not a date"),
    "the file a mapping": (lambda t: "\n".join(t.splitlines()[:3]) + "\nsource: Demo module\n"
                           "translation: Demomodul\n", 4, "must be a list of approvals"),
    "an entry a string": (lambda t: t + "- Keep time.\n", 16, "this entry is not an approval"),
    "not YAML at all": (lambda t: second_entry(t, "translation: Det", "translation: [Det"),
                        12, "a flow sequence that starts on line 11"),
    "text edited by hand": (lambda t: second_entry(t, "avsnittet", "avsnitt"),
                            10, "edited by hand"),
    "a git merge conflict": (conflict, 4, "unresolved git merge conflict"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_approvals_ledger_is_named_at_its_line_and_left_as_it_is(
        capsys, fixture_project, ledger, case):
    breaking, line, words = BROKEN[case]
    ledger.write_text(breaking(ledger.read_text()))
    broken = ledger.read_bytes()
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "Kari")
    assert code == 1
    assert [(f["path"], f["line"], f["check"]) for f in findings] == [
        (LEDGER, str(line), "approvals")]
    assert words in findings[0]["message"]
    assert "git restore" in findings[0]["message"] or "git add" in findings[0]["message"]
    assert ledger.read_bytes() == broken


def test_a_merge_conflict_says_how_to_resolve_it(capsys, fixture_project, ledger):
    ledger.write_text(conflict(ledger.read_text()))
    _code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                          "--module", "demo", "--by", "Kari")
    message = findings[0]["message"]
    assert "lines 4 to 24" in message and "Keep the entries of both sides" in message
    assert all(marker in message for marker in ("<<<<<<<", "=======", ">>>>>>>"))


def test_stats_names_a_broken_ledger_too(capsys, fixture_project, ledger):
    ledger.write_text(second_entry(ledger.read_text(), "2026-11-20", "last week"))
    code, findings = run(capsys, fixture_project, "stats")
    assert code == 1
    assert (LEDGER, "10", "approvals") in [(f["path"], f["line"], f["check"]) for f in findings]


@pytest.mark.parametrize("argv", [["approve", "--language", "nb", "--module", "demo",
                                   "--by", "Kari"], ["po"]])
def test_a_broken_catalogue_is_named_at_its_line_and_left_as_it_is(
        capsys, fixture_project, argv):
    po = fixture_project.root / INDEX_PO
    po.write_text(po.read_text() + '\nmsgid "Keep time."\nmsgstr "Hold tiden."\ngarbage\n')
    broken = po.read_bytes()
    code, findings = run(capsys, fixture_project, *argv)
    assert code == 1
    line = str(broken.decode().splitlines().index("garbage") + 1)
    assert [(f["path"], f["line"], f["check"]) for f in findings] == [
        (INDEX_PO, line, "po-syntax")]
    assert "'garbage'" in findings[0]["message"] and "git restore" in findings[0]["message"]
    assert po.read_bytes() == broken


# 3b. A `--messages` file that is missing or not `path:line` a line

def test_a_missing_messages_file_is_named_and_said_not_to_exist(capsys, fixture_project,
                                                                tmp_path):
    missing = tmp_path / "to-approve.txt"
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "Kari", "--messages", str(missing))
    assert code == 1
    assert findings[0]["path"] == str(missing) and findings[0]["check"] == "approve"
    assert "does not exist" in findings[0]["message"]


def test_a_messages_line_that_is_not_an_entry_is_named_at_its_line_and_nothing_approved(
        capsys, fixture_project, tmp_path):
    messages = tmp_path / "to-approve.txt"
    messages.write_text(f"{INDEX_PO}:10\n\nindex.po line 24\n{INDEX_PO}:999\n")
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "Kari", "--messages", str(messages))
    assert code == 1
    assert [(f["path"], f["line"]) for f in findings] == [(str(messages), "3"),
                                                          (str(messages), "4")]
    assert "'index.po line 24' is not path:line" in findings[0]["message"]
    assert "is not an entry of this module in nb" in findings[1]["message"]
    assert not (fixture_project.root / LEDGER).exists()


def test_a_messages_file_approves_only_the_entries_it_lists(capsys, fixture_project,
                                                            tmp_path):
    messages = tmp_path / "to-approve.txt"
    messages.write_text(f"{INDEX_PO}:10\n")
    code = main(["--root", str(fixture_project.root), "approve", "--language", "nb",
                 "--module", "demo", "--by", "Kari", "--messages", str(messages)])
    assert code == 0 and "approved 1 messages" in capsys.readouterr().out


# 3c. A `--since` ref that is not in the repository

def commit_all(root: Path) -> None:
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit",
                    "-qm", "start"], check=True)
    subprocess.run([*git, "tag", "v1.0"], check=True)


def test_review_since_a_ref_that_does_not_exist_says_so_and_how_to_see_the_refs(
        capsys, fixture_project):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    commit_all(fixture_project.root)
    for ref in ("v9.9", "--output=x"):
        code, findings = run(capsys, fixture_project, "review", f"--since={ref}")
        assert code == 1
        assert [(f["path"], f["check"]) for f in findings] == [(".git", "review")]
        message = findings[0]["message"]
        assert f"'{ref}' is not a commit, tag or branch of this repository" in message
        assert "git tag" in message and "git log --oneline" in message
        assert not (fixture_project.exports_dir / "review").exists()
    code = main(["--root", str(fixture_project.root), "review", "--since", "v1.0"])
    assert code == 0 and "review documents:" in capsys.readouterr().out


def test_review_since_a_ref_outside_a_git_repository_says_to_leave_it_out(
        capsys, fixture_project):
    inside = subprocess.run(["git", "-C", str(fixture_project.root), "rev-parse"],
                            capture_output=True)
    if inside.returncode == 0:
        pytest.skip("the temporary folder is inside a git repository here")
    code, findings = run(capsys, fixture_project, "review", "--since", "v1.0")
    assert code == 1 and "not a git repository" in findings[0]["message"]
