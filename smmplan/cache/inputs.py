"""The files a result was made from, recorded as they are read, and checked again later.

A check reads files it only finds as it goes (fragments named by `include`, templates reached
through `include`/`import`/`extends`, the repo root's marker folders), so they cannot be part
of a key made beforehand. The loader and the template loader reach a calendar's files only
through `read_bytes`, `exists` and `is_file` here, which record inside `recording()`: every
file opened with a digest of its bytes, and every path only looked at with what was there
(nothing, a folder, a file of a size and modification time). A stored result is used only
while `unchanged` says every one of them still gives what it gave.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from smmplan.cache.fingerprint import digest

# path -> ["bytes", digest of what was read] or ["state", what _state found there]
Reads = dict[str, list[str | None]]
_reads: Reads | None = None
# Edits not yet written (resolved path -> bytes), read in place of the files by a check.
_overlay: dict[Path, bytes] = {}


@contextmanager
def overlaid(files: dict[Path, bytes]) -> Iterator[None]:
    """Inside the block, reading one of these existing files gives the bytes given here."""
    _overlay.update({path.resolve(): data for path, data in files.items()})
    try:
        yield
    finally:
        _overlay.clear()


def read_bytes(path: Path) -> bytes:
    """The bytes of a file a result depends on, recorded."""
    if _overlay and path.resolve() in _overlay:
        return _overlay[path.resolve()]
    try:
        data = path.read_bytes()
    except OSError:
        _note(path, ["bytes", None])  # never equal to a digest: read again next time
        raise
    _note(path, ["bytes", digest(data)])
    return data


def exists(path: Path) -> bool:
    """Whether anything is at `path`, as Path.exists says; recorded."""
    return _look(path) != "missing"


def is_file(path: Path) -> bool:
    """Whether `path` is a file, as Path.is_file says; recorded."""
    return _look(path).startswith("file")


def _state(path: str | Path) -> str:
    """What is at `path`: missing, a folder, or a file of a size and modification time."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno not in _NOTHING_THERE:
            raise  # a name too long, no permission: the caller reports it
        return "missing"
    except ValueError:  # a name the file system cannot hold
        return "missing"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    return f"file {info.st_size} {info.st_mtime_ns}"


_NOTHING_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # as pathlib's


def _look(path: Path) -> str:
    found = _state(path)
    if _reads is not None:  # what a read recorded tells more: keep it
        _reads.setdefault(str(Path(path).absolute()), ["state", found])
    return found


def _note(path: Path, entry: list[str | None]) -> None:
    if _reads is not None:
        _reads[str(Path(path).absolute())] = entry


@contextmanager
def recording() -> Iterator[Reads]:
    """Collect the reads of the work run inside the block."""
    global _reads
    outer, _reads = _reads, {}
    try:
        yield _reads
    finally:
        _reads = outer


def _still(path: str, was: list[str | None]) -> bool:
    kind, value = was
    try:
        if kind == "state":
            return _state(path) == value
        with open(path, "rb") as stream:
            return digest(stream.read()) == value
    except OSError:
        return False


def unchanged(reads: Reads) -> bool:
    """Whether every recorded file still gives what it gave."""
    return all(_still(path, was) for path, was in reads.items())
