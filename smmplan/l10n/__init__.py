"""The calendar's language in the outputs people read: dates, names, direction and labels.

Dates, weekday and month names and the text direction come from CLDR through Babel. The few
labels of the plan (headings, field names, statuses) are data: one TOML file per language in
this folder, named by Babel's locale name (`ca.toml`, `zh_Hant.toml`), each read once, when a
plan in that language is first written. A language without a file gets English labels around
localized dates; adding a language is adding a file (docs/languages.md).

TOML rather than gettext catalogues: the labels are a fixed set of named keys without plural
forms, so a flat file that the standard library reads (tomllib) serves translators as well as a
.po file would, with no compile step to .mo, no extraction tooling and nothing more to import
at start-up.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

FALLBACK = "en"

# Where the language files are; tests point it at a copy.
DATA = Path(__file__).parent


class _Catalogs(Mapping[str, Mapping[str, str]]):
    """The labels of every language by locale name; a language's file is read when first used."""

    def __getitem__(self, locale: str) -> Mapping[str, str]:
        found = _read(DATA, locale)
        if found is None:
            raise KeyError(locale)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(path.stem for path in DATA.glob("*.toml")))

    def __len__(self) -> int:
        return sum(1 for _ in self)


# The labels of the Markdown and HTML plans. Keys are names ("plan_title"); en.toml holds every
# key, and "{name}" and "{date}" in a label are filled in by the caller.
LABELS: Mapping[str, Mapping[str, str]] = _Catalogs()


@cache
def _read(folder: Path, locale: str) -> Mapping[str, str] | None:
    """The labels in `folder`'s file for `locale`, or None when it has none."""
    if not locale.replace("_", "").isalnum():  # a locale name, never a path
        return None
    try:
        with (folder / f"{locale}.toml").open("rb") as stream:
            return MappingProxyType(tomllib.load(stream))
    except FileNotFoundError:
        return None


@dataclass(frozen=True, slots=True)
class Language:
    """A calendar's language, resolved: the Babel locale and what the outputs need of it."""

    locale: str  # Babel's name, e.g. "zh_Hant", "pt_BR"
    tag: str  # BCP 47 for HTML's lang attribute, e.g. "zh-Hant"
    direction: str  # "ltr" or "rtl"

    def label(self, key: str, **values: str) -> str:
        """A plan label in this language (English when the language has none)."""
        text = _labels(self.locale).get(key) or LABELS[FALLBACK][key]
        return text.format(**values) if values else text

    # Babel takes tens of microseconds for each text below, and every plan and post template
    # asks for the same days again (an agency's calendars all head the same month): each
    # text depends only on the locale and what is asked, so it is written once per process.

    def weekdays(self, width: str = "abbreviated") -> list[str]:
        """Weekday names, Monday first, as they stand alone (column headings)."""
        return list(_weekdays(self.locale, width))

    def month_title(self, day: date) -> str:
        """The month and year as a calendar page is headed ("desembre del 2026")."""
        return _month_title(self.locale, day)

    def date_text(self, day: date, width: str = "long") -> str:
        """`day` as CLDR writes it: short, medium, long or full (with the weekday)."""
        return _date_text(self.locale, day, width)


@lru_cache(maxsize=64)
def _weekdays(locale: str, width: str) -> tuple[str, ...]:
    from babel import Locale

    names = Locale.parse(locale).days["stand-alone"][width]
    return tuple(str(names[index]) for index in range(7))


@lru_cache(maxsize=256)
def _month_title(locale: str, day: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", day, locale=locale))


@lru_cache(maxsize=4096)
def _date_text(locale: str, day: date, width: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, width, locale=locale))


def _labels(locale: str) -> Mapping[str, str]:
    """Labels of the locale, its script variant or its language (pt_BR → pt)."""
    parts = locale.split("_")
    for size in range(len(parts), 0, -1):
        found = LABELS.get("_".join(parts[:size]))
        if found:
            return found
    if parts[0] == "zh":  # zh_TW/zh_HK write traditional characters, zh/zh_CN simplified
        return LABELS["zh_Hant" if any(p in ("TW", "HK", "MO") for p in parts) else "zh_Hans"]
    return LABELS[FALLBACK]


@lru_cache(maxsize=64)
def language(code: str | None) -> Language:
    """Resolve a calendar's `language:` ("zh-Hant", "pt_BR", "ca"); unknown or empty → English."""
    from babel import Locale, UnknownLocaleError

    # Calendars may write BCP 47 tags with '-'; Babel wants '_'.
    try:
        locale = Locale.parse((code or FALLBACK).strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        locale = Locale.parse(FALLBACK)
    name = str(locale)
    return Language(
        locale=name,
        tag=name.replace("_", "-"),
        direction="rtl" if locale.text_direction == "rtl" else "ltr",
    )


def script_to_territory(code: str) -> str | None:
    """A code with a script as language_TERRITORY, by CLDR's likely subtags: zh_Hant → zh_TW.

    Data such as holiday names is kept per territory (zh_TW, zh_CN), calendars often name the
    script instead (zh-Hant); None when `code` names no script or CLDR has no guess.
    """
    parts = code.replace("-", "_").split("_")
    if len(parts) < 2 or len(parts[1]) != 4:
        return None
    from babel.core import get_global

    script = parts[1].title()
    subtags = get_global("likely_subtags")
    # CLDR lists zh_Hant but not zh_Hans, which is what plain zh stands for.
    likely = subtags.get(f"{parts[0]}_{script}") or subtags.get(parts[0]) or ""
    found = likely.split("_")
    return f"{found[0]}_{found[2]}" if len(found) == 3 and found[1] == script else None
