"""Reusing the bytes of an output file when what it is written from is unchanged.

`build` writes every file afresh from each calendar's schedule. Rendering the files loads Jinja
and Babel's locale data, which costs more than the rest of a build whose schedules come from
the check cache (smmplan.cache.check). A file's bytes follow from the schedule (after
--channel and --status), the format and its options, and smmplan with its libraries; so the
bytes are kept under a key of the calendar, window, format, options and a digest of the
schedule's data. An edit that changes no post (a comment, a reordered key) keeps the files too.

HTML is never kept: it embeds media files that the schedule only names.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from smmplan.cache import fingerprint as fingerprints
from smmplan.cache import store

if TYPE_CHECKING:
    from smmplan.model import Schedule

KIND = "exported"
KEPT_FORMATS = ("csv", "ics", "md", "json")


def fingerprint(schedule: Schedule) -> str:
    """A digest of everything in the schedule that an export can show."""
    text = json.dumps(schedule.to_data(), sort_keys=True, ensure_ascii=False)
    return fingerprints.digest(text.encode("utf-8"))


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
    cache_key = _key(schedule, schedule_digest, fmt, options)
    stored = store.get(KIND, cache_key)
    if isinstance(stored, dict):
        try:
            return {name: text.encode("utf-8") for name, text in stored.items()}
        except AttributeError:
            pass
    made = render()
    try:
        kept = {name: data.decode("utf-8") for name, data in made.items()}
    except UnicodeDecodeError:
        return made
    store.put(KIND, cache_key, kept)
    return made


def _key(
    schedule: Schedule, schedule_digest: str, fmt: str, options: dict[str, Any]
) -> tuple[Any, ...]:
    calendar = os.path.abspath(schedule.calendar.path) if schedule.calendar.path else ""
    return fingerprints.key(
        KIND,
        inputs={"schedule": schedule_digest},
        options={**options, "calendar": calendar, "window": schedule.window_name, "format": fmt},
    )
