"""A small on-disk JSON cache for data that is slow to compute and fixed by a package version.

It lives in $SMMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/smmplan, else ~/.cache/smmplan. A cache
that cannot be read or written is simply not used: it never changes results, only speed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    explicit = os.environ.get("SMMPLAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smmplan"


def _file(namespace: str, key: tuple[Any, ...]) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]
    return cache_dir() / namespace / f"{digest}.json"


def get(namespace: str, key: tuple[Any, ...]) -> Any:
    """The cached value, or None when absent or unreadable."""
    try:
        stored = json.loads(_file(namespace, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("value") if stored.get("key") == list(key) else None


def put(namespace: str, key: tuple[Any, ...], value: Any) -> None:
    """Store a JSON value; failures (read-only home, full disk) are ignored."""
    target = _file(namespace, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"key": list(key), "value": value}, stream, ensure_ascii=False)
        os.replace(name, target)
    except OSError:
        return
