"""Reusing what checking a calendar gave when nothing it was checked from has changed.

Checking a calendar loads YAML, builds the format's models, renders every post and runs the
lint rules; an agency repo re-validated or rebuilt after editing one client's calendar should
only pay for that one. So, like the caches of linters and type checkers, the problems found in
each calendar (and, for `build`, its expanded schedule) are kept on disk beside a record of
everything the check read:

- the key: the calendar's path and the working folder (problems name files relative to it),
  the options that change the result (window, the date taken as today), the Python version,
  smmplan's own files (size and modification time, so an edited checkout counts as a new
  version) and the installed packages (their `*.dist-info` names carry the versions);
- the reads: every file the check opened (calendar, fragments, templates) with a digest of
  its bytes, and every path it only looked at (the repo root's marker folders, an include or
  template that did not exist, a template too large to open) with what it found there.

A stored result is used only when the key is the same and every read still gives what it gave;
anything else checks the calendar again. The loader and the template loader reach the files
of a calendar only through `read_bytes`, `exists` and `is_file` here, which record as they
go. The cache lives in the folder of `smmplan.cache` and, like it, is skipped when it cannot
be read or written.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import stat
import sys
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smmplan import cache
from smmplan.problems import Problem

NAMESPACE = "checked"
_PACKAGE = Path(__file__).resolve().parent
# path -> ["bytes", digest of what was read] or ["state", what _state found there]
_reads: dict[str, list[str | None]] | None = None


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The bytes of a file a calendar's check depends on, recorded."""
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
def recording() -> Iterator[dict[str, list[str | None]]]:
    """Collect the reads of the check run inside the block."""
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


@functools.cache
def code_and_packages() -> list[Any]:
    """What identifies this smmplan and its libraries without importing any of them."""
    own = []
    for p in _PACKAGE.rglob("*"):
        if (
            p.suffix in (".py", ".yaml", ".json", ".j2", ".css", ".toml")
            and "__pycache__" not in p.parts
        ):
            info = p.stat()
            own.append((str(p.relative_to(_PACKAGE)), info.st_size, info.st_mtime_ns))
    own.sort()
    installed: list[str] = []
    for entry in sys.path:
        try:
            installed += sorted(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
    zones = [(d, os.stat(d).st_mtime_ns) for d in zoneinfo.TZPATH if os.path.isdir(d)]
    return [sys.version, own, installed, zones]


def key(file: Path, options: dict[str, object]) -> tuple[Any, ...]:
    """What identifies a check of `file` with `options`, besides what it read."""
    return ("checked-3", str(file.absolute()), os.getcwd(), options, code_and_packages())


def lookup(cache_key: tuple[Any, ...]) -> tuple[list[Problem], Any] | None:
    """The problems and schedule data stored under `cache_key`, if every read is unchanged."""
    stored = cache.get(NAMESPACE, cache_key)
    if not isinstance(stored, dict):
        return None
    try:
        if not all(_still(path, was) for path, was in stored["reads"].items()):
            return None
        return [Problem(**item) for item in stored["problems"]], stored["schedule"]
    except (KeyError, TypeError, AttributeError):
        return None


def store(
    cache_key: tuple[Any, ...],
    reads: dict[str, list[str | None]],
    problems: list[Problem],
    schedule: Any = None,
) -> None:
    cache.put(
        NAMESPACE,
        cache_key,
        {"reads": reads, "problems": [p.as_dict() for p in problems], "schedule": schedule},
    )
