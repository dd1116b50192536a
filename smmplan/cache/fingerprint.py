"""The one key of every cached result: what it was made from, with which options, on which day,
by which smmplan.

`key()` is the only way a cache names an entry; docs/architecture.md states the policy. The
files a result reads as it goes are recorded by smmplan.cache.inputs and stored in the entry,
to be checked again before the entry is used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import zoneinfo
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

FORMAT = 1  # of the keys and entries themselves
_PACKAGE = Path(__file__).resolve().parent.parent
_OWN_FILES = (".py", ".yaml", ".json", ".j2", ".css", ".toml")


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def key(
    kind: str,
    *,
    inputs: Mapping[str, str | None] | None = None,
    options: Mapping[str, Any] | None = None,
    today: date | str | None = None,
) -> tuple[Any, ...]:
    """The key of a result of `kind`.

    `inputs` names what the result is made from (a file, a text, a schedule) with a digest of
    it; `options` are the settings it follows; `today` is given only when the result depends
    on the date. smmplan's own files and libraries are always part of it.
    """
    return (
        kind,
        FORMAT,
        package_digest(),
        dict(inputs or {}),
        dict(options or {}),
        str(today) if today else None,
    )


@functools.cache
def package_digest() -> str:
    """A digest of smmplan's files, the Python running it and the libraries installed beside it.

    The files' bytes are hashed once per install: the digest is kept in the cache, found by
    the files' names, sizes and modification times and the environment, which are cheap to
    list on every run; a checkout touched but not changed keeps its caches.
    """
    from smmplan.cache import store

    own, environment = _own_files(), _environment()
    listed = ("package", FORMAT, own, environment)
    found = store.get("package", listed)
    if isinstance(found, str):
        return found
    content = hashlib.blake2b(digest_size=16)
    for name, _, _ in own:
        content.update(name.encode() + b"\0")
        try:
            content.update((_PACKAGE / name).read_bytes())
        except OSError:
            continue  # removed while listing: the next run lists it again
    content.update(json.dumps(environment).encode())
    made = content.hexdigest()
    store.put("package", listed, made)
    return made


def _own_files() -> list[tuple[str, int, int]]:
    """smmplan's files (names inside the package), with their size and modification time."""
    found: list[tuple[str, int, int]] = []
    start = len(str(_PACKAGE)) + 1
    folders = [str(_PACKAGE)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(_OWN_FILES):
                    info = entry.stat()
                    found.append((entry.path[start:], info.st_size, info.st_mtime_ns))
    return sorted(found)


def _environment() -> list[Any]:
    """The Python version, the installed packages (their versions) and the time-zone data."""
    installed: list[str] = []
    for entry in sys.path:
        try:
            installed += sorted(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
    zones = [(d, os.stat(d).st_mtime_ns) for d in zoneinfo.TZPATH if os.path.isdir(d)]
    return [sys.version, installed, zones]
