"""Reusing the bytes of an output file when what it is written from is unchanged.

`build` writes every file afresh from each calendar's schedule. Rendering the files loads Jinja
and Babel's locale data, which costs more than the rest of a build whose schedules come from
the check cache (smmplan.check_cache). A file's bytes follow from the schedule (after
--channel and --status), the format and its options, and smmplan with its libraries; so the
bytes are kept per calendar, window and format beside a digest of the schedule's data, and
used again while that digest and the rest of the key are unchanged. An edit that changes no
post (a comment, a reordered key) keeps the files too.

HTML is never kept: it embeds media files that the schedule only names.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from smmplan import cache, check_cache

if TYPE_CHECKING:
    from smmplan.model import Schedule

NAMESPACE = "exported"
KEPT_FORMATS = ("csv", "ics", "md", "json")


def fingerprint(schedule: Schedule) -> str:
    """A digest of everything in the schedule that an export can show."""
    text = json.dumps(schedule.to_data(), sort_keys=True, ensure_ascii=False)
    return check_cache.digest(text.encode("utf-8"))


def files(
    schedule: Schedule,
    schedule_digest: str,
    fmt: str,
    options: dict[str, Any],
    render: Callable[[], dict[str, bytes]],
) -> dict[str, bytes]:
    """What `render` gives (file-name endings and bytes), from the cache when it holds them."""
    if fmt not in KEPT_FORMATS:
        return render()
    cache_key = _key(schedule, fmt, options)
    stored = cache.get(NAMESPACE, cache_key)
    if isinstance(stored, dict) and stored.get("schedule") == schedule_digest:
        try:
            return {name: text.encode("utf-8") for name, text in stored["files"].items()}
        except (KeyError, AttributeError):
            pass
    made = render()
    try:
        kept = {name: data.decode("utf-8") for name, data in made.items()}
    except UnicodeDecodeError:
        return made
    cache.put(NAMESPACE, cache_key, {"schedule": schedule_digest, "files": kept})
    return made


def _key(schedule: Schedule, fmt: str, options: dict[str, Any]) -> tuple[Any, ...]:
    return (
        "exported-1",
        os.path.abspath(schedule.calendar.path) if schedule.calendar.path else "",
        schedule.window_name,
        fmt,
        options,
        check_cache.code_and_packages(),
    )
