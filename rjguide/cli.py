"""The command line: parse, call the functions that do the work, print findings."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from rjguide.build.pipeline import TARGETS
from rjguide.findings import BuildError, Finding, write_report
from rjguide.library.project import Project


def print_findings(findings: list[Finding]) -> None:
    for finding in findings:
        print(finding.format(), file=sys.stderr)


def cmd_html(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.site import build_html

    findings = build_html(project, args.language or None)
    print(f"site: {project.site_dir.relative_to(project.root)}/index.html")
    return findings


def cmd_build(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.pipeline import build_all

    findings = build_all(project, args.stage)
    print(f"site: {project.site_dir.relative_to(project.root)}/index.html")
    return findings


def cmd_glossary(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build.pipeline import build_glossary, glossary_downloads_dir

    build_glossary(project)
    print(f"glossary exports: {glossary_downloads_dir(project).relative_to(project.root)}/")
    return []


def cmd_po(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.translation.po import update_all

    findings, changed = update_all(project)
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
        print(f"{suppression.path}:{suppression.line}: note: {suppression.check}: "
              f"suppressed for {suppression.concept}: {suppression.message}")
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    print(f"check: {errors} errors, {warnings} warnings, {len(result.suppressions)} suppressed "
          f"(exports/reports/check.json)")
    return sorted(result.findings)


def cmd_stats(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.translation import stats
    from rjguide.translation.extract import extract_templates

    findings = [f for f in extract_templates(project) if f.severity == "error"]
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
    from rjguide.review.documents import review_dir, summary_line, terminal_changes, write_reviews
    from rjguide.translation.extract import extract_templates

    findings = [f for f in extract_templates(project) if f.severity == "error"]
    if findings:
        return findings
    documents = write_reviews(project, require_termbase(project), args.since,
                              source_date(project.root), workers())
    for document in documents:
        print(summary_line(document))
        for line in terminal_changes(document):
            print(line)
    print(f"review documents: {review_dir(project).relative_to(project.root)}/<lang>/<module>"
          ".html and .pdf")
    return []


def cmd_approve(project: Project, args: argparse.Namespace) -> list[Finding]:
    import datetime as dt

    from rjguide.library.modules import load_modules
    from rjguide.review.approve import approve_module
    from rjguide.review.documents import module_pages

    project.check_language(args.language)
    modules = {m.id: m for m in load_modules(project)[0]}
    if args.module not in modules:
        return [Finding("source/modules", None, "error", "approve",
                        f"no module '{args.module}'; the modules are {', '.join(modules)}")]
    locations = None
    if args.messages:
        locations = {line.strip() for line in args.messages.read_text().splitlines()
                     if line.strip()}
    approved, refused = approve_module(project, args.language,
                                       module_pages(project, modules[args.module]),
                                       args.by, args.date or dt.date.today(), locations)
    print(f"approved {len(approved)} messages of {args.module} in {args.language}")
    return [Finding(r.location.rsplit(":", 1)[0], int(r.location.rsplit(":", 1)[1]),
                    "error", "approve", f"not approved: {r.reason}") for r in refused]


def cmd_status(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.library.lifecycle import move_module

    module = move_module(project, args.module, args.status, args.reviewer or [], args.date,
                         args.version)
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


def cmd_bench(project: Project, args: argparse.Namespace) -> list[Finding]:
    from rjguide.build import bench

    sizes = args.sizes or ([2, 4] if args.quick else [10, 50, 200])
    output = project.exports_dir / "bench" / "results.json"
    results = bench.run_bench(project.root, sizes, output)
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


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="rjguide", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(),
                      help="the project folder (default: the current folder)")
    commands = main.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build everything into exports/")
    build.add_argument("--stage", choices=TARGETS, default=TARGETS[-1],
                       help="build up to this stage (default: everything)")
    build.set_defaults(run=cmd_build)

    glossary = commands.add_parser("glossary", help="export the glossary (TBX, CSV, .po)")
    glossary.set_defaults(run=cmd_glossary)

    html = commands.add_parser("html", help="build the HTML site of every language")
    html.add_argument("--language", action="append", help="only this language (repeatable)")
    html.set_defaults(run=cmd_html)

    po = commands.add_parser("po", help="extract messages and update every language's catalogues")
    po.set_defaults(run=cmd_po)

    check = commands.add_parser("check", help="every quality check on sources, catalogues "
                                               "and the glossary")
    check.set_defaults(run=cmd_check)

    stats = commands.add_parser("stats", help="translation progress per module and language")
    stats.add_argument("--fail-under", metavar="LANG=PERCENT", type=threshold, action="append",
                       help="exit 1 when LANG is translated less than PERCENT (repeatable)")
    stats.set_defaults(run=cmd_stats)

    review = commands.add_parser("review", help="the working group's review documents")
    review.add_argument("--since", metavar="GIT-REF",
                        help="show what changed since this commit, tag or branch")
    review.set_defaults(run=cmd_review)

    approve = commands.add_parser("approve", help="approve a module's translations")
    approve.add_argument("--language", required=True)
    approve.add_argument("--module", required=True)
    approve.add_argument("--by", required=True, help="the reviewer's name")
    approve.add_argument("--date", type=iso_date, help="the date (default: today)")
    approve.add_argument("--messages", type=Path, metavar="FILE",
                         help="approve only the entries listed, one path:line a line")
    approve.set_defaults(run=cmd_approve)

    status = commands.add_parser("status", help="move a module: draft, review, approved")
    status.add_argument("module")
    status.add_argument("status", choices=("draft", "review", "approved"))
    status.add_argument("--reviewer", action="append", help="a reviewer (repeatable)")
    status.add_argument("--date", type=iso_date, help="the review date (default: today)")
    status.add_argument("--version", help="the new version, MAJOR.MINOR.PATCH")
    status.set_defaults(run=cmd_status)

    bench = commands.add_parser("bench", help="the performance benchmark")
    bench.add_argument("--quick", action="store_true", help="small libraries, for a smoke run")
    bench.add_argument("--sizes", type=lambda s: [int(n) for n in s.split(",")],
                       help="numbers of modules, e.g. 10,50,200")
    bench.set_defaults(run=cmd_bench)

    serve = commands.add_parser("serve", help="serve exports/site on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "fail_under", None):
        args.fail_under = dict(args.fail_under)
    try:
        project = Project.load(args.root)
        findings = args.run(project, args)
    except BuildError as error:
        print_findings(error.findings)
        report = Path(args.root) / "exports" / "reports" / f"{args.command}.json"
        write_report(error.findings, report)
        return 1
    except Exception as error:
        if os.environ.get("RJGUIDE_DEBUG"):
            raise
        print(f"rjguide: error: internal error: {type(error).__name__}: {error} (a bug in "
              "rjguide: run again with RJGUIDE_DEBUG=1 for the traceback and report it)",
              file=sys.stderr)
        return 1
    print_findings(findings)
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
