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
REVIEW = "locale/nb/LC_MESSAGES/modules/demo/index.review"


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


def test_a_reviewer_name_with_a_comma_stays_one_reviewer(fixture_project):
    from rjguide.library.lifecycle import move_module

    move_module(fixture_project, "demo", "review", [], None, None)
    move_module(fixture_project, "demo", "approved", ["Nordmann, Kari", "Ola"], None, None)
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


# 3a. A ledger file that is broken or forged is "not valid", named at its line, never approved

@pytest.fixture
def ledger(capsys, fixture_project) -> Path:
    """One decision file of the demo module, as `rjguide approve` writes it."""
    from rjguide.library.roster import Roster

    Roster.load(fixture_project).add("Kari", ["nb"])
    assert run(capsys, fixture_project, "approve", "--language", "nb", "--module", "demo",
               "--by", "kari")[0] == 0
    files = sorted((fixture_project.root / REVIEW).glob("*.kari.yaml"))
    assert files
    return files[0]


def forged(path: Path) -> tuple[Path, str]:
    """The decision made over to an account nobody has, under a matching name."""
    text = path.read_text().replace("account: kari", "account: director-general")
    path.unlink()
    path = path.with_name(path.name.replace(".kari.", ".director-general."))
    return path, text.replace("name: Kari", "name: Director General (forged)")


BROKEN = {
    "a key missing": (lambda t: t.replace("name: Kari\n", ""), 1, "name missing"),
    "a time that is not one": (lambda t: re.sub(r"at: .*", "at: last week", t), 1,
                               "'at' is not a time"),
    "no such decision": (lambda t: t.replace("decision: approved", "decision: rubber-stamped"),
                         1, "no such decision"),
    "text edited by hand": (lambda t: t.replace("translation: ", "translation: X", 1), 1,
                            "does not match its SHA-256"),
    "not YAML at all": (lambda t: t + "translation: [unclosed\n", None, "not valid YAML"),
    "a git merge conflict": (lambda t: "<<<<<<< HEAD\n" + t + "=======\n" + t +
                             ">>>>>>> review-ola\n", 1, "unresolved git merge conflict"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_ledger_file_is_not_valid_at_its_line_and_left_as_it_is(
        capsys, fixture_project, ledger, case):
    breaking, line, words = BROKEN[case]
    ledger.write_text(breaking(ledger.read_text()))
    broken = ledger.read_bytes()
    shown = ledger.relative_to(fixture_project.root).as_posix()
    for argv in (["check"], ["approve", "--language", "nb", "--module", "demo",
                             "--by", "kari"]):
        code, findings = run(capsys, fixture_project, *argv)
        assert code == 1, argv
        found = [f for f in findings if f["path"] == shown]
        assert found and found[0]["check"] == "ledger", findings
        assert line is None or found[0]["line"] == str(line)
        assert "not valid" in found[0]["message"] and words in found[0]["message"]
    assert ledger.read_bytes() == broken


def test_a_forged_approval_is_not_valid_and_counts_for_nothing(capsys, fixture_project, ledger):
    from rjguide.translation.po import update_all
    from rjguide.translation.stats import progress

    update_all(fixture_project)  # the message templates the figures count against
    before = next(r for r in progress(fixture_project) if r.module == "demo").approved
    assert before >= 1
    path, text = forged(ledger)
    path.write_text(text)
    after = next(r for r in progress(fixture_project) if r.module == "demo").approved
    assert after == before - 1
    code, findings = run(capsys, fixture_project, "check")
    assert code == 1
    assert any("no reviewer 'director-general' in the roster" in f["message"] for f in findings)


@pytest.mark.parametrize("argv", [["approve", "--language", "nb", "--module", "demo",
                                   "--by", "kari"], ["po"]])
def test_a_broken_catalogue_is_named_at_its_line_and_left_as_it_is(
        capsys, fixture_project, kari, argv):
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


# 3b. A `--messages` file that is missing or not one message id a line

@pytest.fixture
def kari(fixture_project):
    from rjguide.library.roster import Roster

    return Roster.load(fixture_project).add("Kari", ["nb"])


def test_a_missing_messages_file_is_named_and_said_not_to_exist(capsys, fixture_project,
                                                                kari, tmp_path):
    missing = tmp_path / "to-approve.txt"
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "kari", "--messages", str(missing))
    assert code == 1
    assert findings[0]["path"] == str(missing) and findings[0]["check"] == "approve"
    assert "does not exist" in findings[0]["message"]


def test_a_messages_line_that_is_not_a_message_id_is_named_at_its_line_and_nothing_approved(
        capsys, fixture_project, kari, tmp_path):
    messages = tmp_path / "to-approve.txt"
    messages.write_text(f"{INDEX_PO}:10\n\nmodules/other/index@0123456789ab\n")
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "kari", "--messages", str(messages))
    assert code == 1
    assert [(f["path"], f["line"]) for f in findings] == [(str(messages), "1"),
                                                          (str(messages), "3")]
    assert "is not a message id" in findings[0]["message"]
    assert "is not a page of this module" in findings[1]["message"]
    assert not (fixture_project.root / REVIEW).exists()


def test_a_messages_file_approves_only_the_messages_it_lists(capsys, fixture_project, kari,
                                                             tmp_path):
    from rjguide.review.approve import message_id

    messages = tmp_path / "to-approve.txt"
    messages.write_text(message_id("modules/demo/index", "Demo module") + "\n")
    code = main(["--root", str(fixture_project.root), "approve", "--language", "nb",
                 "--module", "demo", "--by", "kari", "--messages", str(messages)])
    assert code == 0 and "approved 1 messages" in capsys.readouterr().out
    assert len(list((fixture_project.root / REVIEW).glob("*.yaml"))) == 1


def test_approve_takes_an_account_of_the_roster_not_a_typed_name(capsys, fixture_project,
                                                                 kari):
    code, findings = run(capsys, fixture_project, "approve", "--language", "nb",
                         "--module", "demo", "--by", "Director General")
    assert code == 1 and "no reviewer 'Director General' in the roster" in \
        findings[0]["message"]
    assert not (fixture_project.root / REVIEW).exists()


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
