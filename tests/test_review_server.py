"""The review server's rules, with Django's test client: a session for every page, decisions
under the rules of the ledger, and the security the working group relies on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rjguide.library.ledger import digest, load_ledger
from rjguide.library.project import Project

from conftest import translate_page

pytestmark = pytest.mark.xdist_group("review-server")  # one Django per process
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
XSS = '<script>alert("x")</script> [klikk](javascript:alert(1))'
PAGE = "modules/demo/index"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The fixture library, translated into nb (one message with a script in it), served by
    Django with its data in a folder of the test's own."""
    from rjguide.translation.po import update_all

    folder = tmp_path_factory.mktemp("review") / "small"
    shutil.copytree(ROOT / "tests" / "fixtures" / "small", folder)
    (folder / "pyproject.toml").write_text('[tool.rjguide]\nlanguages = ["en", "nb", "nn"]\n')
    for concept in (folder / "glossary" / "concepts").glob("*.yaml"):  # the real ones have nn
        shutil.copy(ROOT / "glossary" / "concepts" / concept.name, concept)
    for language in ("nb", "nn"):  # the server's interface, as the real library has it
        interface = folder / "locale" / language / "LC_MESSAGES"
        interface.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "locale" / language / "LC_MESSAGES" / "review-server.po", interface)
    project = Project.load(folder)
    update_all(project)
    translate_page(project, PAGE, special={"Keep time.": XSS})
    os.environ["RJGUIDE_REVIEW_DATA"] = str(folder.parent / "data")
    os.environ["RJGUIDE_REVIEW_HOSTS"] = "testserver,127.0.0.1"  # Django's test client
    from rjguide.review.server.setup import start

    start(folder)
    from django.conf import settings
    from django.core.management import call_command

    if os.environ.get("RJGUIDE_REVIEW_DATABASE_URL"):  # the shared-server run, in CI
        assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        call_command("flush", interactive=False, verbosity=0)
    from rjguide.review.server.accounts import add_reviewer

    add_reviewer(project, "Kari Nordmann", "kari@example.no", ["nb"], PASSWORD)
    add_reviewer(project, "Nils Nynorsk", "nils@example.no", ["nn"], PASSWORD)
    add_reviewer(project, "Lars Nordmann", "lars@example.no", ["nb"], PASSWORD)
    add_reviewer(project, "Liv Lockout", "liv@example.no", ["nb"], PASSWORD)
    return project


@pytest.fixture
def client(server):
    from django.test import Client

    return Client()


def signed_in(client, email="kari@example.no"):
    assert client.post("/sign-in/", {"username": email, "password": PASSWORD}
                       ).status_code == 302
    return client


def module_page(client):
    return client.get("/modules/demo/nb/")


def seen_of(html: str, message: str) -> str:
    import re

    found = re.search(r'name="seen" value="([^"]*\|' + message + r'\|[^"]*)"', html)
    assert found, "the page has no decision form for the message"
    return found.group(1).replace("&#x27;", "'")


@pytest.mark.parametrize("path", ["/", "/modules/demo/nb/", "/modules/demo/nb/decide/"])
def test_every_page_but_sign_in_sends_you_to_sign_in_first(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert client.get("/sign-in/").status_code == 200


def test_a_reviewer_signs_in_with_the_email_address_in_any_case(client):
    response = client.post("/sign-in/", {"username": "KARI@Example.no", "password": PASSWORD})
    assert response.status_code == 302
    assert "demo" in client.get("/").content.decode()


def test_a_translation_with_a_script_shows_as_text(client):
    html = module_page(signed_in(client)).content.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "[klikk](javascript:alert(1))" in html


def test_roles_show_as_their_words_not_as_markup(client):
    html = module_page(signed_in(client)).content.decode()
    assert "{term}" not in html and "mediation" in html


@pytest.mark.parametrize("path", ["/modules/nothing/nb/", "/modules/demo/xx/",
                                  "/modules/..%2F..%2Fetc/nb/", "/modules/demo/en/",
                                  "/static/../settings.py", "/static/review/../../settings.py"])
def test_names_in_a_request_are_looked_up_in_the_library_and_a_probe_finds_nothing(
        client, path):
    response = signed_in(client).get(path)
    assert response.status_code == 404 or (path.startswith("/static/") and \
        response.status_code == 400)  # Django's own refusal of a path outside the folder
    assert b"Traceback" not in response.content and b"SECRET" not in response.content


def test_approving_writes_the_signed_in_account_to_the_ledger(server, client):
    signed_in(client)
    message = digest("Demo module")
    seen = seen_of(module_page(client).content.decode(), message)
    response = client.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "approved"})
    assert response.status_code == 302
    decisions = load_ledger(server, "nb", PAGE).decisions[message]
    assert [(d.account, d.name, d.kind) for d in decisions] == [
        ("kari-nordmann", "Kari Nordmann", "approved")]


def test_a_second_reviewer_on_a_stale_page_is_refused_and_sees_the_fresh_state(server, client):
    from django.test import Client

    first, second = signed_in(client), signed_in(Client(), "lars@example.no")
    message = digest("The first paragraph is translated.")
    seen_by_first = seen_of(module_page(first).content.decode(), message)
    seen_by_second = seen_of(module_page(second).content.decode(), message)
    first.post("/modules/demo/nb/decide/", {"seen": seen_by_first, "decision": "approved"})
    response = second.post("/modules/demo/nb/decide/", {"seen": seen_by_second,
                                                         "decision": "changes-requested",
                                                         "comment": "Nei."}, follow=True)
    html = response.content.decode()
    assert "changed since you opened it" in html and "Kari Nordmann: approved" in html
    assert [d.account for d in load_ledger(server, "nb", PAGE).decisions[message]] == [
        "kari-nordmann"]


def test_a_reviewer_cannot_decide_for_another_language(server, client):
    signed_in(client, "nils@example.no")
    html = client.get("/modules/demo/nb/").content.decode()
    assert 'value="approved"' not in html and 'value="changes-requested"' not in html
    message = digest("Keep time.")
    seen = "|".join((PAGE, message, digest(XSS), digest("")))
    response = client.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "approved"},
                           follow=True)
    assert "does not decide for this language" in response.content.decode()
    assert message not in load_ledger(server, "nb", PAGE).decisions


def test_a_request_that_changes_state_needs_the_csrf_token(server):
    from django.test import Client

    guarded = Client(enforce_csrf_checks=True)
    assert guarded.post("/sign-in/", {"username": "kari@example.no",
                                      "password": PASSWORD}).status_code == 403
    guarded.force_login(server_user("kari@example.no"))
    response = guarded.post("/modules/demo/nb/decide/", {"decision": "approved"})
    assert response.status_code == 403


def commit_all(root: Path, message: str) -> None:
    import subprocess

    if not (root / ".git").is_dir():
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@x.no",
                    "commit", "-qm", message, "--allow-empty"], check=True)


def server_user(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=email)


def test_headers_forbid_inline_scripts_framing_and_script_access_to_cookies(client):
    response = client.get("/sign-in/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    client.post("/sign-in/", {"username": "kari@example.no", "password": PASSWORD})
    session = client.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_ten_failed_sign_ins_lock_the_account_even_for_the_right_password(client):
    for _ in range(10):
        assert client.post("/sign-in/", {"username": "liv@example.no",
                                         "password": "wrong"}).status_code in (200, 429)
    response = client.post("/sign-in/", {"username": "liv@example.no", "password": PASSWORD})
    assert response.status_code == 429 and b"locked" in response.content
    assert "_auth_user_id" not in client.session


def test_accounts_are_made_by_the_command_line_not_the_web(client):
    signed_in(client)
    for path in ("/admin/", "/accounts/", "/sign-up/", "/reviewers/add/"):
        assert client.get(path).status_code == 404


def test_an_account_needs_a_good_password_and_a_language_of_the_library(server):
    from rjguide.review.server.accounts import AccountError, add_reviewer

    with pytest.raises(AccountError, match="not good enough"):
        add_reviewer(server, "Per", "per@example.no", ["nb"], "short")
    with pytest.raises(AccountError, match="no language xx"):
        add_reviewer(server, "Per", "per@example.no", ["xx"], PASSWORD)


def test_a_removed_reviewer_can_no_longer_sign_in_and_their_decisions_stand(server, client):
    from rjguide.library.roster import Roster
    from rjguide.review.server.accounts import add_reviewer, remove_reviewer

    add_reviewer(server, "Siri Slutter", "siri@example.no", ["nb"], PASSWORD)
    signed_in(client, "siri@example.no")
    message = digest("Session 1: Opening")
    seen = seen_of(module_page(client).content.decode(), message)
    client.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "approved"})
    remove_reviewer(server, "siri@example.no")
    assert Roster.load(server).get("siri-slutter").removed
    assert any(d.account == "siri-slutter"
               for d in load_ledger(server, "nb", PAGE).decisions[message])
    assert not load_ledger(server, "nb", PAGE).invalid
    from django.test import Client

    assert Client().post("/sign-in/", {"username": "siri@example.no",
                                       "password": PASSWORD}).status_code == 200


def test_the_module_list_counts_states_and_filters_what_waits_for_me(server, client):
    signed_in(client, "lars@example.no")
    assert client.get("/?language=nb&show=nonsense").status_code == 404
    assert 'href="/modules/demo/nb/"' in client.get("/?language=nb&show=waiting").content.decode()
    message = digest("Explain what a mediator does.")
    seen = seen_of(module_page(client).content.decode(), message)
    client.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "changes-requested",
                                             "comment": "Mekler, ikke megler."})
    listed = client.get("/?language=nb&show=requested").content.decode()
    assert 'href="/modules/demo/nb/"' in listed
    row = listed[listed.index('href="/modules/demo/nb/"'):].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    assert int(cells[5]) >= 1, cells   # the changes-requested column


def test_ci_runs_these_tests_once_more_on_postgresql():
    if os.environ.get("CI") and not os.environ.get("RJGUIDE_TEST_POSTGRES_URL"):
        pytest.fail("CI must run the review server's tests on PostgreSQL too (.ci/run sets "
                    "RJGUIDE_TEST_POSTGRES_URL)")


def test_no_stack_trace_reaches_the_browser(server, monkeypatch):
    from django.test import Client

    from rjguide.review.server import views

    def broken(*args, **kwargs):
        raise RuntimeError("SECRET internal detail")

    monkeypatch.setattr(views, "review_page", broken)
    browser = signed_in(Client(raise_request_exception=False))
    response = browser.get("/modules/demo/nb/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"Traceback" not in response.content and b"SECRET" not in response.content


def test_behind_https_cookies_are_secure_and_only_the_forwarded_proto_is_trusted(tmp_path):
    import subprocess
    import sys

    probe = ("from django.conf import settings as s; import django; django.setup(); "
             "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, "
             "s.SECURE_HSTS_SECONDS, s.DEBUG)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rjguide.review.server.settings",
           "RJGUIDE_PROJECT_ROOT": str(tmp_path), "RJGUIDE_REVIEW_DATA": str(tmp_path / "d"),
           "RJGUIDE_REVIEW_HTTPS": "1"}
    env.pop("RJGUIDE_REVIEW_DATABASE_URL", None)
    shown = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                           text=True, check=True).stdout.split(maxsplit=3)
    assert shown[:2] == ["True", "True"]
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in " ".join(shown[2:])
    assert shown[-1].split()[-2:] == ["31536000", "False"]  # HSTS; never DEBUG


def test_an_author_comments_but_decides_nothing(server):
    from django.test import Client

    from rjguide.review.server.accounts import add_reviewer

    add_reviewer(server, "Anne Author", "anne@example.no", [], PASSWORD, role="author")
    author = signed_in(Client(), "anne@example.no")
    html = module_page(author).content.decode()
    assert 'value="comment"' in html and 'value="approved"' not in html
    message = digest("A short module about {term}`mediation`.")
    seen = seen_of(html, message)
    author.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "approved"})
    author.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "comment",
                                             "comment": "Sjekk ordlyden med KDI."})
    mine = [d for d in load_ledger(server, "nb", PAGE).decisions.get(message, [])
            if d.account == "anne-author"]
    assert [d.kind for d in mine] == ["comment"]


def test_only_an_administrator_moves_a_module_and_only_as_the_ledger_allows(server):
    from django.test import Client

    from rjguide.library.modules import load_modules
    from rjguide.review.server.accounts import add_reviewer

    add_reviewer(server, "Ada Admin", "ada@example.no", ["nb"], PASSWORD, role="admin")
    reviewer = signed_in(Client())
    response = reviewer.post("/modules/demo/status/", {"status": "review", "language": "nb"})
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert load_modules(server)[0][0].status == "draft"
    admin = signed_in(Client(), "ada@example.no")
    moved = admin.post("/modules/demo/status/", {"status": "review", "language": "nb"},
                       follow=True)
    assert "The module is now In review" in moved.content.decode()
    refused = admin.post("/modules/demo/status/", {"status": "approved", "language": "nb"},
                         follow=True).content.decode()
    assert "Not moved: cannot approve the module before the working group has approved" in \
        refused
    assert load_modules(server)[0][0].status == "review"
    assert admin.post("/modules/../status/", {"status": "review"}).status_code == 404


def test_the_pages_speak_the_reviewers_choice_of_nb_nn_or_en(server):
    from django.test import Client

    browser = signed_in(Client(), "nils@example.no")
    assert "Modules to review in" in browser.get("/?language=nn").content.decode()
    response = browser.post("/language/", {"language": "nn", "next": "/?language=nn"})
    assert response.status_code == 302 and response["Location"] == "/?language=nn"
    html = browser.get("/?language=nn").content.decode()
    assert '<html lang="nn">' in html and "Modular til gjennomgang på Norsk nynorsk" in html
    assert "Ventar på meg" in html and "Logg ut" in html
    assert browser.post("/language/", {"language": "de"}).status_code == 404
    elsewhere = browser.post("/language/", {"language": "nb", "next": "https://evil.example/"})
    assert elsewhere["Location"] == "/"


def test_the_interface_catalogues_translate_every_string_of_the_server(server):
    from rjguide.library.catalogs import read_catalog
    from rjguide.review.server.interface import catalogue_path, interface_template

    wanted = {m.id for m in interface_template() if m.id}
    for language in ("nb", "nn"):
        catalog = read_catalog(catalogue_path(Project.load(ROOT), language), locale=language)
        done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert wanted <= done, f"{language}: {sorted(wanted - done)[:5]} (run make po)"


def test_the_page_shows_what_changed_since_a_tag_and_refuses_an_unknown_one(server, client):
    import subprocess

    from rjguide.library.catalogs import read_catalog, serialise

    root = server.root
    commit_all(root, "v1")
    subprocess.run(["git", "-C", str(root), "tag", "-f", "v1.0"], check=True)
    po = server.catalog_path("nb", PAGE)
    catalog = read_catalog(po, locale="nb")
    catalog["Demo module"].string = "Demomodulen, ny utgave"
    po.write_bytes(serialise(catalog))
    signed_in(client)
    html = client.get("/modules/demo/nb/?since=v1.0").content.decode()
    assert "The translation since v1.0:" in html and "<ins>" in html
    refused = client.get("/modules/demo/nb/?since=v9.9").content.decode()
    assert "is not a commit, tag or branch" in refused


def test_with_commit_each_decision_is_a_git_commit_authored_as_the_reviewer(
        server, client, monkeypatch):
    import subprocess

    root = server.root
    commit_all(root, "before")
    monkeypatch.setenv("RJGUIDE_REVIEW_COMMIT", "1")
    signed_in(client)
    message = digest("Keep time.")
    seen = seen_of(module_page(client).content.decode(), message)
    client.post("/modules/demo/nb/decide/", {"seen": seen, "decision": "comment",
                                             "comment": "Bra."})
    log = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%an|%s",
                          "--name-only"], capture_output=True, text=True, check=True).stdout
    assert log.startswith("Kari Nordmann|Review: Kari Nordmann: comment nb modules/demo/index@")
    assert f"{message[:16]}.kari-nordmann.yaml" in log


def test_the_page_kept_between_requests_follows_every_file_it_is_made_from(server, client):
    """The server keeps a module's page between requests; a translator's edit, a decision
    arriving from a clone and a decision withdrawn show at the next visit."""
    import datetime as dt

    from rjguide.library.catalogs import read_catalog, serialise
    from rjguide.library.ledger import Decision, Kind, write_decision
    from rjguide.library.roster import Roster

    signed_in(client)
    po = server.catalog_path("nb", PAGE)
    before = module_page(client).content.decode()
    catalog = read_catalog(po, locale="nb")
    catalog["Demo module"].string = "Demomodulen, retta av omsetjaren"
    po.write_bytes(serialise(catalog))
    assert "retta av omsetjaren" in module_page(client).content.decode()
    assert "retta av omsetjaren" not in before
    entry = read_catalog(po, locale="nb")["Keep time."]
    lars = Roster.load(server).get("lars-nordmann")
    write_decision(server, "nb", PAGE, Decision(entry.id, entry.string, Kind.COMMENT,
                                                lars.account, lars.name,
                                                dt.datetime.now(dt.UTC), "Skrive utanfor"))
    html = module_page(client).content.decode()
    assert "Skrive utanfor" in html
    (server.catalog_dir("nb") / f"{PAGE}.review" /
     f"{digest(entry.id)[:16]}.{lars.account}.yaml").unlink()
    assert "Skrive utanfor" not in module_page(client).content.decode()
    assert lars.account not in {d.account for d in
                                load_ledger(server, "nb", PAGE).decisions.get(digest(entry.id), [])}
