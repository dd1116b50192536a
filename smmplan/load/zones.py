"""IANA time zones: strict validation and DST-aware local-to-UTC conversion."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo


@cache
def _known() -> dict[str, str]:
    from zoneinfo import available_timezones

    return {name.lower(): name for name in available_timezones()}


@cache
def _listed() -> frozenset[str]:
    """The zones the tzdata package lists in one file, or none where it cannot be read.

    `available_timezones()` starts from this list, then opens every file of the system's
    zone folders (20 ms, on every cold run); a zone listed here is known without that.
    """
    try:
        import tzdata

        listing = Path(tzdata.__file__).with_name("zones").read_text(encoding="utf-8")
    except (ImportError, OSError, TypeError, ValueError):
        return frozenset()
    return frozenset(listing.split()) - {"posixrules"}  # as available_timezones() leaves out


def check_zone(name: str) -> str:
    """The zone name itself when it is a known IANA zone, spelt with the right case."""
    if name in _listed():
        return name
    right = _known().get(name.strip().lower())
    if right == name:
        return name
    # repr: a name with a line break must not print as a line of its own in CI logs.
    if right:
        raise ValueError(f"unknown time zone {name!r}; zone names are case-sensitive: '{right}'")
    raise ValueError(f"unknown time zone {name!r}; use an IANA name such as 'Europe/Madrid'")


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@lru_cache(maxsize=8192)  # channels post at the same times on the same days
def localize(day: date, at: time, tz_name: str) -> tuple[datetime, bool]:
    """The aware local datetime of a wall-clock time and whether it fell in a DST gap.

    A time in a gap is read with the offset before the gap (RFC 5545 section 3.3.5), so
    02:30 on a spring-forward night becomes 03:30; an ambiguous time takes its first
    occurrence (fold=0).
    """
    tz = zone(tz_name)
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=tz, fold=0)
    normalised = aware.astimezone(UTC).astimezone(tz)
    in_gap = normalised.replace(tzinfo=None) != naive
    return normalised, in_gap
