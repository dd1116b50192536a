"""Working days: the workweek, public holidays and a person's days off, counted backwards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# How far back a due date may move before smmplan gives up looking for a working day.
MAX_DAYS_BACK = 3660

DayRange = tuple[date, date]


@dataclass(frozen=True)
class WorkDays:
    """When a team works: weekdays (Monday = 0) and the public holidays it takes off."""

    weekdays: frozenset[int]
    holidays: frozenset[date] = frozenset()

    def works(self, day: date, off: Iterable[DayRange] = ()) -> bool:
        """Whether `day` is a working day, for a person away on the `off` ranges."""
        if day.weekday() not in self.weekdays or day in self.holidays:
            return False
        return not any(start <= day <= end for start, end in off)

    def count_back(self, anchor: date, lead: int, off: Iterable[DayRange] = ()) -> date | None:
        """The working day `lead` working days before `anchor`; with lead 0, `anchor` itself
        or the last working day before it. None when no working day is found within ten years."""
        ranges = tuple(off)
        day = anchor
        for _ in range(lead):
            day -= timedelta(days=1)
            found = self._latest(day, ranges, anchor)
            if found is None:
                return None
            day = found
        return self._latest(day, ranges, anchor)

    def _latest(self, day: date, off: tuple[DayRange, ...], anchor: date) -> date | None:
        """`day` or the nearest working day before it."""
        while not self.works(day, off):
            if (anchor - day).days > MAX_DAYS_BACK:
                return None
            day -= timedelta(days=1)
        return day


def away_throughout(off: Iterable[DayRange], start: date, end: date) -> bool:
    """Whether the `off` ranges cover every day from `start` to `end`."""
    day = start
    for first, last in sorted(off):
        if first > day:
            return False
        if last >= day:
            day = last + timedelta(days=1)
        if day > end:
            return True
    return day > end
