"""Every HTML page of the site passes the Nu HTML Checker with no errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, need

pytestmark = [pytest.mark.java, pytest.mark.xdist_group("library")]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(library):
    need(shutil.which("java") is not None, "Java is not installed (Debian default-jre-headless)")
    need(VNU.is_file(), "vnu-jar is not installed (npm ci)")
    pages = sorted(str(p) for p in Path(library.site_dir).rglob("*.html"))
    assert len(pages) > 10
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:5000]
