"""Results kept while their files are unchanged (rjguide.memo): any write, replacement,
addition or removal makes the result again; nothing else does."""

from __future__ import annotations

import os

import pytest

from rjguide.memo import FileMemo


def test_a_result_is_made_again_only_when_a_file_it_comes_from_changed(tmp_path):
    page = tmp_path / "page.po"
    page.write_text("one")
    memo, made = FileMemo(), []

    def read():
        made.append(page.read_text())
        return page.read_text()

    assert memo.get("page", [page], read) == "one"
    assert memo.get("page", [page], read) == "one"
    assert made == ["one"]
    page.write_text("two")  # the same size, written again
    os.utime(page, ns=(1, page.stat().st_mtime_ns + 1))
    assert memo.get("page", [page], read) == "two"
    staging = tmp_path / ".page.po.new"  # replaced, as an atomic write does
    staging.write_text("six")
    os.replace(staging, page)
    assert memo.get("page", [page], read) == "six"
    assert made == ["one", "two", "six"]


def test_a_file_added_to_or_removed_from_a_folder_is_noticed(tmp_path):
    folder = tmp_path / "ledger"
    folder.mkdir()
    memo = FileMemo()

    def listing():
        return sorted(p.name for p in folder.iterdir())

    def files():
        return [folder, *sorted(folder.iterdir())]

    assert memo.get("ledger", files(), listing) == []
    (folder / "a.yaml").write_text("x")
    assert memo.get("ledger", files(), listing) == ["a.yaml"]
    (folder / "a.yaml").unlink()
    assert memo.get("ledger", files(), listing) == []


def test_the_least_recently_used_result_is_dropped_first(tmp_path):
    memo, made = FileMemo(size=2), []

    def make(key):
        return lambda: made.append(key) or key

    for key in ("a", "b", "a", "c", "a", "b"):
        memo.get(key, [], make(key))
    assert made == ["a", "b", "c", "b"]   # c pushed out b, the least recently used


def test_a_result_that_failed_is_not_kept(tmp_path):
    memo, calls = FileMemo(), []

    def broken():
        calls.append(1)
        raise ValueError("broken catalogue")

    for _ in range(2):
        with pytest.raises(ValueError):
            memo.get("x", [], broken)
    assert len(calls) == 2
