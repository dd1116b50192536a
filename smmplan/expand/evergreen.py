"""Filling the slots themes leave free from the evergreen library, by a rotation that any
window of the calendar reproduces (docs/expansion.md, "Evergreen posts").

The rotation is counted from one day the calendar names (`evergreen.start`, else the period's
start), so a window that starts later replays the quiet slots before it: building March and
then April gives the April that building March and April at once gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from fractions import Fraction

from smmplan.expand.posting import Claim, Day
from smmplan.load import schema
from smmplan.load.checks import Checked

Days = dict[str, dict[date, Day]]  # channel -> date -> slots
History = Callable[[date, date], tuple[Days, set[date]]]  # slot tables and skipped days


def channels(model: schema.Calendar) -> list[str]:
    """The channels whose free slots the library fills."""
    if not model.evergreen.library:
        return []
    return [
        key
        for key, channel in model.channels.items()
        if model.evergreen.fill or channel.fill_with == "evergreen"
    ]


def anchor(model: schema.Calendar) -> date | None:
    return model.evergreen.start or (model.period.start if model.period else None)


@dataclass
class Rotation:
    """The state of the rotation: uses per channel, last use per channel, ids used per day."""

    library: list[schema.EvergreenPost]
    uses: dict[tuple[str, str], int] = field(default_factory=dict)
    last: dict[tuple[str, str], date] = field(default_factory=dict)
    today: dict[date, set[str]] = field(default_factory=dict)

    def choose(self, channel: str, day: date) -> int | None:
        """The library index for a free slot: the fewest uses for its weight, in library order
        on a tie, among the posts allowed on this channel and day."""
        best: tuple[Fraction, int] | None = None
        taken = self.today.get(day, set())
        for index, post in enumerate(self.library):
            if not self._allowed(post, channel, day, taken):
                continue
            score = Fraction(self.uses.get((channel, post.id), 0)) / Fraction(post.weight)
            if best is None or score < best[0]:
                best = (score, index)
        return None if best is None else best[1]

    def _allowed(
        self, post: schema.EvergreenPost, channel: str, day: date, taken: set[str]
    ) -> bool:
        if post.channels and channel not in post.channels:
            return False
        if (post.not_before and day < post.not_before) or (post.not_after and day > post.not_after):
            return False
        last = self.last.get((channel, post.id))
        return post.id not in taken and (last is None or (day - last).days >= post.cooldown)

    def use(self, index: int, channel: str, day: date) -> None:
        post_id = self.library[index].id
        self.uses[(channel, post_id)] = self.uses.get((channel, post_id), 0) + 1
        self.last[(channel, post_id)] = day
        self.today.setdefault(day, set()).add(post_id)


def free_slots(days: Days, order: list[str], skipped: set[date]) -> list[tuple[date, time, str]]:
    """Free slots in rotation order: by date, then time, then the calendar's channel order."""
    found = [
        (day, at, channel)
        for channel in order
        for day, slots in days.get(channel, {}).items()
        if day not in skipped
        for at in slots.slots
        if at not in slots.taken
    ]
    position = {channel: index for index, channel in enumerate(order)}
    return sorted(found, key=lambda s: (s[0], s[1], position[s[2]]))


def fill(
    checked: Checked, start: date, days: Days, skipped: set[date], history: History
) -> dict[str, list[date]]:
    """Fill the free slots of `days` (the window from `start`); return, per channel, the days
    of slots left unfilled because every library post was resting."""
    model = checked.model
    order = channels(model)
    first = anchor(model)
    if not order or first is None:
        return {}
    rotation = Rotation(list(model.evergreen.library))
    if first < start:
        before, before_skipped = history(first, start - timedelta(days=1))
        for day, _, channel in free_slots(before, order, before_skipped):
            index = rotation.choose(channel, day)
            if index is not None:
                rotation.use(index, channel, day)
    claims = [
        Claim("evergreen", post.id, ("evergreen", "library", i), post, post.title or post.id)
        for i, post in enumerate(model.evergreen.library)
    ]
    resting: dict[str, list[date]] = {}
    for day, at, channel in free_slots(days, order, skipped):
        if day < first:
            continue
        index = rotation.choose(channel, day)
        if index is None:
            resting.setdefault(channel, []).append(day)
            continue
        rotation.use(index, channel, day)
        days[channel][day].taken[at] = claims[index]
    return resting
