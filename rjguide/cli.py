"""The command line: a thin skin that parses, calls the functions that do the work and
prints what they found."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rjguide.build.pipeline import TARGETS
from rjguide.commands import (
    cmd_approve,
    cmd_bench,
    cmd_build,
    cmd_check,
    cmd_glossary,
    cmd_html,
    cmd_po,
    cmd_review,
    cmd_review_server,
    cmd_reviewers,
    cmd_serve,
    cmd_stats,
    cmd_status,
    iso_date,
    print_findings,
    threshold,
)
from rjguide.findings import BuildError, write_report
from rjguide.library.project import Project

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


def add_review_commands(commands) -> None:
    """The working group's commands: review documents, decisions, status, the server."""
    review = command(commands, "review", "make the working group's review documents: the "
                     "source and its translation side by side, with what changed",
                     "rjguide review --since v1.0", cmd_review)
    review.add_argument("--since", metavar="GIT-REF",
                        help="show what changed since this commit, tag or branch")

    approve = command(commands, "approve", "record that a reviewer approved a module's "
                      "translations in one language", 'rjguide approve --language nb --module '
                      'values-and-principles --by kari-nordmann', cmd_approve)
    approve.add_argument("--language", required=True, help="the language code: nb or nn")
    approve.add_argument("--module", required=True, help="the module's id (its folder name)")
    approve.add_argument("--by", required=True, metavar="ACCOUNT",
                         help="the reviewer's account in locale/reviewers.yaml, e.g. "
                         "kari-nordmann")
    approve.add_argument("--messages", type=Path, metavar="FILE",
                         help="approve only the messages listed, one id (page@sha) a line")

    status = command(commands, "status", "move a module between draft, review and approved",
                     "rjguide status values-and-principles review", cmd_status)
    status.add_argument("module", help="the module's id (its folder name)")
    status.add_argument("status", choices=("draft", "review", "approved"))
    status.add_argument("--date", type=iso_date, help="the review date (default: today)")
    status.add_argument("--version", help="the new version, MAJOR.MINOR.PATCH")
    status.add_argument("--language", help="approve (or, with draft or review, withdraw) "
                        "this language on its own, when it is fully approved in the ledger")

    server = command(commands, "review-server", "serve the working group's review in a "
                     "browser: sign in, read each module beside its translation",
                     "rjguide review-server --port 8001", cmd_review_server)
    server.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: this computer only)")
    server.add_argument("--port", type=int, default=8001)
    server.add_argument("--commit", action="store_true",
                        help="also make each decision a git commit authored as the reviewer")

    reviewers = command(commands, "reviewers", "manage the review server's accounts: add, "
                        "list, remove", 'rjguide reviewers add "Kari Nordmann" --email '
                        "kari@example.no --language nb", cmd_reviewers)
    actions = reviewers.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add an account (asks for the password)")
    add.add_argument("name", help="the name shown in the record, e.g. \"Kari Nordmann\"")
    add.add_argument("--email", required=True, help="the address the reviewer signs in with")
    add.add_argument("--language", action="append", help="a language they decide for "
                     "(repeatable)")
    role = add.add_mutually_exclusive_group()
    role.add_argument("--admin", action="store_true", help="manages accounts and status")
    role.add_argument("--author", action="store_true", help="leaves notes, decides nothing")
    add.add_argument("--password-file", type=Path, metavar="FILE",
                     help="read the password from FILE instead of asking")
    actions.add_parser("list", help="list the accounts")
    remove = actions.add_parser("remove", help="remove an account")
    remove.add_argument("email")


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

    add_review_commands(commands)

    bench = command(commands, "bench", "measure the build on synthetic libraries of 10, 50 "
                    "and 200 modules (about half an hour)", "rjguide bench --quick", cmd_bench)
    bench.add_argument("--quick", action="store_true", help="small libraries, for a smoke run")
    bench.add_argument("--review", action="store_true",
                       help="the review server under 20 reviewers at once, instead")
    bench.add_argument("--think", type=float, default=0.0, metavar="SECONDS",
                       help="with --review: average time a reviewer reads before deciding")
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
