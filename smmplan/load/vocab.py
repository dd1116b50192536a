"""Parsing of the small value types of the calendar format: days, times, dates, hashtags, ids."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time

import regex

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_WORDS = {
    **{d: [i] for i, d in enumerate(WEEKDAYS)},
    **{n.lower(): [i] for i, n in enumerate(WEEKDAY_NAMES)},
    "daily": list(range(7)),
    "weekdays": list(range(5)),
    "weekends": [5, 6],
}
# Ids are lowercase words of any script: letters, their marks, digits, joiners and '-'.
ID_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u200d-]*")
# BCP 47-like language tags as calendars write them: ca, nl, en-GB, zh-Hant, pt_BR.
LANGUAGE_RE = re.compile(r"[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*")
CHANNEL_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
_TIME_RE = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY_RE = re.compile(r"(\d{2})-(\d{2})")
_HASHTAG_RE = regex.compile(r"#?[\p{L}\p{M}\p{N}_]+")


def parse_days(value: str) -> list[int]:
    """Weekday numbers (Monday = 0) of a day word or group."""
    found = _DAY_WORDS.get(value.strip().lower())
    if found is None:
        raise ValueError(
            f"'{value}' is not a day; use mon…sun, full English names, daily, weekdays or weekends"
        )
    return found


def parse_time(value: str) -> time:
    match = _TIME_RE.fullmatch(value.strip())
    if not match:
        raise ValueError(f'\'{value}\' is not a time; write 24-hour "HH:MM", e.g. "09:30"')
    return time(int(match[1]), int(match[2]))


def parse_date(value: str) -> date:
    match = _DATE_RE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-12-01")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None


def parse_month_day(value: str) -> tuple[int, int]:
    """A yearly "MM-DD" date; 02-29 is allowed and falls only in leap years."""
    match = _MONTH_DAY_RE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date; write \"MM-DD\" or YYYY-MM-DD")
    month, day = int(match[1]), int(match[2])
    try:
        date(2024, month, day)
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None
    return month, day


@dataclass(frozen=True)
class YearlyDate:
    """A date that comes back every year ("MM-DD")."""

    month: int
    day: int


_SHORT_MONTH_DAY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")


def parse_observance_date(value: str) -> date | YearlyDate:
    """ "MM-DD" every year, or YYYY-MM-DD once."""
    text = value.strip()
    short = _SHORT_MONTH_DAY.fullmatch(text)
    if short and len(text) < 5:
        padded = f"{int(short[1]):02d}-{int(short[2]):02d}"
        raise ValueError(
            f"'{value}' is not a date; a day every year is \"MM-DD\" with two digits each, "
            f'in quotes: write "{padded}"'
        )
    if len(text) == 5:
        return YearlyDate(*parse_month_day(value))
    return parse_date(value)


def parse_hashtag(value: str) -> str:
    """A hashtag with its leading '#'; accepts it without."""
    text = value.strip()
    if not _HASHTAG_RE.fullmatch(text):
        raise ValueError(
            f"'{value}' is not a hashtag; use '#' then letters, digits or '_', with no spaces"
        )
    return text if text.startswith("#") else f"#{text}"


def is_id(text: str) -> bool:
    """Whether `text` is an id as `slugify` makes them: lowercase, no spaces or punctuation."""
    return bool(ID_RE.fullmatch(text)) and text == text.lower()


def parse_id(value: str) -> str:
    """An `id:` as written, in NFC so that ids that look the same are the same."""
    text = unicodedata.normalize("NFC", value.strip())
    if not is_id(text):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits and '-', e.g. tip-tuesday"
        )
    return text


_LATIN_RUN = regex.compile(r"(?:\p{Latin}\p{M}*)+")


def slugify(text: str) -> str:
    """A lowercase id from a display name: Latin letters lose their accents ("Café Olé" ->
    "cafe-ole"), letters of other scripts stay as written ("Καφέ Ωραίος" -> "καφέ-ωραίος")."""
    from slugify import slugify as unicode_slug
    from text_unidecode import unidecode

    # Latin names keep the ASCII ids they always had; other scripts would be lost or garbled
    # by transliteration (Hindi "नमस्ते" -> "nmste"), so they stay in their own letters.
    latin_ascii = (
        text  # ASCII is its own NFC form and transliteration
        if text.isascii()
        else _LATIN_RUN.sub(lambda run: unidecode(run[0]), unicodedata.normalize("NFC", text))
    )
    return unicode_slug(
        latin_ascii,
        allow_unicode=True,
        algorithm="modern",
        entities=False,
        decimal=False,
        hexadecimal=False,
    )
