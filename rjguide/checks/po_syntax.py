"""Catalogue syntax: what gettext's own compiler rejects, and what Babel cannot read.

Babel alone misses unterminated strings that msgfmt rejects (and Sphinx would then compile
with characters lost), so msgfmt --check is the judge, with Babel as the second reader.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from babel.messages.catalog import Catalog
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
            catalog = read_po(handle, locale=language, abort_invalid=True)
    except PoFileError as exc:
        findings.append(Finding(shown, getattr(exc, "lineno", None), "error", "po-syntax",
                                f"{exc}; fix the catalogue before building"))
        return findings
    return findings + header_findings(po, shown, catalog, language)


def header_findings(po: Path, shown: str, catalog, language: str) -> list[Finding]:
    """The header must name the catalogue's own language and its plural forms."""
    header = dict(catalog.mime_headers)
    line = header_line(po)
    findings = []
    expected_plural = Catalog(locale=language).plural_forms
    if header.get("Language") != language:
        findings.append(Finding(shown, line, "error", "po-header",
                                f"'Language: {header.get('Language', '')}' should be "
                                f"'Language: {language}' (the catalogue's folder); run make po"))
    plural = " ".join((header.get("Plural-Forms") or "").split())
    if plural.rstrip(";") != expected_plural.rstrip(";"):
        findings.append(Finding(shown, line, "error", "po-header",
                                f"'Plural-Forms: {plural}' should be "
                                f"'Plural-Forms: {expected_plural}'; run make po"))
    raw_header = po.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
    if "charset=utf-8" not in raw_header.lower():
        findings.append(Finding(shown, line, "error", "po-header",
                                "the catalogue must declare 'Content-Type: text/plain; "
                                "charset=utf-8'"))
    return findings


def header_line(po: Path) -> int:
    for number, line in enumerate(po.read_text(encoding="utf-8", errors="replace")
                                  .splitlines(), start=1):
        if line.startswith('msgid ""'):
            return number
    return 1
