r"""ICS (RFC 5545) for calendar apps: one timed event per post, all-day events for named days.

Lines are assembled, escaped and folded here: icalendar's generic serialiser folds character
by character and took most of a year-long build, and its TEXT escaping turns a written `\N`
into a line break ("C:\New" would reach the calendar as "C:" and "ew" on two lines). The layout
is the one icalendar writes with sorted properties (a Hypothesis test compares the bytes), and
the tests read every file back with icalendar, the `ical` package, ical.js and khal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from smmplan import __version__
from smmplan.export import Format, register
from smmplan.model import DayEvent, Post, Schedule

POST_DURATION = timedelta(minutes=15)
_CONFIRMED = frozenset({"approved", "scheduled", "published"})
_FOLD_AT = 74  # octets of content per physical line; with the CRLF and the leading space, 75
_ESCAPES = (ord("\\"), ord("^"))  # never end a folded line inside a TEXT or RFC 6868 escape


def to_ics(schedule: Schedule, *, dtstamp: datetime | None = None) -> bytes:
    """Return the schedule as an iCalendar file; DTSTAMP defaults to the window start (UTC)."""
    stamp = _stamp(_utc_stamp(dtstamp, schedule.start))
    lines: list[bytes] = [b"BEGIN:VCALENDAR", *_calendar_properties(schedule)]
    for day in sorted(schedule.days, key=lambda d: (d.date, d.id)):
        lines += _day_event(day, stamp)
    for post in schedule.posts:
        lines += _post_event(post, stamp)
    lines.append(b"END:VCALENDAR")
    return b"".join((line if len(line) <= _FOLD_AT else fold(line)) + b"\r\n" for line in lines)


def fold(line: bytes) -> bytes:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence or an escape."""
    if len(line) <= _FOLD_AT:
        return line
    chunks = []
    start = 0
    while len(line) - start > _FOLD_AT:
        end = start + _FOLD_AT
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        if end - 1 > start and line[end - 1] in _ESCAPES:
            end -= 1
        chunks.append(line[start:end])
        start = end
    chunks.append(line[start:])
    return b"\r\n ".join(chunks)


def _utc_stamp(dtstamp: datetime | None, window_start: date) -> datetime:
    if dtstamp is None:
        return datetime.combine(window_start, time(), tzinfo=UTC)
    if dtstamp.tzinfo is None:
        return dtstamp.replace(tzinfo=UTC)
    return dtstamp.astimezone(UTC)


def _stamp(moment: datetime) -> bytes:
    # Formatted by hand: strftime costs several times as much, once per post.
    m = moment
    return (
        f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}Z".encode()
    )


def escape_text(value: str) -> str:
    """RFC 5545 TEXT (section 3.3.11): backslash, semicolon and comma escaped, line ends as \\n."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


@lru_cache(maxsize=4096)
def _text(name: str, value: str) -> bytes:
    # Titles and summaries repeat all month; escaping each once is enough.
    return f"{name}:{escape_text(value)}".encode()


def _category_line(names: list[str]) -> bytes:
    """CATEGORIES: a comma-separated list of TEXT values."""
    return ("CATEGORIES:" + ",".join(escape_text(name) for name in names)).encode()


def _calendar_properties(schedule: Schedule) -> Iterator[bytes]:
    yield b"VERSION:2.0"
    yield f"PRODID:-//smmplan//smmplan {__version__}//EN".encode()
    yield b"CALSCALE:GREGORIAN"
    # X-WR-* values are read raw (no TEXT escaping), so a line break would end the property:
    # whitespace is collapsed instead.
    yield b"X-WR-CALNAME:" + " ".join(schedule.calendar.name.split()).encode()
    yield b"X-WR-TIMEZONE:" + schedule.calendar.timezone.encode()


def _post_event(post: Post, stamp: bytes) -> list[bytes]:
    start = datetime.fromisoformat(post.utc)
    lines = [
        b"BEGIN:VEVENT",
        _text("SUMMARY", f"[{post.channel}] {post.title}"),
        # post.utc is YYYY-MM-DDTHH:MM:SSZ: the basic format drops the separators.
        b"DTSTART:" + post.utc.replace("-", "").replace(":", "").encode(),
        b"DTEND:" + _stamp(start + POST_DURATION),
        b"DTSTAMP:" + stamp,
        f"UID:{post.id}@smmplan".encode(),  # hex digits: nothing to escape
    ]
    categories = _categories(post.channel, post.network, post.source, post.pillar)
    if categories:
        lines.append(_category_line(categories))
    lines.append(_text("DESCRIPTION", _description(post)))
    lines.append(b"STATUS:" + (b"CONFIRMED" if post.status in _CONFIRMED else b"TENTATIVE"))
    if post.link:
        lines.append(b"URL:" + post.link.encode())
    lines.append(b"END:VEVENT")
    return lines


def _description(post: Post) -> str:
    extras = []
    if post.media:
        extras.append("Media: " + " | ".join(post.media))
    if post.link:
        extras.append("Link: " + post.link)
    return "\n\n".join(part for part in (post.text, "\n".join(extras)) if part)


def _categories(*names: str) -> list[str]:
    # Channel and network are often the same word; a category listed twice helps no one.
    return list(dict.fromkeys(name for name in names if name))


def _day_event(day: DayEvent, stamp: bytes) -> list[bytes]:
    start = date.fromisoformat(day.date)
    return [
        b"BEGIN:VEVENT",
        _text("SUMMARY", day.name),
        b"DTSTART;VALUE=DATE:" + start.strftime("%Y%m%d").encode(),
        b"DTEND;VALUE=DATE:" + (start + timedelta(days=1)).strftime("%Y%m%d").encode(),
        b"DTSTAMP:" + stamp,
        _text("UID", f"{day.id}@smmplan"),
        _category_line([day.kind]),
        b"TRANSP:TRANSPARENT",
        b"END:VEVENT",
    ]


register(
    Format(
        "ics",
        "one event per post and all-day events for holidays, for calendar apps",
        lambda schedule, options: to_ics(schedule, dtstamp=options.dtstamp),
        signatures=(b"BEGIN:VCALENDAR",),
        default=True,
        order=20,
        cacheable=True,
    )
)
