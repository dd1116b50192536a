"""What one run works out once and reuses across its calendars, in memory only.

Many calendars of one run share their texts: the code compiled from a text and what a text
reads are looked up once per run rather than once per calendar. Each memo is keyed by what its
result depends on (smmplan's own digest among it), so it never outlives a change; `clear()`
empties them all, as a new process would start.
"""

from __future__ import annotations

from typing import Any

_MEMOS: list[dict[Any, Any]] = []


def memo() -> dict[Any, Any]:
    """A new memo for this run, emptied by `clear()`."""
    found: dict[Any, Any] = {}
    _MEMOS.append(found)
    return found


def clear() -> None:
    for found in _MEMOS:
        found.clear()
