"""JSON for machines: the whole schedule with the post fields of docs/outputs.md."""

from __future__ import annotations

import json
import posixpath
from dataclasses import asdict
from datetime import date, datetime, time
from typing import Any

from smmplan.export import Format, register
from smmplan.model import LeftOut, Schedule

FORMAT_VERSION = 1


def to_json(schedule: Schedule) -> bytes:
    """Return the schedule as UTF-8 JSON, one post (day, unfilled slot) per line."""
    lines = ["{"]
    document = _document(schedule)
    for index, (key, value) in enumerate(document.items()):
        comma = "," if index < len(document) - 1 else ""
        if isinstance(value, list) and value:
            # One record per line reads well in a diff, and the C encoder (which `indent`
            # turns off) keeps a year of posts fast.
            items = ",\n".join(f"    {_compact(item)}" for item in value)
            lines.append(f"  {_compact(key)}: [\n{items}\n  ]{comma}")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}{comma}")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _compact(value: object) -> str:
    return _ENCODER.encode(value)


def _document(schedule: Schedule) -> dict[str, Any]:
    return {
        "smmplan": FORMAT_VERSION,
        "calendar": schedule.calendar.as_dict(),
        "window": {"start": schedule.start.isoformat(), "end": schedule.end.isoformat()},
        "posts": [post.as_dict() for post in schedule.posts],
        "days": [asdict(day) for day in schedule.days],
        "unfilled": [asdict(slot) for slot in schedule.unfilled],
        "left_out": [_left_out(item, schedule) for item in schedule.left_out],
    }


def _left_out(item: LeftOut, schedule: Schedule) -> dict[str, Any]:
    """A left-out item, its file named relative to the calendar's folder (the same on every
    machine and working folder)."""
    row = asdict(item)
    folder = posixpath.dirname(schedule.calendar.path.replace("\\", "/"))
    row["file"] = posixpath.relpath(item.file.replace("\\", "/"), folder or ".")
    return row


def _encode_value(value: object) -> str:
    # `vars` are free YAML values, which may hold dates or times.
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# What json.dumps would make anew for every record.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), default=_encode_value)

register(
    Format(
        "json",
        "the whole schedule for other tools",
        lambda schedule, options: to_json(schedule),
        signatures=(b'{\n  "smmplan": 1',),
        default=False,
        order=40,
        cacheable=True,
    )
)
