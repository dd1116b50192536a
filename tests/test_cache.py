"""The on-disk caches change speed only: cold, warm and unusable caches give the same files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from calendars_for_tests import build_every_format, copy_examples


@pytest.mark.slow
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
    # four formats of every example calendar
    assert len(cold) == 4 * len(list((repo / "calendars").glob("[!_]*.yaml")))


def test_corrupt_cache_entries_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smmplan.cache import store as cache

    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path))
    cache.put("demo", ("a", 1), {"x": [1, 2]})
    assert cache.get("demo", ("a", 1)) == {"x": [1, 2]}
    for stored in (tmp_path / "demo").iterdir():
        stored.write_text("{not json", encoding="utf-8")
    assert cache.get("demo", ("a", 1)) is None
    assert os.listdir(tmp_path / "demo")  # nothing crashed, the entry is just a miss


def test_entries_unused_for_a_month_are_removed_on_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smmplan.cache import store as cache

    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path))
    for name in ("old", "old-but-used", "recent"):
        cache.put("demo", (name,), name)
    folder = tmp_path / "demo"
    entries = {p.name: p for p in folder.iterdir()}
    assert len(entries) == 3
    long_ago = time.time() - (cache.UNUSED_DAYS + 1) * 86400
    for path in entries.values():
        os.utime(path, (long_ago, long_ago))
    os.utime(cache._file("demo", ("recent",)), None)
    mine = folder / "notes.txt"  # not an entry: never touched, whatever its age
    mine.write_text("mine", encoding="utf-8")
    os.utime(mine, (long_ago, long_ago))
    assert cache.get("demo", ("old-but-used",)) == "old-but-used"

    cache.prune.cache_clear()  # as in a new run
    cache.put("demo", ("new",), "new")
    assert cache.get("demo", ("old",)) is None
    assert [cache.get("demo", (n,)) for n in ("old-but-used", "recent", "new")] == [
        "old-but-used",
        "recent",
        "new",
    ]
    assert mine.read_text(encoding="utf-8") == "mine"
