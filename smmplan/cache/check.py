"""Reusing what checking a calendar gave when nothing it was checked from has changed.

Checking a calendar loads YAML, builds the format's models, renders every post and runs the
lint rules; an agency repo re-validated or rebuilt after editing one client's calendar should
only pay for that one. So, like the caches of linters and type checkers, the problems found in
each calendar (and, for `build`, its expanded schedule) are kept beside a record of everything
the check read (smmplan.cache.inputs), under the key of smmplan.cache.fingerprint: the
calendar's path and the working folder (problems name files relative to it), the options that
change the result (window, whether schedules are kept), the date taken as today, and smmplan.

A stored result is used only when the key is the same and every read still gives what it gave;
anything else checks the calendar again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from smmplan.cache import fingerprint, inputs
from smmplan.cache import store as disk
from smmplan.problems import Problem

KIND = "checked"


def key(file: Path, options: dict[str, object]) -> tuple[Any, ...]:
    """What identifies a check of `file` with `options` (its "today" among them)."""
    settings = {name: value for name, value in options.items() if name != "today"}
    settings.update(calendar=str(file.absolute()), folder=os.getcwd())
    today = options.get("today")
    return fingerprint.key(KIND, options=settings, today=str(today) if today else None)


def lookup(cache_key: tuple[Any, ...]) -> tuple[list[Problem], Any] | None:
    """The problems and result data stored under `cache_key`, if every read is unchanged."""
    stored = disk.get(KIND, cache_key)
    if not isinstance(stored, dict):
        return None
    try:
        if not inputs.unchanged(stored["reads"]):
            return None
        return [_problem(item) for item in stored["problems"]], stored["result"]
    except (KeyError, TypeError, AttributeError, ValueError):
        return None


def _problem(item: dict[str, Any]) -> Problem:
    end = item.pop("end", None)
    return Problem(**item, end=(end[0], end[1]) if end else None)


def store(
    cache_key: tuple[Any, ...],
    reads: inputs.Reads,
    problems: list[Problem],
    result: Any = None,
) -> None:
    rows = [{**p.as_dict(), **({"end": list(p.end)} if p.end else {})} for p in problems]
    value = {"reads": reads, "problems": rows, "result": result}
    disk.put(KIND, cache_key, value)
