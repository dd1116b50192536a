"""A small on-disk JSON cache for data that is slow to compute and fixed by a package version.

It lives in $SMMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smmplan, else ~/.cache/smmplan. A cache
that cannot be read or written is simply not used: it never changes results, only speed.

Entries are kept until they go unused for UNUSED_DAYS (a hit marks an entry used), so the
folder does not grow with every day `validate` runs or every edit `build` renders: the first
write of a run clears that namespace's unused entries, and a run that only reads writes nothing.
Jinja's compiled templates (smmplan.jinja_cache) live beside these folders and are not pruned.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    explicit = os.environ.get("SMMPLAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smmplan"


UNUSED_DAYS = 30


def _file(namespace: str, key: tuple[Any, ...]) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]
    return cache_dir() / namespace / f"{digest}.json"


def _as_stored(key: tuple[Any, ...]) -> Any:
    """The key as it reads back from an entry's JSON (tuples become lists, keys sorted)."""
    return json.loads(json.dumps(list(key), sort_keys=True))


def get(namespace: str, key: tuple[Any, ...]) -> Any:
    """The cached value, or None when absent or unreadable."""
    path = _file(namespace, key)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stored.get("key") != _as_stored(key):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: kept for another UNUSED_DAYS
    return stored.get("value")


def put(namespace: str, key: tuple[Any, ...], value: Any) -> None:
    """Store a JSON value; failures (read-only home, full disk) are ignored."""
    target = _file(namespace, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            # dumps, not dump: json.dump writes through the pure-Python encoder, 5x slower.
            stream.write(json.dumps({"key": list(key), "value": value}, ensure_ascii=False))
        os.replace(name, target)
    except OSError:
        return
    _prune(target.parent)


# The names put() writes: only these are ever removed, whatever else is in the folder.
_OURS = re.compile(r"[0-9a-f]{32}\.json|tmp[a-z0-9_]+\.tmp")


@functools.cache  # once per folder and run
def _prune(folder: Path) -> None:
    """Remove the entries (and leftovers of interrupted writes) unused for UNUSED_DAYS."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if (
                _OURS.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and entry.stat().st_mtime < cutoff
            ):
                os.unlink(entry.path)
        except OSError:
            continue
