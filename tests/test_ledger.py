"""The record stays in the repository: decisions merge across branches, change requests
reach the translators, a message changed in between is never decided blind, and a module's
status follows the ledger."""

from __future__ import annotations

import subprocess
import threading

import pytest

from rjguide.findings import BuildError
from rjguide.library.catalogs import read_catalog, serialise
from rjguide.library.ledger import Kind, State, digest, load_ledger, state_of
from rjguide.library.modules import load_modules
from rjguide.library.roster import Roster
from rjguide.library.termbase import require_termbase
from rjguide.review.approve import approve_module
from rjguide.review.decide import Refused, Seen, decide, seen_now
from rjguide.review.documents import module_pages
from rjguide.review.status import move
from rjguide.translation.po import update_all
from rjguide.translation.stats import progress

from conftest import translate_page

PAGE = "modules/demo/index"


@pytest.fixture
def translated(fixture_project):
    """The demo module fully translated into nb, with two reviewers in the roster."""
    update_all(fixture_project)
    for docname in module_pages(fixture_project, load_modules(fixture_project)[0][0]):
        translate_page(fixture_project, docname)
    roster = Roster.load(fixture_project)
    roster.add("Kari Nordmann", ["nb"])
    roster.add("Ola Nordmann", ["nb"])
    return fixture_project


def reviewer(project, account):
    return Roster.load(project).get(account)


def entries(project, docname=PAGE):
    po = project.catalog_path("nb", docname)
    return [m for m in read_catalog(po, locale="nb") if m.id]


def git(root, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True).stdout


def test_two_reviewers_on_two_branches_merge_without_a_conflict(translated):
    root = translated.root
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.no", "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.no", "commit", "-qm", "start")
    first, second = entries(translated)[:2]
    termbase = require_termbase(translated)
    for branch, who, message in (("kari", "kari-nordmann", first),
                                 ("ola", "ola-nordmann", second)):
        git(root, "checkout", "-q", "-b", branch, "main")
        decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED,
               reviewer(translated, who), termbase)
        # the same message decided by both: still one file each, so still no conflict
        decide(translated, "nb", PAGE, digest(entries(translated)[2].id), Kind.COMMENT,
               reviewer(translated, who), termbase, comment=f"{who} read it")
        git(root, "-c", "user.name=t", "-c", "user.email=t@example.no", "add", "-A")
        git(root, "-c", "user.name=t", "-c", "user.email=t@example.no", "commit", "-qm", who)
    git(root, "checkout", "-q", "kari")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.no", "merge", "-q",
        "--no-edit", "ola")
    ledger = load_ledger(translated, "nb", PAGE)
    assert not ledger.invalid
    assert state_of(first, ledger.on(first)) is State.APPROVED
    assert state_of(second, ledger.on(second)) is State.APPROVED
    assert {d.account for d in ledger.on(entries(translated)[2])} == {"kari-nordmann",
                                                                      "ola-nordmann"}


def test_a_change_request_reaches_the_translator_and_a_new_translation_answers_it(translated):
    from rjguide.checks.runner import check_project

    message = entries(translated)[1]
    decide(translated, "nb", PAGE, digest(message.id), Kind.CHANGES_REQUESTED,
           reviewer(translated, "kari-nordmann"), require_termbase(translated),
           comment="Bruk «mekling» her.")
    warnings = [f for f in check_project(translated).findings if f.check == "change-request"]
    assert len(warnings) == 1 and warnings[0].line == message.lineno
    assert "Kari Nordmann asks for a change" in warnings[0].message
    assert "Bruk «mekling» her." in warnings[0].message
    assert next(r for r in progress(translated) if r.module == "demo").requested == 1
    po = translated.catalog_path("nb", PAGE)
    catalog = read_catalog(po, locale="nb")
    catalog[message.id].string = message.string + " (rettet)"
    po.write_bytes(serialise(catalog))
    answered = read_catalog(po, locale="nb")[message.id]
    assert state_of(answered, load_ledger(translated, "nb", PAGE).on(answered)) is \
        State.ANSWERED
    assert not [f for f in check_project(translated).findings if f.check == "change-request"]


def test_a_decision_on_a_message_that_changed_since_it_was_seen_is_refused(translated):
    message = entries(translated)[0]
    seen = seen_now(translated, "nb", PAGE, message)
    decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED,
           reviewer(translated, "ola-nordmann"), require_termbase(translated), seen=seen)
    with pytest.raises(Refused, match="changed since you opened it"):
        decide(translated, "nb", PAGE, digest(message.id), Kind.CHANGES_REQUESTED,
               reviewer(translated, "kari-nordmann"), require_termbase(translated),
               comment="nei", seen=seen)
    stale = Seen(seen.source_sha256, digest("an older translation"), seen.ledger)
    with pytest.raises(Refused, match="changed since you opened it"):
        decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED,
               reviewer(translated, "kari-nordmann"), require_termbase(translated), seen=stale)


def test_a_reviewer_decides_only_for_their_languages_and_a_request_needs_a_comment(translated):
    Roster.load(translated).add("Nils Nynorsk", ["nn"])
    message = entries(translated)[0]
    termbase = require_termbase(translated)
    with pytest.raises(Refused, match="does not decide for this language"):
        decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED,
               reviewer(translated, "nils-nynorsk"), termbase)
    with pytest.raises(Refused, match="needs a comment"):
        decide(translated, "nb", PAGE, digest(message.id), Kind.CHANGES_REQUESTED,
               reviewer(translated, "kari-nordmann"), termbase, comment="  ")


def test_concurrent_decisions_are_neither_lost_nor_doubled(translated):
    roster = Roster.load(translated)
    accounts = [roster.add(f"Reviewer {n}", ["nb"]) for n in range(8)]
    messages = entries(translated)
    termbase = require_termbase(translated)
    errors = []

    def work(account):
        try:
            for message in messages:
                decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED, account,
                       termbase)
        except Exception as exc:  # surfaced below: a lost decision must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(a,)) for a in accounts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    ledger = load_ledger(translated, "nb", PAGE)
    assert sum(len(v) for v in ledger.decisions.values()) == len(accounts) * len(messages)


def test_status_approved_follows_the_ledger_and_names_its_reviewers(translated):
    move(translated, "demo", "review", None, None)
    with pytest.raises(BuildError, match="nb: 0 of"):
        move(translated, "demo", "approved", None, None)
    pages = module_pages(translated, load_modules(translated)[0][0])
    approved, refused = approve_module(translated, "nb", pages,
                                       reviewer(translated, "kari-nordmann"))
    assert approved and not refused
    module = move(translated, "demo", "approved", None, None)
    assert module.status == "approved" and module.reviewed_by == ("Kari Nordmann",)


def test_a_language_approved_on_its_own_shows_approved_in_that_language_only(translated):
    from lxml import html as lxml_html

    from rjguide.build.pipeline import build_all

    move(translated, "demo", "review", None, None)
    with pytest.raises(BuildError, match="cannot approve the language before"):
        move(translated, "demo", "approved", None, None, "nb")
    pages = module_pages(translated, load_modules(translated)[0][0])
    approve_module(translated, "nb", pages, reviewer(translated, "kari-nordmann"))
    module = move(translated, "demo", "approved", None, None, "nb")
    assert module.status == "review" and module.approved_in == ("nb",)
    assert (module.status_in("nb"), module.status_in("en")) == ("approved", "review")
    build_all(translated, "html")
    banner = "//p[@class='rj-status-banner']"
    for language, shown in (("en", True), ("nb", False)):
        page = lxml_html.parse(str(translated.site_dir / language / "modules" / "demo" /
                                   "index.html"))
        assert bool(page.xpath(banner)) == shown, language
    assert move(translated, "demo", "review", None, None, "nb").approved_in == ()


def test_a_decision_withdrawn_while_the_ledger_is_read_is_simply_not_there(translated,
                                                                            monkeypatch):
    from pathlib import Path

    from rjguide.library.ledger import ledger_token

    message = entries(translated)[0]
    decide(translated, "nb", PAGE, digest(message.id), Kind.APPROVED,
           reviewer(translated, "kari-nordmann"), require_termbase(translated))
    real = Path.read_text

    def vanished(path, *args, **kwargs):
        if path.name.endswith(".kari-nordmann.yaml"):
            raise FileNotFoundError(path)  # another reviewer's worker withdrew it just now
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", vanished)
    ledger = load_ledger(translated, "nb", PAGE)
    assert not ledger.invalid and not ledger.on(message)
    assert ledger_token(translated, "nb", PAGE, digest(message.id)) == digest("")
