"""Plain data that flows from expansion to the exporters."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

# The CSV column order (docs/outputs.md#post-fields); every post carries these fields.
POST_FIELDS: tuple[str, ...] = (
    "date",
    "time",
    "timezone",
    "utc",
    "weekday",
    "channel",
    "network",
    "account",
    "source",
    "source_id",
    "title",
    "text",
    "hashtags",
    "media",
    "link",
    "format",
    "pillar",
    "status",
    "owner",
    "campaign",
    "budget",
    "day_names",
    "id",
    "first_comment",
    "alt_text",
)


# A post's values in POST_FIELDS order, fetched in one call (the exporters' rows).
post_values = operator.attrgetter(*POST_FIELDS)


@dataclass(slots=True)
class Post:
    """One dated post on one channel. Dates and times are local to the channel's zone."""

    date: str  # YYYY-MM-DD
    time: str  # HH:MM
    timezone: str  # IANA zone of the channel
    utc: str  # YYYY-MM-DDTHH:MM:SSZ
    weekday: str  # English name, e.g. "Monday"
    channel: str
    network: str
    account: str
    source: str  # draft | observance | holiday | theme
    source_id: str
    title: str
    text: str
    hashtags: list[str]
    media: list[str]
    link: str
    format: str
    pillar: str
    status: str
    owner: str
    campaign: str
    budget: float | None
    day_names: list[str]
    id: str
    first_comment: str = ""  # rendered like the text
    alt_text: list[str] = field(default_factory=list)  # one per media item, "" where none
    # Where the entry that produced the post is written (file, line, column), for lint
    # problems; not an output field.
    origin: tuple[str, int, int] = field(default=("", 1, 1), compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return dict(zip(POST_FIELDS, post_values(self), strict=True))

    def __reduce__(self) -> tuple[type[Post], tuple[Any, ...]]:
        # Schedules come back from worker processes: the fields as one tuple pickle in half
        # the time of the state dict a slotted dataclass gives by default.
        return (Post, _post_state(self))


_post_state = operator.attrgetter(*(item.name for item in fields(Post)))


def not_ideas(posts: list[Post]) -> list[Post]:
    """The posts a scheduler may take: an idea (every pack day's post is one) is a reminder to
    write a post, not a text to publish."""
    return [post for post in posts if post.status != "idea"]


@dataclass(frozen=True, slots=True)
class DayEvent:
    """A public holiday or an observance on one local date (an all-day event)."""

    date: str  # YYYY-MM-DD
    kind: str  # holiday | observance
    source_id: str
    name: str
    id: str


@dataclass(frozen=True, slots=True)
class Unfilled:
    """A slot that no draft, observance, greeting or theme took."""

    date: str
    time: str
    channel: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Something the calendar plans that the schedule does not hold, and why (W301, W306-W309)."""

    code: str  # the warning that names it, e.g. "W306"
    kind: str  # e.g. "outside-period", "no-slot" (smmplan.expand.leftout lists them)
    source: str  # draft | observance | pack | theme
    source_id: str
    reason: str  # the warning's message
    file: str  # where the entry is written, as the problem names it
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Task:
    """One production step of one post, assigned to a person and due on a working day."""

    calendar: str  # the calendar's id
    post_id: str
    title: str
    channel: str
    post_date: str  # YYYY-MM-DD, local to the channel
    post_time: str
    status: str  # the post's status
    owner: str
    step: str  # the step's id
    step_name: str
    role: str
    person: str  # the person's id
    person_name: str
    email: str
    due: str  # YYYY-MM-DD
    done: bool  # the post's status is at or past the step's `done` status


@dataclass(frozen=True, slots=True)
class CalendarInfo:
    id: str
    name: str
    timezone: str
    language: str
    vars: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    def as_dict(self) -> dict[str, Any]:
        """What exports and layouts show of the calendar; the file path differs per machine."""
        return {
            "id": self.id,
            "name": self.name,
            "timezone": self.timezone,
            "language": self.language,
            "vars": self.vars,
        }


@dataclass(slots=True)
class Schedule:
    """The expanded, rendered plan of one calendar over one window."""

    calendar: CalendarInfo
    start: date
    end: date
    posts: list[Post]
    days: list[DayEvent]
    unfilled: list[Unfilled]
    channels: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> network, account
    blackout: dict[str, str] = field(default_factory=dict)  # YYYY-MM-DD in the window -> reason
    left_out: list[LeftOut] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # production steps (docs/workflow.md)
    # id -> name, start, end, channels, cap and currency (text): what `stats` compares with
    campaigns: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Per channel: its scheduler, plan, media_base_url, require_alt_text, approval (publishing).
    publishing: dict[str, dict[str, Any]] = field(default_factory=dict)

    def month_starts(self) -> list[date]:
        """The first day of every month that the window touches (the month views' pages)."""
        found, current = [], self.start.replace(day=1)
        while current <= self.end:
            found.append(current)
            current = (current + timedelta(days=32)).replace(day=1)
        return found

    @property
    def window_name(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data that `from_data` turns back into an equal schedule (for the cache)."""
        return {
            "calendar": _row(self.calendar),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "posts": [_row(p) for p in self.posts],
            "days": [_row(d) for d in self.days],
            "unfilled": [_row(u) for u in self.unfilled],
            "channels": self.channels,
            "blackout": self.blackout,
            "left_out": [_row(item) for item in self.left_out],
            "tasks": [_row(task) for task in self.tasks],
            "campaigns": self.campaigns,
            "publishing": self.publishing,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Schedule:
        # JSON gives the origin (file, line, column) back as a list.
        posts = [Post(*[*row[:-1], tuple(row[-1])]) for row in data["posts"]]
        return cls(
            calendar=CalendarInfo(*data["calendar"]),
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            posts=posts,
            days=[DayEvent(*row) for row in data["days"]],
            unfilled=[Unfilled(*row) for row in data["unfilled"]],
            channels=data["channels"],
            blackout=data["blackout"],
            left_out=[LeftOut(*row) for row in data.get("left_out", [])],
            tasks=[Task(*row) for row in data.get("tasks", [])],
            campaigns=data.get("campaigns", {}),
            publishing=data.get("publishing", {}),
        )


def _row(item: Any) -> list[Any]:
    """A dataclass's values in its constructor's order."""
    return [getattr(item, name) for name in _FIELDS[type(item)]]


_FIELDS = {
    kind: tuple(f.name for f in fields(kind))
    for kind in (Post, DayEvent, Unfilled, CalendarInfo, LeftOut, Task)
}
