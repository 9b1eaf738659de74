"""The command line: a thin skin that parses, calls the functions that do the work and
prints what they found."""

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
    import datetime as dt

    from rjguide.library.modules import require_module
    from rjguide.review.approve import approve_module, read_locations
    from rjguide.review.documents import module_pages

    project.check_language(args.language)
    if args.language == project.source_language:
        return [Finding("pyproject.toml", None, "error", "approve",
                        f"'{args.language}' is the source language, which has no translations "
                        f"to approve; give one of {', '.join(project.target_languages)}")]
    pages = module_pages(project, require_module(project, args.module))
    if not args.by.strip():
        return [Finding("locale", None, "error", "approve",
                        "--by is empty; give the reviewer's name, e.g. --by \"Kari Nordmann\"")]
    locations = None
    if args.messages:
        locations = read_locations(project, args.language, pages, args.messages)
    approved, refused = approve_module(project, args.language, pages, args.by.strip(),
                                       args.date or dt.date.today(), locations)
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


DESCRIPTION = """\
Build, check and translate the restorative process guidance library.

Every `make` command calls one of the commands below; they work without make too.
Problems are printed as `path:line: severity: check: message`; the exit code is 1 when
there is an error and 2 when the command itself was typed wrong."""

EXAMPLES = """\
examples:
  rjguide build                      build the site, PDFs and packs into exports/
  rjguide check                      every check a translator's change must pass
  rjguide stats --fail-under nb=100  translation progress; fail if Bokmål is below 100 %
  rjguide review --since v1.0        review documents of what changed since v1.0

Run `rjguide COMMAND --help` for what a command does and an example of it."""


def command(commands, name: str, summary: str, example: str, run) -> argparse.ArgumentParser:
    """A subcommand whose help says what it is for and shows one way to use it."""
    sub = commands.add_parser(name, help=summary, description=summary[:1].upper() + summary[1:]
                              + ".", epilog=f"example:\n  {example}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=run)
    return sub


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="rjguide", description=DESCRIPTION, epilog=EXAMPLES,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument("--root", type=Path, default=Path.cwd(),
                      help="the project folder (default: the current folder)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = command(commands, "build", "build everything into exports/: the site of every "
                    "language, PDFs, glossary exports and training packs",
                    "rjguide build --stage html   (only the site, for a quick look)", cmd_build)
    build.add_argument("--stage", choices=TARGETS, default=TARGETS[-1],
                       help="build up to this step (default: everything)")

    command(commands, "glossary", "export the glossary for translation tools (TBX, CSV, .po)",
            "rjguide glossary", cmd_glossary)

    html = command(commands, "html", "build and publish only the HTML site",
                   "rjguide html --language nb", cmd_html)
    html.add_argument("--language", action="append", help="only this language (repeatable)")

    command(commands, "po", "take the messages from the English source and update every "
            "language's catalogues: translations kept, changed ones fuzzy, removed ones obsolete",
            "rjguide po", cmd_po)

    command(commands, "check", "check the sources, every catalogue and the glossary: MyST "
            "markup, links, numbers, terminology", "rjguide check", cmd_check)

    stats = command(commands, "stats", "show how far each module is translated and approved, "
                    "per language", "rjguide stats --fail-under nb=100 --fail-under nn=95",
                    cmd_stats)
    stats.add_argument("--fail-under", metavar="LANG=PERCENT", type=threshold, action="append",
                       help="exit 1 when LANG is translated less than PERCENT (repeatable)")

    review = command(commands, "review", "make the working group's review documents: the "
                     "source and its translation side by side, with what changed",
                     "rjguide review --since v1.0", cmd_review)
    review.add_argument("--since", metavar="GIT-REF",
                        help="show what changed since this commit, tag or branch")

    approve = command(commands, "approve", "record that a reviewer approved a module's "
                      "translations in one language", 'rjguide approve --language nb --module '
                      'values-and-principles --by "Kari Nordmann"', cmd_approve)
    approve.add_argument("--language", required=True, help="the language code: nb or nn")
    approve.add_argument("--module", required=True, help="the module's id (its folder name)")
    approve.add_argument("--by", required=True, help="the reviewer's name")
    approve.add_argument("--date", type=iso_date, help="the date (default: today)")
    approve.add_argument("--messages", type=Path, metavar="FILE",
                         help="approve only the entries listed, one path:line a line")

    status = command(commands, "status", "move a module between draft, review and approved",
                     "rjguide status values-and-principles review", cmd_status)
    status.add_argument("module", help="the module's id (its folder name)")
    status.add_argument("status", choices=("draft", "review", "approved"))
    status.add_argument("--reviewer", action="append", help="a reviewer (repeatable)")
    status.add_argument("--date", type=iso_date, help="the review date (default: today)")
    status.add_argument("--version", help="the new version, MAJOR.MINOR.PATCH")

    bench = command(commands, "bench", "measure the build on synthetic libraries of 10, 50 "
                    "and 200 modules (about half an hour)", "rjguide bench --quick", cmd_bench)
    bench.add_argument("--quick", action="store_true", help="small libraries, for a smoke run")
    bench.add_argument("--sizes", type=lambda s: [int(n) for n in s.split(",")],
                       help="numbers of modules, e.g. 10,50,200")

    serve = command(commands, "serve", "serve exports/site on this computer for a look in a "
                    "browser", "rjguide serve --port 8000", cmd_serve)
    serve.add_argument("--port", type=int, default=8000)
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
