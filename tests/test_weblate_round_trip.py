"""Catalogues are written the way Weblate writes them: a Weblate save (Translate Toolkit,
with the wrapping the translators' guide configures) changes next to no line, and
`make po` after such a save rewrites nothing."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

from translate.storage.pypo import pofile  # what Weblate loads gettext PO files with

from conftest import ROOT, copy_project

GUIDE = ROOT / "source" / "translators-guide.md"
MOST_CHANGED = 0.01  # of all catalogue lines


def documented_line_wrap() -> int:
    """The po_line_wrap the translators' guide tells Weblate administrators to set."""
    found = re.findall(r"po_line_wrap\W+(-?\d+)", GUIDE.read_text(encoding="utf-8"))
    assert found, f"{GUIDE} documents no po_line_wrap setting"
    assert len(set(found)) == 1, f"{GUIDE} gives several po_line_wrap values: {found}"
    return int(found[0])


def weblate_save(data: bytes, width: int) -> bytes:
    """What a Weblate save writes: the store loaded, its wrapper set as Weblate's
    po_line_wrap parameter sets it, every translated unit's target set again."""
    store = pofile(data)
    store.wrapper.width = width
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or not unit.istranslated():
            continue
        unit.target = unit.target
    return bytes(store)


def changed_lines(before: str, after: str) -> int:
    old, new = before.splitlines(), after.splitlines()
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


def copied_catalogues(destination: Path) -> list[Path]:
    shutil.copytree(ROOT / "locale", destination, ignore=shutil.ignore_patterns("*.mo"))
    found = sorted(destination.rglob("*.po"))
    assert found, "no catalogues shipped"
    return found


def test_a_weblate_save_changes_under_one_per_cent_of_the_lines(tmp_path):
    width = documented_line_wrap()
    total = changed = 0
    worst: list[tuple[int, str]] = []
    for po in copied_catalogues(tmp_path / "locale"):
        before = po.read_bytes()
        after = weblate_save(before, width)
        po.write_bytes(after)
        lines = changed_lines(before.decode("utf-8"), after.decode("utf-8"))
        total += len(before.decode("utf-8").splitlines())
        changed += lines
        if lines:
            worst.append((lines, str(po.relative_to(tmp_path))))
    share = changed / total
    print(f"\na Weblate save (po_line_wrap: {width}) changes {changed} of {total} catalogue "
          f"lines: {share:.2%}")
    assert share < MOST_CHANGED, f"{share:.2%} of the lines change; most: {sorted(worst)[-5:]}"


def test_make_po_after_a_weblate_save_rewrites_nothing(tmp_path):
    """The two tools do not fight over lines: once Weblate has saved every catalogue,
    `make po` finds them up to date."""
    from rjguide.translation.po import update_all

    width = documented_line_wrap()
    project = copy_project(tmp_path / "lib")
    for po in sorted(project.locale_dir.rglob("*.po")):
        po.write_bytes(weblate_save(po.read_bytes(), width))
    _findings, changed = update_all(project)
    assert changed == [], f"make po rewrote {changed} after a Weblate save"
