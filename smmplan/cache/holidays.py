"""Public holidays from the `holidays` package, cached on disk.

Importing `holidays` and building a country's table costs more than the rest of a small
validation, so what a calendar needs is kept in the cache under the key of
smmplan.cache.fingerprint, which names the installed `holidays` release among smmplan's
libraries: a new release of the data is picked up automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from smmplan.cache import fingerprint, store

KIND = "holidays"


@dataclass(frozen=True)
class CountryInfo:
    code: str
    subdivisions: tuple[str, ...]
    categories: tuple[str, ...]
    languages: tuple[str, ...]

    def language_for(self, language: str) -> str | None:
        """The holiday language matching a calendar language ("en" -> "en_US"), if any."""
        if not language:
            return None
        wanted = language.replace("-", "_")
        if wanted in self.languages:
            return wanted
        from smmplan.l10n import script_to_territory

        # zh-Hant is written in Taiwan (zh_TW), not zh_CN, which sorts first below.
        if (by_script := script_to_territory(wanted)) in self.languages:
            return by_script
        base = wanted.split("_")[0].lower()
        matches = sorted(lang for lang in self.languages if lang.split("_")[0].lower() == base)
        return matches[0] if matches else None


@cache
def country_info(code: str) -> CountryInfo | None:
    """What the holiday data knows of a country, or None for an unknown code."""
    key = fingerprint.key(KIND, options={"country": code})
    stored = store.get(KIND, key)
    if stored is None:
        stored = _country_info(code)
        store.put(KIND, key, stored)
    if not stored:
        return None
    return CountryInfo(
        code, *(tuple(stored[k]) for k in ("subdivisions", "categories", "languages"))
    )


def _country_info(code: str) -> dict[str, Any]:
    import holidays

    if code not in holidays.list_supported_countries():
        return {}
    cls = holidays.country_holidays(code).__class__
    return {
        "subdivisions": list(getattr(cls, "subdivisions", ()) or ()),
        "categories": list(getattr(cls, "supported_categories", ("public",)) or ("public",)),
        "languages": list(getattr(cls, "supported_languages", ()) or ()),
    }


def holidays_between(
    country: str,
    start: date,
    end: date,
    *,
    subdivision: str | None,
    categories: tuple[str, ...],
    language: str | None,
) -> dict[date, list[str]]:
    """Holiday names by date in [start, end], in the requested language when available."""
    found: dict[date, list[str]] = {}
    for year in range(start.year, end.year + 1):
        for day, names in _year(country, year, subdivision, categories, language).items():
            when = date.fromisoformat(day)
            if start <= when <= end:
                found[when] = names
    return found


def _year(
    country: str,
    year: int,
    subdivision: str | None,
    categories: tuple[str, ...],
    language: str | None,
) -> dict[str, list[str]]:
    options = {
        "country": country,
        "year": year,
        "subdivision": subdivision,
        "categories": sorted(categories),
        "language": language,
    }
    key = fingerprint.key(KIND, options=options)
    stored = store.get(KIND, key)
    if stored is None:
        import holidays

        table = holidays.country_holidays(
            country,
            subdiv=subdivision,
            years=year,
            categories=categories or None,
            language=language,
        )
        stored = {day.isoformat(): sorted(table.get_list(day)) for day in sorted(table)}
        store.put(KIND, key, stored)
    return stored
