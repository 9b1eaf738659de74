"""What each command does: a plain function per command, taking the project and the parsed
arguments and returning the findings to print. The parser in cli.py calls these."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys

from rjguide.findings import BuildError, Finding
from rjguide.library.project import Project


def print_findings(findings: list[Finding]) -> None:
    for finding in findings:
        print(finding.format(), file=sys.stderr)


def read_sources(project: Project, report) -> list[Finding]:
    """The English sources read afresh (the message templates), shown as a step."""
    from rjguide.translation.extract import extract_templates

    report.step("sources", "reading the English sources", len(project.docnames))
    findings = [f for f in extract_templates(project, report.advance) if f.severity == "error"]
    report.finish(f"{len(project.docnames)} pages")
    return findings


def cmd_html(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.site import build_html

    findings = build_html(project, args.language or None)
    print(f"site: {project.site_dir.relative_to(project.root)}/index.html")
    return findings


def cmd_build(project: Project, args: argparse.Namespace) -> list[Finding]:
    import time

    from rjguide.build.pipeline import build_all
    from rjguide.progress import reporter

    started = time.perf_counter()
    report = reporter()
    try:
        findings = build_all(project, args.stage, report)
    finally:
        report.close()
    print(f"built in {time.perf_counter() - started:.0f} s: open "
          f"{project.site_dir.relative_to(project.root)}/index.html")
    return findings


def cmd_glossary(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.pipeline import build_glossary, glossary_downloads_dir

    build_glossary(project)
    print(f"glossary exports: {glossary_downloads_dir(project).relative_to(project.root)}/")
    return []


def cmd_po(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.review.server.interface import update_interface_catalogues
    from rjguide.translation.po import update_all

    findings, changed = update_all(project)
    changed += update_interface_catalogues(project)
    for path in changed:
        print(f"updated {path.relative_to(project.root)}")
    if not changed:
        print("catalogues already up to date")
    return findings


def cmd_check(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.checks.runner import check_project

    result = check_project(project)
    result.write(project.reports_dir / "check.json")
    for suppression in result.suppressions:
        named = f" for {suppression.concept}" if suppression.concept else ""
        print(f"{suppression.path}:{suppression.line}: note: {suppression.check}: "
              f"silenced{named} ({suppression.reason}): {suppression.message}")
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    print(f"check: {errors} errors, {warnings} warnings, {len(result.suppressions)} suppressed "
          f"(exports/reports/check.json)")
    return sorted(result.findings)


def cmd_stats(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.progress import reporter
    from rjguide.translation import stats

    report = reporter()
    try:
        findings = read_sources(project, report)
    finally:
        report.close()
    rows = stats.progress(project)
    stats.write_json(rows, project.reports_dir / "stats.json")
    print(stats.table(rows))
    print("(exports/reports/stats.json)")
    for problem in stats.below_threshold(rows, args.fail_under or {}):
        findings.append(Finding("locale", None, "error", "stats", problem))
    return findings


def threshold(text: str) -> tuple[str, float]:
    language, _, value = text.partition("=")
    try:
        return language, float(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not LANG=PERCENT, e.g. nb=95") from None


def cmd_review(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.site import workers
    from rjguide.library.dates import source_date
    from rjguide.library.termbase import require_termbase
    from rjguide.progress import reporter
    from rjguide.review.documents import review_dir, summary_line, terminal_changes, write_reviews

    report = reporter()
    try:
        findings = read_sources(project, report)
        if findings:
            return findings
        documents = write_reviews(project, require_termbase(project), args.since,
                                  source_date(project.root), workers(), report)
    finally:
        report.close()
    for document in documents:
        print(summary_line(document))
        for line in terminal_changes(document):
            print(line)
    print(f"review documents: {review_dir(project).relative_to(project.root)}/<lang>/<module>"
          ".html and .pdf")
    return []


def cmd_approve(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.library.modules import require_module
    from rjguide.review.approve import approve_module, read_message_ids, require_reviewer
    from rjguide.review.documents import module_pages

    project.check_language(args.language)
    if args.language == project.source_language:
        return [Finding("pyproject.toml", None, "error", "approve",
                        f"'{args.language}' is the source language, which has no translations "
                        f"to approve; give one of {', '.join(project.target_languages)}")]
    pages = module_pages(project, require_module(project, args.module))
    reviewer = require_reviewer(project, args.by.strip(), args.language)
    wanted = read_message_ids(project, pages, args.messages) if args.messages else None
    approved, refused = approve_module(project, args.language, pages, reviewer, wanted)
    print(f"approved {len(approved)} messages of {args.module} in {args.language}")
    return [Finding(project.catalog_path(args.language, r.message.split("@")[0]).relative_to(
        project.root).as_posix(), None, "error", "approve", f"{r.message}: not approved: "
        f"{r.reason}") for r in refused]


def cmd_status(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.review.status import move

    module = move(project, args.module, args.status, args.date, args.version, args.language)
    if args.language:
        print(f"{module.id}: approved on its own in {', '.join(module.approved_in) or 'none'}")
        return []
    print(f"{module.id}: status {module.status}, version {module.version}"
          + (f", reviewed by {', '.join(module.reviewed_by)} on {module.reviewed_on}"
             if module.status == "approved" else ""))
    return []


def iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def bench_review(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.bench_review import run_review_bench

    seconds = 10.0 if args.quick else 60.0
    print(f"review server: 20 reviewers deciding at once for {seconds:.0f} s, "
          f"{args.think:g} s between decisions on average …")
    result = run_review_bench(project.root, 20, seconds, args.think)
    output = project.exports_dir / "bench" / "review.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['decisions']} decisions ({result['refused_as_stale']} refused as stale or "
          f"not allowed), {result['lost_or_doubled']} lost or doubled; p95 "
          f"{result['p95_ms']} ms, median {result['median_ms']} ms (target p95 < 300 ms: "
          f"{'met' if result['p95_ms'] < 300 else 'MISSED'}); opening the module's page: p95 "
          f"{result['page_p95_ms']} ms, median {result['page_median_ms']} ms (target p95 < "
          f"500 ms: {'met' if result['page_p95_ms'] < 500 else 'MISSED'})")
    print(f"({output.relative_to(project.root)})")
    if result["lost_or_doubled"] or result["server_errors"]:
        return [Finding("exports/bench/review.json", None, "error", "bench",
                        f"{result['lost_or_doubled']} decisions were lost or doubled, "
                        f"{result['server_errors']} reviewers met a server error")]
    return []


def cmd_bench(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build import bench

    if args.review:
        return bench_review(project, args)
    sizes = args.sizes or ([2, 4] if args.quick else [10, 50, 200])
    output = project.exports_dir / "bench" / "results.json"
    from rjguide.progress import reporter

    report = reporter()
    try:
        results = bench.run_bench(project.root, sizes, output, report)
    finally:
        report.close()
    print(bench.table(results))
    for name, verdict in json.loads(output.read_text())["targets"].items():
        print(f"{name}: {verdict['measured']} (target {verdict['target']}): "
              f"{'met' if verdict['met'] else 'MISSED'}")
    print(f"({output.relative_to(project.root)})")
    return []


def cmd_serve(project: Project, args: argparse.Namespace) -> list[Finding]:
    import functools
    import http.server

    if not (project.site_dir / "index.html").is_file():
        raise BuildError([Finding("exports/site", None, "error", "serve",
                                  "nothing to serve yet; run 'make' first")])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(project.site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving exports/site on http://127.0.0.1:{args.port}/ (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return []


def cmd_review_server(project: Project, args: argparse.Namespace) -> list[Finding]:
    from gunicorn.app.wsgiapp import run

    from rjguide.progress import reporter
    from rjguide.review.server.setup import start

    report = reporter()
    try:
        findings = read_sources(project, report)  # the pages as they are now
    finally:
        report.close()
    if findings:
        return findings
    if args.commit:
        inside = subprocess.run(["git", "-C", str(project.root), "rev-parse", "--git-dir"],
                                capture_output=True)
        if inside.returncode != 0:
            return [Finding(".git", None, "error", "review-server", "--commit needs the "
                            "project to be a git repository; leave out --commit or run "
                            "'git init' first")]
        os.environ["RJGUIDE_REVIEW_COMMIT"] = "1"
    start(project.root)
    print(f"review server on http://{args.host}:{args.port}/ (Ctrl-C stops); its data: "
          f"{os.environ.get('RJGUIDE_REVIEW_DATA', project.root / '.review-data')}")
    # gunicorn's advice: 2 x cores + 1 synchronous workers, one request each, so that no two
    # requests share a process's interpreter lock (measured by `rjguide bench --review`).
    workers = 2 * (os.cpu_count() or 1) + 1
    sys.argv = ["gunicorn", "--bind", f"{args.host}:{args.port}", "--workers", str(workers),
                "--no-control-socket",
                "--access-logfile", "-", "rjguide.review.server.wsgi:application"]
    run()
    return []


def cmd_reviewers(project: Project, args: argparse.Namespace) -> list[Finding]:
    import getpass

    from rjguide.review.server.setup import start

    start(project.root)
    from rjguide.review.server.accounts import (
        AccountError,
        add_reviewer,
        list_reviewers,
        remove_reviewer,
    )

    where = "the review server's accounts"
    try:
        if args.action == "add":
            if args.password_file:
                if not args.password_file.is_file():
                    return [Finding(str(args.password_file), None, "error", "reviewers",
                                    "the password file does not exist")]
                password = args.password_file.read_text(encoding="utf-8").strip()
            else:
                password = getpass.getpass(f"Password for {args.email}: ")
            role = "admin" if args.admin else "author" if args.author else "reviewer"
            account = add_reviewer(project, args.name, args.email, args.language or [],
                                   password, role)
            print(f"added {account.name} <{account.email}> ({account.role}, "
                  f"{' '.join(account.languages) or 'no languages'})")
        elif args.action == "remove":
            remove_reviewer(project, args.email)
            print(f"removed {args.email}")
        else:
            for account in list_reviewers():
                print(f"{account.name} <{account.email}>  {account.role}  "
                      f"{' '.join(account.languages)}")
    except AccountError as error:
        return [Finding(where, None, "error", "reviewers", str(error))]
    return []
