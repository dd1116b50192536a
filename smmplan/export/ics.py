"""ICS (RFC 5545) for calendar apps: one timed event per post, all-day events for named days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from smmplan import __version__
from smmplan.model import DayEvent, Post, Schedule

POST_DURATION = timedelta(minutes=15)
_CONFIRMED = frozenset({"approved", "scheduled", "published"})


def to_ics(schedule: Schedule, *, dtstamp: datetime | None = None) -> bytes:
    """Return the schedule as an iCalendar file; DTSTAMP defaults to the window start (UTC)."""
    stamp = _utc_stamp(dtstamp, schedule.start)
    calendar = _calendar(schedule)
    for day in sorted(schedule.days, key=lambda d: (d.date, d.id)):
        calendar.add_component(_day_event(day, stamp))
    for post in schedule.posts:
        calendar.add_component(_post_event(post, stamp))
    return calendar.to_ical()


def _utc_stamp(dtstamp: datetime | None, window_start: date) -> datetime:
    if dtstamp is None:
        return datetime.combine(window_start, time(), tzinfo=UTC)
    if dtstamp.tzinfo is None:
        return dtstamp.replace(tzinfo=UTC)
    return dtstamp.astimezone(UTC)


def _calendar(schedule: Schedule) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//smmplan//smmplan {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar writes and reads X-WR-* values raw (no TEXT escaping), so a line break would
    # end the property: whitespace is collapsed instead.
    calendar.add("x-wr-calname", " ".join(schedule.calendar.name.split()))
    calendar.add("x-wr-timezone", schedule.calendar.timezone)
    return calendar


def _post_event(post: Post, stamp: datetime) -> Event:
    start = datetime.strptime(post.utc, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    event = Event()
    event.add("uid", f"{post.id}@smmplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + POST_DURATION)
    event.add("summary", f"[{post.channel}] {post.title}")
    event.add("description", _description(post))
    if post.link:
        event.add("url", post.link)
    categories = _categories(post.channel, post.network, post.source, post.pillar)
    if categories:
        event.add("categories", categories)
    event.add("status", "CONFIRMED" if post.status in _CONFIRMED else "TENTATIVE")
    return event


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


def _day_event(day: DayEvent, stamp: datetime) -> Event:
    start = date.fromisoformat(day.date)
    event = Event()
    event.add("uid", f"{day.id}@smmplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("summary", day.name)
    event.add("transp", "TRANSPARENT")
    event.add("categories", [day.kind])
    return event
