"""The on-disk caches change speed only: cold, warm and unusable caches give the same files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _build(repo: Path, out: str) -> dict[str, bytes]:
    result = CliRunner().invoke(app, ["build", "--format", "csv,ics,md,json", "--out", out])
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(repo / out)): p.read_bytes() for p in (repo / out).rglob("*.*")}


def test_cold_warm_and_broken_cache_give_identical_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "calendars", repo / "calendars")
    shutil.copytree(ROOT / "templates", repo / "templates")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    cold = _build(repo, "cold")
    assert (tmp_path / "cache" / "holidays").is_dir()
    warm = _build(repo, "warm")
    # A cache that cannot be written (a file where the folder should be) is simply skipped.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(blocked))
    unusable = _build(repo, "unusable")
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
