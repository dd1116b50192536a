"""JSON for machines: the whole schedule with the post fields of SPEC section 3."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime, time
from typing import Any

from smmplan.model import Schedule

FORMAT_VERSION = 1


def to_json(schedule: Schedule) -> bytes:
    """Return the schedule as indented UTF-8 JSON ending with a newline."""
    text = json.dumps(_document(schedule), ensure_ascii=False, indent=2, default=_encode_value)
    return (text + "\n").encode("utf-8")


def _document(schedule: Schedule) -> dict[str, Any]:
    info = schedule.calendar
    return {
        "smmplan": FORMAT_VERSION,
        # The calendar's file path is left out: it differs between machines.
        "calendar": {
            "id": info.id,
            "name": info.name,
            "timezone": info.timezone,
            "language": info.language,
            "vars": info.vars,
        },
        "window": {"start": schedule.start.isoformat(), "end": schedule.end.isoformat()},
        "posts": [post.as_dict() for post in schedule.posts],
        "days": [asdict(day) for day in schedule.days],
        "unfilled": [asdict(slot) for slot in schedule.unfilled],
    }


def _encode_value(value: object) -> str:
    # `vars` are free YAML values, which may hold dates or times.
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
