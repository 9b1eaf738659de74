"""`rjguide bench --review`: 20 reviewers deciding at once on the real review server.

A copy of the library is served by `rjguide review-server` on loopback; each simulated
reviewer signs in and, for the given time, opens a module page and approves, comments on
or withdraws a decision on a message, over HTTP like a browser (cookies, CSRF token). Then
the ledger is read back: every decision the server accepted must be in it exactly once, in
its last state, and none that it refused. Reports the p95 time of a decision, and of
opening the module's page.
"""

from __future__ import annotations

import http.cookiejar
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from rjguide.checks.negation import english_negation
from rjguide.library.catalogs import read_catalog, serialise
from rjguide.library.ledger import load_ledger
from rjguide.library.project import Project

PASSWORD = "load test password 2026"
SEEN = re.compile(r'name="seen" value="([^"]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MODULE, LANGUAGE, PAGE = "demo", "nb", "modules/demo/index"


@dataclass
class Reviewer:
    email: str
    account: str
    opener: urllib.request.OpenerDirector = field(repr=False)
    last: dict[str, str] = field(default_factory=dict)   # message -> last accepted action
    times: list[float] = field(default_factory=list)        # of each decision
    page_times: list[float] = field(default_factory=list)   # of opening the module's page
    refused: int = 0
    errors: int = 0          # answers the server should never give (5xx)
    error: str = ""


def translate_page(project: Project, docname: str, language: str = "nb",
                   special: dict[str, str] | None = None) -> None:
    """Every empty or fuzzy entry of a page's catalogue given a placeholder translation
    (or the one in `special`), as a translator who has finished the page leaves it."""
    po = project.catalog_path(language, docname)
    catalog = read_catalog(po, locale=language)
    for message in catalog:
        if message.id and (not message.string or message.fuzzy):
            # a stand-in that passes make check: marked as Norwegian, and keeping a negation
            negated = " (ikke)" if english_negation(message.id) else ""
            message.string = f"NB: {message.id}{negated}"
            message.flags.discard("fuzzy")
        if message.id in (special or {}):
            message.string = special[message.id]
    po.write_bytes(serialise(catalog))


def start_server(folder: Path, env: dict | None = None,
                 log=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    """`rjguide review-server` on a free loopback port, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "rjguide.cli", "--root", str(folder),
                               "review-server", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/sign-in/", timeout=1)
            return server, base
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the review server did not start")


def library_copy(root: Path, folder: Path, reviewers: int) -> Project:
    from rjguide.translation.po import update_all

    shutil.copytree(root / "tests" / "fixtures" / "small", folder)
    project = Project.load(folder)
    update_all(project)
    translate_page(project, PAGE, LANGUAGE)
    (folder / "password").write_text(PASSWORD)
    for number in range(reviewers):
        subprocess.run([sys.executable, "-m", "rjguide.cli", "--root", str(folder), "reviewers",
                        "add", f"Reviewer {number}", "--email", f"r{number}@example.no",
                        "--language", LANGUAGE, "--password-file", str(folder / "password")],
                       check=True, capture_output=True)
    return project


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The decision alone is timed: the page it sends the reviewer back to is not."""

    def redirect_request(self, *args, **kwargs):
        return None


def post(reviewer: Reviewer, url: str, fields: dict | list) -> str:
    body = urllib.parse.urlencode(fields).encode()
    try:
        with reviewer.opener.open(urllib.request.Request(url, data=body)) as response:
            return response.read().decode()
    except urllib.error.HTTPError as answer:
        if answer.code != 302:
            raise
        return answer.headers.get("Location", "")


def sign_in(base: str, number: int) -> Reviewer:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    reviewer = Reviewer(f"r{number}@example.no", f"reviewer-{number}", opener)
    page = opener.open(f"{base}/sign-in/").read().decode()
    post(reviewer, f"{base}/sign-in/", {"csrfmiddlewaretoken": TOKEN.search(page)[1],
                                        "username": reviewer.email, "password": PASSWORD})
    return reviewer


def work(base: str, reviewer: Reviewer, until: float, seed: int, think: float) -> None:
    try:
        decide_until(base, reviewer, until, seed, think)
    except (urllib.error.HTTPError, OSError) as error:
        reviewer.errors += 1
        reviewer.error = f"{type(error).__name__}: {error}"


def decide_until(base: str, reviewer: Reviewer, until: float, seed: int,
                 think: float) -> None:
    """As in a browser: a decision is posted from the page, the page comes back with what
    happened to it, and the next decision is made from that page."""
    chance = random.Random(seed)
    url = f"{base}/modules/{MODULE}/{LANGUAGE}/"
    page = reviewer.opener.open(url).read().decode()
    while time.perf_counter() < until:
        time.sleep(chance.uniform(0, 2 * think))  # reading the message before deciding
        seen = chance.choice(SEEN.findall(page)).replace("&#x27;", "'")
        message = seen.split("|")[1]
        action = chance.choice(["approved", "approved", "comment", "withdraw"])
        started = time.perf_counter()
        post(reviewer, f"{url}decide/", {
            "csrfmiddlewaretoken": TOKEN.search(page)[1], "seen": seen, "decision": action,
            "comment": f"load {seed}"})
        reviewer.times.append(time.perf_counter() - started)
        started = time.perf_counter()
        page = reviewer.opener.open(url).read().decode()  # where the redirect leads
        reviewer.page_times.append(time.perf_counter() - started)
        if "Not recorded" in page:
            reviewer.refused += 1
        else:
            reviewer.last[message] = action


def lost_or_doubled(project: Project, reviewers: list[Reviewer]) -> int:
    """Accepted decisions missing from the ledger, or there in another state, or twice."""
    decisions, wrong = {}, 0
    for docname in (PAGE, "modules/demo/handout-demo"):
        ledger = load_ledger(project, LANGUAGE, docname)
        wrong += len(ledger.invalid)
        for message, found in ledger.decisions.items():
            decisions.setdefault(message, []).extend(found)
    for reviewer in reviewers:
        for message, action in reviewer.last.items():
            mine = [d for d in decisions.get(message, []) if d.account == reviewer.account]
            expected = [] if action == "withdraw" else [action]
            wrong += [str(d.kind) for d in mine] != expected
    return wrong


def run_review_bench(root: Path, reviewers: int = 20, seconds: float = 60.0,
                     think: float = 0.0) -> dict:
    with tempfile.TemporaryDirectory(prefix="rjguide-review-bench-") as work_dir:
        folder = Path(work_dir) / "library"
        project = library_copy(root, folder, reviewers)
        log = (Path(work_dir) / "server.log").open("w")
        server, base = start_server(folder, log=log)
        try:
            people = [sign_in(base, n) for n in range(reviewers)]
            until = time.perf_counter() + seconds
            threads = [threading.Thread(target=work, args=(base, p, until, n, think))
                       for n, p in enumerate(people)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.close()
        errors = [line for line in (Path(work_dir) / "server.log").read_text().splitlines()
                  if "Error" in line or "Traceback" in line or '" 5' in line][:20]
        times = sorted(t for p in people for t in p.times) or [0.0, 0.0]
        pages = sorted(t for p in people for t in p.page_times) or [0.0, 0.0]
        return {"think_s": think, "server_errors": sum(p.errors for p in people),
                "server_log": errors,
                "client_errors": [p.error for p in people if p.error],
                "reviewers": reviewers,
                "seconds": seconds, "decisions": len(times),
                "refused_as_stale": sum(p.refused for p in people),
                "lost_or_doubled": lost_or_doubled(project, people),
                "p95_ms": round(statistics.quantiles(times, n=20)[-1] * 1000, 1),
                "median_ms": round(statistics.median(times) * 1000, 1),
                "page_p95_ms": round(statistics.quantiles(pages, n=20)[-1] * 1000, 1),
                "page_median_ms": round(statistics.median(pages) * 1000, 1)}
