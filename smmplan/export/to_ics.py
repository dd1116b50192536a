r"""ICS (RFC 5545) for calendar apps: one timed event per post, all-day events for named days.

Lines are assembled, escaped and folded here: icalendar's generic serialiser folds character
by character and took most of a year-long build, and its TEXT escaping turns a written `\N`
into a line break ("C:\New" would reach the calendar as "C:" and "ew" on two lines). The layout
is the one icalendar writes with sorted properties (a Hypothesis test compares the bytes), and
the tests read every file back with icalendar, the `ical` package, ical.js and khal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from smmplan import __version__
from smmplan.export import Format, register
from smmplan.model import DayEvent, Post, Schedule

POST_MINUTES = 15  # how long a post's event lasts
_CONFIRMED = frozenset({"approved", "scheduled", "published"})
_FOLD_AT = 74  # octets of content per physical line; with the CRLF and the leading space, 75
_ESCAPES = (ord("\\"), ord("^"))  # never end a folded line inside a TEXT or RFC 6868 escape


def to_ics(schedule: Schedule, *, dtstamp: datetime | None = None) -> bytes:
    """Return the schedule as an iCalendar file; DTSTAMP defaults to the window start (UTC)."""
    stamp = "DTSTAMP:" + _stamp(_utc_stamp(dtstamp, schedule.start))
    lines = ["BEGIN:VCALENDAR", *map(_line, _calendar_properties(schedule))]
    for day in sorted(schedule.days, key=lambda d: (d.date, d.id)):
        lines += _day_event(day, stamp)
    event = _PostEvents(stamp)
    lines += map(event, schedule.posts)
    lines.append("END:VCALENDAR\r\n")
    # One encoding of the whole text: the lines are folded already (see `_line`).
    return "\r\n".join(lines).encode()


def _line(line: str) -> str:
    """The content line folded at 75 octets; most are short, and ASCII ones are measured free."""
    if len(line) <= _FOLD_AT and line.isascii():
        return line
    octets = line.encode()
    if len(octets) <= _FOLD_AT:
        return line
    # Folding cuts only between whole UTF-8 sequences, so the folded bytes decode again.
    return fold(octets).decode()


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


def _stamp(moment: datetime) -> str:
    # Formatted by hand: strftime costs several times as much.
    m = moment
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}Z"


def escape_text(value: str) -> str:
    """RFC 5545 TEXT (section 3.3.11): backslash, semicolon and comma escaped, line ends as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


@lru_cache(maxsize=4096)
def _text(name: str, value: str) -> str:
    # Titles and summaries repeat all month; escaping and folding each once is enough.
    return _line(f"{name}:{escape_text(value)}")


def _category_line(names: Iterable[str]) -> str:
    """CATEGORIES: a comma-separated list of TEXT values."""
    return _line("CATEGORIES:" + ",".join(escape_text(name) for name in names))


def _calendar_properties(schedule: Schedule) -> Iterator[str]:
    yield "VERSION:2.0"
    yield f"PRODID:-//smmplan//smmplan {__version__}//EN"
    yield "CALSCALE:GREGORIAN"
    # X-WR-* values are read raw (no TEXT escaping), so a line break would end the property:
    # whitespace is collapsed instead.
    yield "X-WR-CALNAME:" + " ".join(schedule.calendar.name.split())
    yield "X-WR-TIMEZONE:" + schedule.calendar.timezone


class _PostEvents:
    """Writes one post's VEVENT as folded text; what repeats across posts is made once."""

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self.categories: dict[tuple[str, str, str, str], str] = {}

    def __call__(self, post: Post) -> str:
        start, end = _times(post.utc)
        key = (post.channel, post.network, post.source, post.pillar)
        categories = self.categories.get(key)
        if categories is None:
            categories = self.categories[key] = _categories(*key)
        status = "CONFIRMED" if post.status in _CONFIRMED else "TENTATIVE"
        url = "\r\n" + _line("URL:" + post.link) if post.link else ""
        return (
            f"BEGIN:VEVENT\r\n{_text('SUMMARY', f'[{post.channel}] {post.title}')}\r\n"
            f"DTSTART:{start}\r\nDTEND:{end}\r\n{self.stamp}\r\n"
            f"{_line(f'UID:{post.id}@smmplan')}\r\n{categories}"
            f"{_line('DESCRIPTION:' + escape_text(_description(post)))}\r\n"
            f"STATUS:{status}{url}\r\nEND:VEVENT"
        )


def _times(utc: str) -> tuple[str, str]:
    """DTSTART and DTEND of a post at `utc` (YYYY-MM-DDTHH:MM:SSZ) in the basic format."""
    start = utc.replace("-", "").replace(":", "")
    minute = int(utc[14:16]) if len(utc) == 20 and utc[-1] == "Z" else 60
    if minute < 60 - POST_MINUTES:
        # The end falls in the same hour: only the minutes change (most posts; parsing the
        # time and formatting it again cost a third of the whole export).
        return start, f"{start[:11]}{minute + POST_MINUTES:02d}{start[13:]}"
    return start, _stamp(datetime.fromisoformat(utc) + timedelta(minutes=POST_MINUTES))


def _description(post: Post) -> str:
    if not post.media and not post.link:
        return post.text
    extras = []
    if post.media:
        extras.append("Media: " + " | ".join(post.media))
    if post.link:
        extras.append("Link: " + post.link)
    return "\n\n".join(part for part in (post.text, "\n".join(extras)) if part)


def _categories(*names: str) -> str:
    """The CATEGORIES line and its line end, or nothing when the post has no category."""
    # Channel and network are often the same word; a category listed twice helps no one.
    unique = dict.fromkeys(name for name in names if name)
    return _category_line(unique) + "\r\n" if unique else ""


def _day_event(day: DayEvent, stamp: str) -> list[str]:
    start = date.fromisoformat(day.date)
    return [
        "BEGIN:VEVENT",
        _text("SUMMARY", day.name),
        "DTSTART;VALUE=DATE:" + start.strftime("%Y%m%d"),
        "DTEND;VALUE=DATE:" + (start + timedelta(days=1)).strftime("%Y%m%d"),
        stamp,
        _text("UID", f"{day.id}@smmplan"),
        _category_line([day.kind]),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
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
