"""Why a post came, went or moved, where the two schedules tell: blackout days, holidays,
a slot another post took, a theme that left a weekday. An empty cause means "not known"."""

from __future__ import annotations

from datetime import date

from smmplan.model import Post, Schedule

Slot = tuple[str, str, str]  # date, time, channel


def _slot(post: Post) -> Slot:
    return (post.date, post.time, post.channel)


def _weekday(day: str) -> str:
    return date.fromisoformat(day).strftime("%a").lower()


def _named(post: Post) -> str:
    return f"{post.source} '{post.source_id}'"


class Causes:
    def __init__(self, old: Schedule, new: Schedule) -> None:
        self.old, self.new = old, new
        self.old_slots = {_slot(p): p for p in old.posts}
        self.new_slots = {_slot(p): p for p in new.posts}
        self.old_holidays = _holidays(old)
        self.new_holidays = _holidays(new)
        self.gone: dict[Slot, Post] = {}
        self.came: dict[Slot, Post] = {}

    def note_matches(self, gone: list[Post], came: list[Post]) -> None:
        """The posts only one side has: a slot one left may be the slot another took."""
        self.gone = {_slot(p): p for p in gone}
        self.came = {_slot(p): p for p in came}

    # the day itself changed -----------------------------------------------------------------
    def _day_cause(self, day: str) -> str:
        if day in self.new.blackout and day not in self.old.blackout:
            reason = self.new.blackout[day]
            return f"{day} became a blackout day" + (f" ({reason})" if reason else "")
        names = [
            n for n in self.new_holidays.get(day, []) if n not in self.old_holidays.get(day, [])
        ]
        if names:
            return f"{day} became a public holiday ({', '.join(names)})"
        return ""

    def _slot_taker(self, slot: Slot, post: Post) -> str:
        taker = self.new_slots.get(slot)
        if taker is not None and taker.id != post.id:
            return f"its slot went to {_named(taker)}"
        return ""

    # per kind of change -----------------------------------------------------------------
    def removed(self, post: Post) -> str:
        found = self._day_cause(post.date) or self._slot_taker(_slot(post), post)
        if found:
            return found
        if post.source == "theme":
            return self._theme_left(post)
        same = [
            p for p in self.new.posts if (p.source, p.source_id) == (post.source, post.source_id)
        ]
        if not same:
            return f"{_named(post)} is no longer in the calendar"
        if post.source == "draft":
            return f"{_named(post)} no longer posts on {post.date} (its rrule or skip changed)"
        return ""

    def _theme_left(self, post: Post) -> str:
        theirs = [p for p in self.new.posts if (p.source, p.source_id) == ("theme", post.source_id)]
        if not theirs:
            return f"theme '{post.title}' is no longer in the calendar"
        weekday = _weekday(post.date)
        if not any(_weekday(p.date) == weekday and p.channel == post.channel for p in theirs):
            return f"theme '{post.title}' no longer on {weekday}"
        if not self._slot_exists(_slot(post)):
            return f"slot {post.time} on '{post.channel}' is no longer there"
        return ""

    def _slot_exists(self, slot: Slot) -> bool:
        return slot in self.new_slots or any(
            (u.date, u.time, u.channel) == slot for u in self.new.unfilled
        )

    def added(self, post: Post) -> str:
        day = post.date
        if day in self.old.blackout and day not in self.new.blackout:
            return f"{day} is no longer a blackout day"
        if post.source == "holiday" and day not in self.old_holidays:
            return f"new public holiday '{post.title}' fills the slot"
        if not any(
            (p.source, p.source_id) == (post.source, post.source_id) for p in self.old.posts
        ):
            return f"new {_named(post)}"
        before = self.gone.get(_slot(post))
        if before is not None:
            return f"takes the slot of {_named(before)}"
        if post.source == "theme":
            weekday = _weekday(day)
            theirs = [
                p for p in self.old.posts if (p.source, p.source_id) == ("theme", post.source_id)
            ]
            if not any(_weekday(p.date) == weekday and p.channel == post.channel for p in theirs):
                return f"theme '{post.title}' now on {weekday}"
        if any((u.date, u.time, u.channel) == _slot(post) for u in self.old.unfilled):
            return "fills a slot that was empty"
        return ""

    def moved(self, before: Post, after: Post) -> str:
        day = self._day_cause(before.date)
        if day:
            return f"moved because {day}"
        # Drafts are placed before themes: one that changes day does so because its own date
        # or rule changed, whatever took its old slot afterwards.
        if before.source == "draft" and before.date != after.date:
            return f"the date of {_named(after)} changed"
        taker = self._slot_taker(_slot(before), after)
        if taker:
            return f"moved because {taker}"
        if before.source == "draft":
            return f"the time of {_named(after)} changed"
        if before.date == after.date:
            return f"the slot times of channel '{after.channel}' changed"
        return ""

    def text(self, post: Post) -> str:
        if post.source == "holiday":
            return "the holiday greeting changed"
        return f"the text of {_named(post)} changed"

    def fields(self, post: Post, names: list[str]) -> str:
        return f"{', '.join(names)} of {_named(post)} changed"

    def unfilled(self, kind: str, slot: Slot) -> str:
        if kind == "unfilled-gained":
            left = self.gone.get(slot) or self.old_slots.get(slot)
            return f"{_named(left)} left it" if left is not None else "a new slot"
        taker = self.came.get(slot) or self.new_slots.get(slot)
        if taker is not None:
            return f"taken by {_named(taker)}"
        return self._day_cause(slot[0]) or "the slot is no longer there"


def _holidays(schedule: Schedule) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for event in schedule.days:
        if event.kind == "holiday":
            found.setdefault(event.date, []).append(event.name)
    return found
