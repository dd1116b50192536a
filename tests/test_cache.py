"""The on-disk caches change speed only: cold, warm and unusable caches give the same files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from calendars_for_tests import build_every_format, copy_examples


def test_cold_warm_and_broken_cache_give_identical_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    cold = build_every_format(repo, "cold")
    assert (tmp_path / "cache" / "holidays").is_dir()
    warm = build_every_format(repo, "warm")
    # A cache that cannot be written (a file where the folder should be) is simply skipped.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(blocked))
    unusable = build_every_format(repo, "unusable")
    assert cold == warm == unusable
    assert len(cold) == 12


def test_corrupt_cache_entries_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smmplan import cache

    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path))
    cache.put("demo", ("a", 1), {"x": [1, 2]})
    assert cache.get("demo", ("a", 1)) == {"x": [1, 2]}
    for stored in (tmp_path / "demo").iterdir():
        stored.write_text("{not json", encoding="utf-8")
    assert cache.get("demo", ("a", 1)) is None
    assert os.listdir(tmp_path / "demo")  # nothing crashed, the entry is just a miss
