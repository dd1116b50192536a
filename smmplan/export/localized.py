"""Dates in the calendar's language for the plans, each written once per process.

Babel formats a date in tens of microseconds; a plan heads every day and week with one, and
an agency's calendars all show the same month: the text depends only on the language, the
day and the width, so it is kept.
"""

from __future__ import annotations

import functools
from datetime import date

from smmplan.l10n import Language


@functools.lru_cache(maxsize=4096)
def date_text(lang: Language, day: date, width: str = "long") -> str:
    """`lang.date_text(day, width)`, remembered."""
    return lang.date_text(day, width)


@functools.lru_cache(maxsize=256)
def month_title(lang: Language, first: date) -> str:
    """`lang.month_title(first)`, remembered."""
    return lang.month_title(first)


@functools.lru_cache(maxsize=64)
def weekdays(lang: Language) -> tuple[str, ...]:
    """`lang.weekdays()` (abbreviated, Monday first), remembered."""
    return tuple(lang.weekdays())
