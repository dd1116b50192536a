"""RRULE validation and bounded, anchored expansion to dates (no time parts)."""

from __future__ import annotations

from datetime import MAXYEAR, date, datetime, time, timedelta
from functools import lru_cache

_KNOWN_PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
_DATE_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# The Gregorian calendar repeats every 400 years, weekdays and leap years included.
_CYCLE_YEARS = 400


def _parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise ValueError(f"'{chunk}' is not a NAME=VALUE part")
        parts[key] = value
    return parts


@lru_cache(maxsize=1024)  # an agency's calendars repeat their rules
def check_rrule(text: str) -> str:
    """The normalised RRULE text; raises ValueError with a reason when it is not usable."""
    from dateutil.rrule import rrulestr

    rule = text.strip().upper().removeprefix("RRULE:")
    parts = _parts(rule)
    unknown = sorted(set(parts) - _KNOWN_PARTS)
    if unknown:
        raise ValueError(
            f"RRULE part {unknown[0]} is not allowed; rules give dates only "
            "(FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, ...)"
        )
    if parts.get("FREQ") not in _DATE_FREQS:
        raise ValueError("RRULE needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (dates only)")
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError("RRULE may not have both COUNT and UNTIL")
    try:
        rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"not a valid RRULE ({exc})") from None
    if _never_matches(parts):
        raise ValueError("this RRULE never matches: no month has that day")
    if not _ever_matches(parts):
        raise ValueError("this RRULE never matches: no date satisfies all of its BY parts")
    return rule


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _never_matches(parts: dict[str, str]) -> bool:
    # A rule with no possible month/day pair would make the expander walk to year 9999.
    if "BYMONTHDAY" not in parts:
        return False
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    days = [abs(int(d)) for d in parts["BYMONTHDAY"].split(",")]
    return not any(day <= _MONTH_DAYS[month - 1] for month in months for day in days)


def depends_on_anchor(rule: str) -> bool:
    """Whether the rule's dates change with its start date (so it needs one)."""
    parts = _parts(rule)
    if "COUNT" in parts or int(parts.get("INTERVAL", "1")) > 1:
        return True
    freq = parts["FREQ"]
    if freq == "WEEKLY":
        return "BYDAY" not in parts
    if freq == "MONTHLY":
        return not {"BYDAY", "BYMONTHDAY"} & parts.keys()
    if freq == "YEARLY":
        return not {"BYMONTH", "BYYEARDAY", "BYWEEKNO", "BYMONTHDAY", "BYDAY"} & parts.keys()
    return False


def _ever_matches(parts: dict[str, str]) -> bool:
    """Whether the rule, read without INTERVAL, COUNT and UNTIL, has any date at all.

    The calendar repeats every 400 years, so a probe over the last cycle before dateutil's
    year-9999 end is a complete search that ends within one cycle.
    """
    from dateutil.rrule import rrulestr

    probe = {k: v for k, v in parts.items() if k not in ("INTERVAL", "COUNT", "UNTIL")}
    rule = ";".join(f"{k}={v}" for k, v in probe.items())
    if depends_on_anchor(rule):  # its dates come from the anchor, which is not known yet
        return True
    first = datetime(MAXYEAR + 1 - _CYCLE_YEARS, 1, 1)
    return rrulestr(rule, dtstart=first).after(first, inc=True) is not None


def _shifted(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def rrule_dates(rule: str, anchor: date, start: date, end: date) -> list[date]:
    """Dates of `rule` anchored at `anchor` that fall in [start, end].

    dateutil walks period by period from the anchor until a date past the window or year
    9999. An anchor more than a cycle before the window is moved forward by whole cycles
    (for COUNT, less the dates of those cycles), so the walk up to the window is bounded.
    """
    return list(_dates(rule, anchor, start, end))


@lru_cache(maxsize=4096)  # the same rules over the same month, calendar after calendar
def _dates(rule: str, anchor: date, start: date, end: date) -> tuple[date, ...]:
    if anchor > end:
        return ()
    parts = _parts(rule)
    count = int(parts["COUNT"]) if "COUNT" in parts else None
    cycle = _CYCLE_YEARS * int(parts.get("INTERVAL", "1"))  # keeps the INTERVAL phase too
    skip = max(start.year - anchor.year - 1, 0) // cycle
    if skip and count is not None:
        one_cycle = _shifted(anchor, cycle) - timedelta(days=1)
        per_cycle = len(_between(rule, anchor, anchor, one_cycle, None))
        if count <= skip * per_cycle:
            return ()  # COUNT runs out before the window
        count -= skip * per_cycle
    return tuple(_between(rule, _shifted(anchor, skip * cycle), start, end, count))


def _between(rule: str, anchor: date, start: date, end: date, count: int | None) -> list[date]:
    """Dates of `rule` from `anchor` (with COUNT replaced by `count`) in [start, end].

    Anchor and window move to the last cycle before year 9999, where dateutil's walk past
    the window ends within one cycle even for a rule that never matches again.
    """
    from dateutil.rrule import rrule, rrulestr

    late = _CYCLE_YEARS * ((MAXYEAR - end.year) // _CYCLE_YEARS)
    midnight = time()
    parsed = rrulestr(rule, dtstart=datetime.combine(_shifted(anchor, late), midnight))
    assert isinstance(parsed, rrule)  # a single RRULE line, checked by check_rrule
    last = datetime.combine(end, midnight)
    if count is None:
        until = getattr(parsed, "_until", None)
        # UNTIL bounds the walk at the window's end however the rule was written.
        until = min(until, last) if until else last
        parsed = parsed.replace(until=until.replace(year=until.year + late), count=None)
    else:
        parsed = parsed.replace(count=count)
    first = datetime.combine(_shifted(start, late), midnight)
    found = parsed.between(first, last.replace(year=last.year + late), inc=True)
    return [_shifted(moment.date(), -late) for moment in found]
