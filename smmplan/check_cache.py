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
  its bytes, and every path it only looked for (the repo root's marker folders, an include
  or template that did not exist), with whether it existed.

A stored result is used only when the key is the same and every read still gives what it gave;
anything else checks the calendar again. Reads are recorded where the loader and the template
loader open files: the only places a calendar's inputs come in. The cache lives in the folder
of `smmplan.cache` and, like it, is skipped when it cannot be read or written.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smmplan import cache
from smmplan.problems import Problem

NAMESPACE = "checked"
_PACKAGE = Path(__file__).resolve().parent
_reads: dict[str, str | bool] | None = None  # path -> digest of its bytes, or whether it exists


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


UNREADABLE = "unreadable"  # never a digest: a file that could not be read is read again


def note_read(path: Path, data: bytes | None) -> None:
    """A file the check read, with the bytes it read (None: it could not be read)."""
    if _reads is not None:
        _reads[str(Path(path).absolute())] = UNREADABLE if data is None else digest(data)


def note_lookup(path: Path, exists: bool) -> None:
    """A path the check only looked for; what it found there is all that matters."""
    if _reads is not None:
        _reads.setdefault(str(Path(path).absolute()), exists)


@contextmanager
def recording() -> Iterator[dict[str, str | bool]]:
    """Collect the reads of the check run inside the block."""
    global _reads
    outer, _reads = _reads, {}
    try:
        yield _reads
    finally:
        _reads = outer


def _still(path: str, was: str | bool) -> bool:
    if isinstance(was, bool):
        return os.path.exists(path) == was
    try:
        with open(path, "rb") as stream:
            return digest(stream.read()) == was
    except OSError:
        return False


@functools.cache
def _code_and_packages() -> list[Any]:
    """What identifies this smmplan and its libraries without importing any of them."""
    own = sorted(
        (str(p.relative_to(_PACKAGE)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in _PACKAGE.rglob("*")
        if p.suffix in (".py", ".yaml", ".json", ".j2", ".css") and "__pycache__" not in p.parts
    )
    installed: list[str] = []
    for entry in sys.path:
        try:
            installed += sorted(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
    zones = [(d, os.stat(d).st_mtime_ns) for d in _tzpath() if os.path.isdir(d)]
    return [sys.version, own, installed, zones]


def _tzpath() -> tuple[str, ...]:
    import zoneinfo

    return tuple(zoneinfo.TZPATH)


def key(file: Path, options: dict[str, object]) -> tuple[Any, ...]:
    """The key as it reads back from the cache's JSON (lists, not tuples)."""
    parts = ["checked-2", str(file.absolute()), os.getcwd(), options, _code_and_packages()]
    return tuple(json.loads(json.dumps(parts, sort_keys=True)))


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
    reads: dict[str, str | bool],
    problems: list[Problem],
    schedule: Any = None,
) -> None:
    cache.put(
        NAMESPACE,
        cache_key,
        {"reads": reads, "problems": [p.as_dict() for p in problems], "schedule": schedule},
    )
