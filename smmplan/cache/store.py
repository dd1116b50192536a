"""The cache folder: where it is, its entries written whole or not at all, and their pruning.

It lives in $SMMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smmplan, else ~/.cache/smmplan, with one
folder per kind of result. A cache that cannot be read or written is simply not used: it
never changes results, only speed.

Entries are kept until they go unused for UNUSED_DAYS (a hit marks an entry used), so the
folder does not grow with every day `validate` runs or every edit `build` renders: the first
write of a run clears that kind's unused entries, and a run that only reads writes nothing.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UNUSED_DAYS = 30
# The folders of the cache, one per kind of result, with what `smmplan cache info` calls them.
KINDS = {
    "checked": "checked calendars: problems and schedules",
    "exported": "exported files",
    "template-reads": "what each template reads",
    "jinja": "compiled templates",
    "holidays": "public holidays",
    "package": "digests of smmplan's own files",
}


def cache_dir() -> Path:
    explicit = os.environ.get("SMMPLAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smmplan"


def _file(kind: str, key: tuple[Any, ...]) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]
    return cache_dir() / kind / f"{digest}.json"


def _as_stored(key: tuple[Any, ...]) -> Any:
    """The key as it reads back from an entry's JSON (tuples become lists, keys sorted)."""
    return json.loads(json.dumps(list(key), sort_keys=True))


def get(kind: str, key: tuple[Any, ...]) -> Any:
    """The cached value, or None when absent or unreadable."""
    path = _file(kind, key)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != _as_stored(key):
        return None
    mark_used(path)
    return stored.get("value")


def put(kind: str, key: tuple[Any, ...], value: Any) -> None:
    """Store a JSON value; failures (read-only home, full disk) are ignored."""
    target = _file(kind, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            # dumps, not dump: json.dump writes through the pure-Python encoder, 5x slower.
            stream.write(json.dumps({"key": list(key), "value": value}, ensure_ascii=False))
        os.replace(name, target)
    except OSError:
        return
    prune(target.parent)


def mark_used(path: str | Path) -> None:
    """Keep an entry another UNUSED_DAYS."""
    with contextlib.suppress(OSError):
        os.utime(path)


# The names smmplan writes (put's entries and their temporary files, Jinja's compiled
# templates): only these are ever removed, whatever else is in the folder.
_OURS = re.compile(
    r"[0-9a-f]{32}\.json|tmp[a-z0-9_]+\.tmp|__jinja2_[0-9a-f]{40}\.cache([a-z0-9_]+\.tmp)?"
)


@functools.cache  # once per folder and run
def prune(folder: Path) -> None:
    """Remove the entries (and leftovers of interrupted writes) unused for UNUSED_DAYS."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    for entry in _entries(folder):
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    """The files in `folder` that smmplan wrote."""
    try:
        found = list(os.scandir(folder))
    except OSError:
        return []
    return [e for e in found if _OURS.fullmatch(e.name) and e.is_file(follow_symlinks=False)]


@dataclass
class Summary:
    """What the cache folder holds: its entries by kind, and their size in bytes."""

    location: Path
    entries: dict[str, int] = field(default_factory=dict)
    size: int = 0


def _kinds(root: Path) -> list[Path]:
    try:
        return sorted(Path(e.path) for e in os.scandir(root) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def summary() -> Summary:
    """How many entries of each kind the cache folder holds, and how big they are."""
    root = cache_dir()
    found = Summary(root, dict.fromkeys(KINDS, 0))
    for folder in _kinds(root):
        entries = _entries(folder)
        if entries or folder.name in KINDS:  # a folder of someone else's is not a kind
            found.entries[folder.name] = len(entries)
        for entry in entries:
            with contextlib.suppress(OSError):
                found.size += entry.stat().st_size
    return found


def clear() -> Summary:
    """Remove every entry smmplan wrote, and the folders left empty; what was removed."""
    removed = summary()
    for folder in _kinds(removed.location):
        for entry in _entries(folder):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when nothing of anyone else's is left in it
    prune.cache_clear()
    return removed
