"""Catalogue syntax: what gettext's own compiler rejects, and what Babel cannot read.

Babel alone misses unterminated strings that msgfmt rejects (and Sphinx would then compile
with characters lost), so msgfmt --check is the judge, with Babel as the second reader.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from rjguide.findings import Finding, relative

MSGFMT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?:\d+:)? (?P<message>.*)$")


def check_syntax(po: Path, root: Path, language: str) -> list[Finding]:
    shown = relative(po, root)
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True)
    findings = []
    if result.returncode != 0:
        for line in result.stderr.splitlines():
            match = MSGFMT_LINE.match(line)
            if match and "found" not in match["message"]:
                findings.append(Finding(shown, int(match["line"]), "error", "po-syntax",
                                        f"{match['message']}; fix the catalogue before building"))
        if not findings:
            findings.append(Finding(shown, None, "error", "po-syntax",
                                    f"msgfmt rejects the catalogue: {result.stderr.strip()}"))
        return findings
    try:
        with po.open("rb") as handle:
            read_po(handle, locale=language, abort_invalid=True)
    except PoFileError as exc:
        findings.append(Finding(shown, getattr(exc, "lineno", None), "error", "po-syntax",
                                f"{exc}; fix the catalogue before building"))
    return findings
