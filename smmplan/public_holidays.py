"""Public holidays from the `holidays` package, imported only when a calendar asks for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache


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
        base = wanted.split("_")[0].lower()
        matches = sorted(lang for lang in self.languages if lang.split("_")[0].lower() == base)
        return matches[0] if matches else None


@cache
def country_info(code: str) -> CountryInfo | None:
    import holidays

    if code not in holidays.list_supported_countries():
        return None
    cls = holidays.country_holidays(code).__class__
    return CountryInfo(
        code=code,
        subdivisions=tuple(getattr(cls, "subdivisions", ()) or ()),
        categories=tuple(getattr(cls, "supported_categories", ("public",)) or ("public",)),
        languages=tuple(getattr(cls, "supported_languages", ()) or ()),
    )


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
    import holidays

    table = holidays.country_holidays(
        country,
        subdiv=subdivision,
        years=range(start.year, end.year + 1),
        categories=categories or None,
        language=language,
    )
    found: dict[date, list[str]] = {}
    for day in sorted(table):
        if start <= day <= end:
            found[day] = sorted(table.get_list(day))
    return found
