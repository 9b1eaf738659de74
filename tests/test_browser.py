"""In a real browser: no serious accessibility violations (axe-core), the language switcher
lands on the same page, and search finds Norwegian words in their inflected forms."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from browser import AXE, browser_context, chromium_available
from conftest import need

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("library")]
PAGES = ("index.html", "catalogue.html", "modules/values-and-principles/index.html",
         "glossary.html")


@pytest.fixture(scope="module")
def served(library):
    need(chromium_available(), "Chromium is not installed (Debian package chromium)")
    need(AXE.is_file(), "axe-core is not installed (npm ci)")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(library.site_dir))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with browser_context() as context:
            yield f"http://127.0.0.1:{server.server_port}", context
    finally:
        server.shutdown()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("language", ["en", "nb", "nn"])
def test_pages_have_no_serious_accessibility_violations(served, language):
    base, context = served
    page = context.new_page()
    problems = {}
    for path in ("../index.html", *PAGES):
        page.goto(f"{base}/{language}/{path}")
        violations = axe_violations(page)
        if violations:
            problems[path] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                              for v in violations]
    page.close()
    assert not problems, problems


def test_the_language_switcher_lands_on_the_same_page(served):
    base, context = served
    page = context.new_page()
    path = "modules/values-and-principles/index.html"
    page.goto(f"{base}/en/{path}")
    page.click("nav.rj-languages a[hreflang='nb']")
    page.wait_for_load_state()
    assert page.url == f"{base}/nb/{path}"
    assert page.evaluate("document.documentElement.lang") == "nb"
    page.click("nav.rj-languages a[hreflang='nn']")
    page.wait_for_load_state()
    assert page.url == f"{base}/nn/{path}"
    page.close()


def test_a_term_shows_its_definition_on_keyboard_focus(served):
    base, context = served
    page = context.new_page()
    page.goto(f"{base}/nb/modules/values-and-principles/index.html")
    link = page.locator("a.rj-term-link").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    link.focus()
    assert tip.is_visible() and len(tip.inner_text()) > 20
    page.close()


def test_search_finds_an_inflected_norwegian_word(served):
    base, context = served
    page = context.new_page()
    # "domfelte" (plural) must find pages that say "domfelt", through the Norwegian stemmer.
    page.goto(f"{base}/nb/search.html?q=domfelte")
    page.wait_for_selector("#search-results ul li", timeout=15000)
    results = page.locator("#search-results ul li").count()
    heading = page.locator("#search-results h2").inner_text()
    assert results > 0
    assert heading != "Search Results"
    page.close()
