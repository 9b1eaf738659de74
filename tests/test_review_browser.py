"""The review as a working-group member meets it, in Chromium against the real server
(`rjguide review-server`): sign in, approve, request a change that the translator then sees
in `make check`, a second reviewer refused on a stale page, no serious axe-core violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rjguide.build.bench_review import start_server, translate_page
from rjguide.library.project import Project

from browser import AXE, browser_context, chromium_available
from conftest import need

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("review-browser")]
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"


def rjguide(root: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rjguide.cli", "--root", str(root), *args],
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    need(chromium_available(), "Chromium is not installed (Debian package chromium)")
    need(AXE.is_file(), "axe-core is not installed (npm ci)")
    from rjguide.translation.po import update_all

    folder = tmp_path_factory.mktemp("browser-review") / "small"
    shutil.copytree(ROOT / "tests" / "fixtures" / "small", folder)
    project = Project.load(folder)
    update_all(project)
    translate_page(project, "modules/demo/index")
    env = {**os.environ, "RJGUIDE_REVIEW_DATA": str(folder.parent / "data")}
    password = folder.parent / "password"
    password.write_text(PASSWORD)
    for name, email in (("Kari Nordmann", "kari@example.no"), ("Ola Nordmann", "ola@example.no")):
        added = rjguide(folder, "reviewers", "add", name, "--email", email, "--language", "nb",
                        "--password-file", str(password), env=env)
        assert added.returncode == 0, added.stderr
    server, base = start_server(folder, env)
    try:
        with browser_context() as context:
            yield base, context, project
    finally:
        server.terminate()
        server.wait(timeout=20)


def sign_in(page, base, email):
    page.goto(f"{base}/modules/demo/nb/")
    if not page.locator("#id_username").count():
        return  # this browser is signed in already
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("form.sign-in button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/modules/demo/nb/"), page.url


def test_a_reviewer_approves_requests_a_change_and_the_translator_sees_it(served):
    base, context, project = served
    page = context.new_page()
    sign_in(page, base, "kari@example.no")
    page.locator("form.decide").nth(0).locator("button[value=approved]").click()
    page.wait_for_load_state()
    assert "Approved." in page.locator(".notice").inner_text()
    second = page.locator("form.decide").nth(1)
    second.locator("textarea").fill("Skriv «avsnitt», ikke «del».")
    second.locator("button[value=changes-requested]").click()
    page.wait_for_load_state()
    assert "Change requested." in page.locator(".notice").inner_text()
    assert "Kari Nordmann: asks for a change" in page.content()
    check = rjguide(project.root, "check")
    assert "warning: change-request: Kari Nordmann asks for a change" in check.stderr
    assert "Skriv «avsnitt», ikke «del»." in check.stderr
    # The translator answers with a new translation; the reviewer sees the request answered.
    from rjguide.library.catalogs import read_catalog, serialise

    po = project.catalog_path("nb", "modules/demo/index")
    catalog = read_catalog(po, locale="nb")
    second_id = [m.id for m in catalog if m.id][1]
    catalog[second_id].string = "NB: et nytt avsnitt."
    po.write_bytes(serialise(catalog))
    page.reload()
    assert "request answered" in page.locator("li.message").nth(1).inner_text()
    assert "change-request" not in rjguide(project.root, "check").stderr
    page.close()


def test_a_forged_decision_in_the_repository_shows_as_not_valid(served):
    base, context, project = served
    import datetime as dt

    from rjguide.library.ledger import Decision, Kind, write_decision

    write_decision(project, "nb", "modules/demo/index", Decision(
        "Demo module", "NB: Demo module", Kind.APPROVED, "director-general",
        "Director General (forged)", dt.datetime(2026, 12, 1, tzinfo=dt.UTC)))
    page = context.new_page()
    sign_in(page, base, "kari@example.no")
    page.goto(f"{base}/modules/demo/nb/")
    problems = page.locator("#invalid").locator("xpath=..").inner_text()
    assert "not valid" in problems and "director-general" in problems
    assert "Director General (forged): approved" not in page.content()
    page.close()


def test_the_second_of_two_reviewers_on_the_same_message_is_refused(served):
    base, context, _project = served
    first, second = context.browser.new_context(), context.browser.new_context()
    try:
        kari, ola = first.new_page(), second.new_page()
        sign_in(kari, base, "kari@example.no")
        sign_in(ola, base, "ola@example.no")
        kari.locator("form.decide").nth(2).locator("button[value=approved]").click()
        kari.wait_for_load_state()
        ola.locator("form.decide").nth(2).locator("button[value=approved]").click()
        ola.wait_for_load_state()
        assert "changed since you opened it" in ola.locator(".notice").inner_text()
        assert "Kari Nordmann: approved" in ola.content()
    finally:
        first.close()
        second.close()


def test_the_review_pages_have_no_serious_accessibility_violations(served):
    base, context, _project = served
    page = context.new_page()
    problems = {}
    page.goto(f"{base}/sign-in/")
    for path in ("/sign-in/", "/", "/modules/demo/nb/"):
        if path != "/sign-in/" and "/sign-in/" in page.url:
            sign_in(page, base, "kari@example.no")
        page.goto(f"{base}{path}")
        page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script>: the CSP forbids it
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    page.close()
    assert not problems, problems


def test_in_the_browser_a_script_in_a_translation_is_text_and_runs_nothing(served):
    base, context, project = served
    from rjguide.library.catalogs import read_catalog, serialise

    po = project.catalog_path("nb", "modules/demo/index")
    catalog = read_catalog(po, locale="nb")
    catalog["Keep time."].string = ('<img src=x onerror="window.pwned=1">'
                                    "<script>window.pwned=2</script>")
    po.write_bytes(serialise(catalog))
    page = context.new_page()
    sign_in(page, base, "kari@example.no")
    assert page.evaluate("window.pwned") is None
    assert page.get_by_text('<script>window.pwned=2</script>', exact=False).count() >= 1
    page.close()


def test_in_the_browser_probes_and_a_forged_form_get_nowhere(served):
    base, context, _project = served
    page = context.new_page()
    sign_in(page, base, "kari@example.no")
    for path in ("/modules/..%2F..%2Fetc/nb/", "/modules/demo/xx/", "/admin/"):
        response = page.goto(f"{base}{path}")
        assert response.status == 404 and "Traceback" not in page.content()
    # A form posted from elsewhere carries no CSRF token: refused.
    answer = page.request.post(f"{base}/modules/demo/nb/decide/",
                               form={"decision": "approved", "seen": "x"})
    assert answer.status == 403
    page.close()


def test_in_the_browser_ten_wrong_passwords_lock_the_account(served):
    base, context, _project = served
    page = context.browser.new_context().new_page()
    for _ in range(10):
        page.goto(f"{base}/sign-in/")
        page.fill("#id_username", "ola@example.no")
        page.fill("#id_password", "not the password")
        page.click("form.sign-in button[type=submit]")
    page.goto(f"{base}/sign-in/")
    page.fill("#id_username", "ola@example.no")
    page.fill("#id_password", PASSWORD)
    page.click("form.sign-in button[type=submit]")
    assert "locked" in page.content()
    page.context.close()
