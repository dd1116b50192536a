"""RRULE validation and bounded, anchored expansion to dates (no time parts)."""

from __future__ import annotations

from datetime import date, datetime, time

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


def _parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise ValueError(f"'{chunk}' is not a NAME=VALUE part")
        parts[key] = value
    return parts


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


def rrule_dates(rule: str, anchor: date, start: date, end: date) -> list[date]:
    """Dates of `rule` anchored at `anchor` that fall in [start, end]."""
    from dateutil.rrule import rrule, rrulestr

    if anchor > end:
        return []
    midnight = time()
    parsed = rrulestr(rule, dtstart=datetime.combine(anchor, midnight))
    assert isinstance(parsed, rrule)  # a single RRULE line, checked by check_rrule
    last = datetime.combine(end, midnight)
    if "COUNT" not in _parts(rule):
        until = getattr(parsed, "_until", None)
        # UNTIL bounds the walk at the window's end however the rule was written.
        parsed = parsed.replace(until=min(until, last) if until else last)
    found = parsed.between(datetime.combine(start, midnight), last, inc=True)
    return [moment.date() for moment in found]
