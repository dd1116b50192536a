"""A schedule regrouped by local date, the shape both the month grid and the agenda read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from smmplan.model import Post, Schedule, Unfilled


@dataclass
class Day:
    """Everything that happens on one date of a schedule."""

    date: date
    holidays: list[str] = field(default_factory=list)
    observances: list[str] = field(default_factory=list)
    blackout: str | None = None  # the reason ("" when none given); None: not a blackout day
    posts: list[Post] = field(default_factory=list)
    unfilled: list[Unfilled] = field(default_factory=list)

    @property
    def items(self) -> list[tuple[str, str, Post | None]]:
        """Posts and unfilled slots in time order: (time, channel, post or None)."""
        rows: list[tuple[str, str, Post | None]] = [(p.time, p.channel, p) for p in self.posts]
        rows += [(u.time, u.channel, None) for u in self.unfilled]
        return sorted(rows, key=lambda row: (row[0], row[1], row[2] is None))


def by_day(schedule: Schedule, start: date, end: date) -> dict[date, Day]:
    """One Day per date of [start, end]."""
    days = {start + timedelta(n): Day(start + timedelta(n)) for n in range((end - start).days + 1)}
    for event in schedule.days:
        day = days.get(date.fromisoformat(event.date))
        if day is not None:
            (day.holidays if event.kind == "holiday" else day.observances).append(event.name)
    for when, reason in schedule.blackout.items():
        if (day := days.get(date.fromisoformat(when))) is not None:
            day.blackout = reason
    for post in schedule.posts:
        if (day := days.get(date.fromisoformat(post.date))) is not None:
            day.posts.append(post)
    for slot in schedule.unfilled:
        if (day := days.get(date.fromisoformat(slot.date))) is not None:
            day.unfilled.append(slot)
    return days


def short_names(channels: list[str]) -> dict[str, str]:
    """Channel keys cut to three letters where that keeps them apart."""
    short = {key: key[:3] for key in channels}
    if len(set(short.values())) < len(short):
        return {key: key for key in channels}
    return short
