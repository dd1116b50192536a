"""A build's files land all together or not at all, and an earlier build's files survive a
failed one byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smmplan.export.atomic import write_all
from smmplan.problems import SmmplanError


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_many_files_land_with_their_bytes(tmp_path: Path) -> None:
    files = {
        tmp_path / f"client-{n:03d}" / f"2026-01.{fmt}": f"{n} {fmt}\n".encode() * (n + 1)
        for n in range(60)
        for fmt in ("csv", "ics", "md", "json")
    }
    write_all(files)
    assert _tree(tmp_path) == {str(p.relative_to(tmp_path)): data for p, data in files.items()}


def test_a_failed_write_puts_every_earlier_file_back(tmp_path: Path) -> None:
    """A folder where a file should go stops the write: the files already replaced get their
    old bytes back, no new file stays, and no temporary or backup file is left behind."""
    names = [tmp_path / "a" / f"{n:02d}.csv" for n in range(20)]
    write_all({path: b"old " + path.name.encode() for path in names})
    before = _tree(tmp_path)
    blocker = tmp_path / "a" / "10.md"
    blocker.mkdir()
    new = {path: b"new" for path in names} | {blocker: b"new", tmp_path / "a" / "99.csv": b"new"}
    with pytest.raises(SmmplanError, match=r"cannot write .*10\.md"):
        write_all(new)
    assert _tree(tmp_path) == before
    assert sorted(os.listdir(tmp_path / "a")) == sorted([*(p.name for p in names), "10.md"])


def test_a_file_that_cannot_be_staged_stops_the_write_before_anything_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smmplan.export import atomic

    names = [tmp_path / f"{n:02d}.ics" for n in range(12)]
    write_all({path: b"old" for path in names})
    stage = atomic._stage

    def full_disk(target: Path, data: bytes, mode: int) -> Path:
        if target.name == "07.ics":
            raise OSError(28, "No space left on device")
        return stage(target, data, mode)

    monkeypatch.setattr(atomic, "_stage", full_disk)
    with pytest.raises(SmmplanError, match=r"cannot write .*07\.ics \(No space left on device\)"):
        write_all({path: b"new" for path in names})
    assert _tree(tmp_path) == {path.name: b"old" for path in names}


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_every_file_gets_the_mode_a_new_file_would(tmp_path: Path, umask: int) -> None:
    """Files are staged in several threads; the umask is the process's, so each must still
    get exactly the mode the user's umask gives a new file."""
    old = os.umask(umask)
    try:
        write_all({tmp_path / f"{n}.csv": b"x" for n in range(40)})
    finally:
        os.umask(old)
    modes = {(p.stat().st_mode & 0o777) for p in tmp_path.iterdir()}
    assert modes == {0o666 & ~umask}


def test_staged_files_that_are_never_committed_leave_nothing_behind(tmp_path: Path) -> None:
    """A build that stops after staging (a scheduler's rule broken, two calendars with one id)
    writes nothing and leaves the earlier build as it was."""
    from smmplan.export.atomic import Writer

    earlier = tmp_path / "a.csv"
    earlier.write_bytes(b"earlier")
    with Writer() as writer:
        writer.stage({earlier: b"new", tmp_path / "sub" / "deeper" / "b.csv": b"new"})
    assert _tree(tmp_path) == {"a.csv": b"earlier"}
    assert sorted(os.listdir(tmp_path)) == ["a.csv"]  # nor a folder it made for them
