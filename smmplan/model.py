"""Plain data that flows from expansion to the exporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The CSV column order of SPEC section 5; every post carries these fields under these names.
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
)


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
    # Where the entry that produced the post is written (file, line, column), for lint
    # problems; not an output field.
    origin: tuple[str, int, int] = field(default=("", 1, 1), compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in POST_FIELDS}


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
class CalendarInfo:
    id: str
    name: str
    timezone: str
    language: str
    vars: dict[str, Any] = field(default_factory=dict)
    path: str = ""


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

    @property
    def window_name(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"
