"""Dates and times as spreadsheets and schedulers write them, and which order 03/04 means."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"
# Excel counts days from 1899-12-30 (it takes 1900 for a leap year); 2958465 is 9999-12-31.
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2958465
_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]+(\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ,]+(.+))?")
_TIME = re.compile(
    r"(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([ap])?\.?\s*(?:m\.?)?", re.IGNORECASE
)


class AmbiguousDates(ValueError):
    """Dates like 03/04/2027 whose order the file and the calendar's language do not settle."""

    def __init__(self, sample: str, reason: str) -> None:
        super().__init__(reason)
        self.sample = sample


def order_of_language(language: str, country: str = "") -> str | None:
    """Day first everywhere but the US; None for English with no country (US or UK?)."""
    parts = re.split(r"[-_]", language) if language else []
    region = next((p.upper() for p in parts[1:] if len(p) == 2), "") or country.upper()
    if region:
        return MONTH_FIRST if region in ("US", "PH", "FM", "MH", "PW") else DAY_FIRST
    if not parts or parts[0].lower() == "en":
        return None
    return DAY_FIRST


def order_in_values(values: list[object]) -> str | None:
    """The order the values themselves show (a part above 12); AmbiguousDates when they
    show both."""
    day_first = month_first = None
    for value in values:
        match = _NUMERIC.fullmatch(value.strip()) if isinstance(value, str) else None
        if not match:
            continue
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            day_first = day_first or value
        elif second > 12 >= first:
            month_first = month_first or value
    if day_first and month_first:
        raise AmbiguousDates(
            f"{day_first}, {month_first}",
            f"the dates are written in two orders ({day_first} is day first, {month_first} "
            "is month first); write them all one way, or as YYYY-MM-DD",
        )
    if day_first:
        return DAY_FIRST
    return MONTH_FIRST if month_first else None


def first_ambiguous(values: list[object]) -> str | None:
    """The first value like 03/04/2027 that reads both ways, to show the user."""
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.fullmatch(value.strip())
        if match and int(match[1]) <= 12 and int(match[2]) <= 12 and match[1] != match[2]:
            return value
    return None


def parse_when(value: object, order: str | None, zone: str) -> tuple[date, time | None]:
    """The local date (and time, when the cell holds one) of a date cell; ValueError says why."""
    if isinstance(value, datetime):
        return _local(value, zone)
    if isinstance(value, date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(float(value))
    text = str(value).strip()
    if not text:
        raise ValueError("no date")
    if text.isdigit() and len(text) == 5:  # an Excel serial number written as text
        return _serial(float(text))
    return _text_when(text, order, zone)


def _text_when(text: str, order: str | None, zone: str) -> tuple[date, time | None]:
    iso = _ISO.fullmatch(text)
    if iso:
        day = _real_date(int(iso[1]), int(iso[2]), int(iso[3]), text)
        if iso[4] is None:
            return day, None
        moment = datetime.combine(day, parse_time(iso[4]))
        if iso[5]:
            offset = iso[5].replace("Z", "+00:00")
            moment = datetime.fromisoformat(f"{moment.isoformat()}{offset}")
        return _local(moment, zone)
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        year += 2000 if len(numeric[3]) == 2 else 0
        if order is None and first != second and first <= 12 and second <= 12:
            raise AmbiguousDates(text, f"'{text}' reads as two dates")
        day_of, month = (second, first) if order == MONTH_FIRST else (first, second)
        found = _real_date(year, month, day_of, text)
        return found, parse_time(numeric[4]) if numeric[4] else None
    return _worded(text, order)


def _worded(text: str, order: str | None) -> tuple[date, time | None]:
    """Dates with English month names ("3 April 2027", "Apr 3, 2027 9:30 AM")."""
    if not re.search(r"\d{4}", text) or not re.search(r"[^\W\d_]{3}", text):
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2027-04-03")
    from dateutil import parser

    try:
        found = parser.parse(text, dayfirst=order != MONTH_FIRST, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2027-04-03") from None
    has_time = bool(re.search(r"\d[:.]\d{2}|\d\s*[ap]\.?m", text, re.IGNORECASE))
    return found.date(), found.time().replace(second=0, microsecond=0) if has_time else None


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def _serial(number: float) -> tuple[date, time | None]:
    if not 1 <= number <= _MAX_SERIAL:
        raise ValueError(f"{number:g} is not a date")
    whole = int(number)
    moment = datetime.combine(_EXCEL_EPOCH, time()) + timedelta(days=number)
    return _EXCEL_EPOCH + timedelta(days=whole), (
        _minute(moment.time()) if number != whole else None
    )


def _local(moment: datetime, zone: str) -> tuple[date, time | None]:
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(zone))
    clock = _minute(moment.time())
    return moment.date(), clock if (clock != time() or moment.tzinfo) else None


def _minute(clock: time) -> time:
    """A clock time to the minute: spreadsheets store 09:30 as 0.395833..., a hair off."""
    seconds = clock.hour * 3600 + clock.minute * 60 + clock.second + clock.microsecond / 1e6
    minutes = round(seconds / 60) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def parse_time(value: object) -> time:
    """A time cell: 09:30, 9.30, 9:30 PM, 21:00:00, a time or a fraction of a day."""
    if isinstance(value, datetime):
        return _minute(value.time())
    if isinstance(value, time):
        return _minute(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            return _minute((datetime.min + timedelta(days=float(value))).time())
        raise ValueError(f"{value:g} is not a time")
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if not match or (match[2] is None and match[4] is None):
        raise ValueError(f"'{text}' is not a time; write 24-hour HH:MM, e.g. 09:30")
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{text}' is not a time")
        hour = hour % 12 + (12 if match[4].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{text}' is not a time; write 24-hour HH:MM, e.g. 09:30")
    return time(hour, minute)
