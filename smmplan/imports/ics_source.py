"""ICS calendars: each timed VEVENT becomes a row (SUMMARY the title, DESCRIPTION the text).

smmplan's own ICS is read back to what it was written from: "[channel] title" summaries, the
"Media:"/"Link:" lines it adds to descriptions, and its all-day holiday and observance events,
which mark days and are not posts.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from smmplan.imports.table import FileRefused, Row, Table, check_rows

HEADER = ["datetime", "channel", "title", "text", "media", "link", "status", "pillar", "network"]
_SUMMARY = re.compile(r"\[([^\]\n]+)\] (.*)", re.DOTALL)
_DAY_KINDS = {"holiday", "observance"}
_SOURCES = {"draft", "theme", "observance", "holiday"}
_CONFIRMED = "approved"  # the STATUS smmplan writes for approved, scheduled and published


def read_ics(raw: bytes, path: str) -> Table:
    """The events of an ICS file, numbered by the line of their BEGIN:VEVENT."""
    import icalendar

    try:
        text = raw.decode("utf-8-sig")
        calendar = icalendar.Calendar.from_ical(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FileRefused(f"{path}: not a readable ICS calendar ({exc})") from None
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line == "BEGIN:VEVENT"]
    events = list(calendar.walk("VEVENT"))
    check_rows(path, len(events))
    rows: list[Row] = []
    day_events = 0
    for index, event in enumerate(events):
        if _is_day_event(event):
            day_events += 1
            continue
        number = lines[index] if index < len(lines) else index + 1
        rows.append(Row(number, _event_cells(event), problem=_problem(event)))
    info = {
        "name": str(calendar.get("X-WR-CALNAME", "")),
        "timezone": str(calendar.get("X-WR-TIMEZONE", "")),
    }
    notes = [f"{day_events} all-day holiday and observance event(s) mark days: not imported"]
    return Table(
        path,
        list(HEADER),
        rows,
        "ics",
        calendar={key: value for key, value in info.items() if value},
        notes=notes if day_events else [],
    )


def _is_day_event(event: Any) -> bool:
    """smmplan's all-day events of holidays and observances."""
    categories = _categories(event)
    uid = str(event.get("UID", ""))
    return uid.endswith("@smmplan") and bool(_DAY_KINDS & set(categories)) and _all_day(event)


def _all_day(event: Any) -> bool:
    start = event.get("DTSTART")
    return start is not None and not isinstance(start.dt, datetime)


def _categories(event: Any) -> list[str]:
    found = event.get("CATEGORIES")
    if found is None:
        return []
    groups = found if isinstance(found, list) else [found]
    return [str(name) for group in groups for name in getattr(group, "cats", [group])]


def _event_cells(event: Any) -> list[Any]:
    start = event.get("DTSTART")
    when: Any = start.dt if start is not None else ""
    summary = str(event.get("SUMMARY", ""))
    channel, title = "", summary
    match = _SUMMARY.fullmatch(summary)
    if match:
        channel, title = match[1].strip(), match[2]
    link = str(event.get("URL", ""))
    own = str(event.get("UID", "")).endswith("@smmplan")
    text, media = _description(str(event.get("DESCRIPTION", "")), link, own)
    status = str(event.get("STATUS", "")).upper()
    network, pillar = _network_and_pillar(event, channel) if own else ("", "")
    return [
        when,
        channel,
        title,
        text,
        media,
        link,
        _CONFIRMED if status == "CONFIRMED" else "draft",
        pillar,
        network,
    ]


def _problem(event: Any) -> str:
    """Why an event cannot become a dated post, or ''."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return "the event is cancelled"
    if event.get("RRULE") is not None:
        return "a repeating event (RRULE): smmplan imports single events"
    return ""


def _network_and_pillar(event: Any, channel: str) -> tuple[str, str]:
    """smmplan writes CATEGORIES channel, network, source, pillar (each once)."""
    from typing import get_args

    from smmplan.load.schema.values import Network

    rest = [name for name in _categories(event) if name not in (channel, *_SOURCES)]
    network = channel if channel in get_args(Network) else ""
    if rest and rest[0] in get_args(Network):
        network = rest.pop(0)
    return network, rest[0] if len(rest) == 1 else ""


def _description(description: str, link: str, own: bool) -> tuple[str, str]:
    """The post's text and media, without the lines smmplan's ICS adds after the text."""
    body, sep, tail = description.rpartition("\n\n")
    tail_lines = tail.split("\n")
    extras = [line for line in tail_lines if line.startswith(("Media: ", "Link: "))]
    if not own or len(extras) != len(tail_lines):
        return description, ""
    media = ""
    for line in extras:
        if line.startswith("Media: "):
            media = line.removeprefix("Media: ").replace(" | ", "|")
        elif line.removeprefix("Link: ") != link:
            return description, ""
    return (body if sep else ""), media
