"""`smmplan holidays`: a country's public holidays and a calendar's observances, as lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from smmplan import l10n
from smmplan.l10n import Language
from smmplan.problems import SmmplanError, UsageError


def listing(
    *,
    country: str | None,
    subdivision: str | None,
    year: int,
    language: str | None,
    calendar: Path | None,
) -> list[str]:
    """Lines of `date  weekday  name`: public holidays, then the calendar's observances."""
    if not country and calendar is None:
        raise UsageError("give --country CC (e.g. --country ES), or a calendar file")
    # The calendar's language when there is one, else the language asked for the names.
    listed = observances(calendar, year) if calendar is not None else None
    words = l10n.language(listed[0] if listed else language)
    lines: list[str] = []
    if country:
        lines += public_holidays(country, subdivision, year, language, words)
    if listed is not None:
        _, name, events = listed
        lines += [""] * bool(lines)
        lines.append(words.label("observances_title", name=name, year=str(year)))
        lines += [_line(day, event, words) for day, event in events]
    return lines


def public_holidays(
    country: str, subdivision: str | None, year: int, language: str | None, words: Language
) -> list[str]:
    from smmplan.cache.holidays import country_info, holidays_between

    code = country.strip().upper()
    info = country_info(code)
    if info is None:
        raise UsageError(f"--country '{country}' is not a country the holiday data knows")
    if subdivision and subdivision not in info.subdivisions:
        known = ", ".join(info.subdivisions) or "none"
        raise UsageError(f"--subdivision '{subdivision}' is not one of {code}'s: {known}")
    if not 1 <= year <= 9999:
        raise UsageError(f"--year {year} is not a year")
    wanted = info.language_for(language) if language else None
    if language and wanted is None:
        raise UsageError(
            f"--language '{language}': {code}'s holiday names come in "
            f"{', '.join(info.languages) or 'one language only'}"
        )
    found = holidays_between(
        code,
        date(year, 1, 1),
        date(year, 12, 31),
        subdivision=subdivision,
        categories=(),
        language=wanted,
    )
    place = f"{code}{'-' + subdivision if subdivision else ''}"
    title = words.label("holidays_title", place=place, year=str(year))
    lines = (_line(day, " / ".join(names), words) for day, names in sorted(found.items()))
    return [title, *lines]


def observances(calendar: Path, year: int) -> tuple[str, str, list[tuple[date, str]]]:
    """The calendar's language, name and observances in `year` with the dates they fall on."""
    from smmplan import report
    from smmplan.pipeline import Window, plan_one

    planned = plan_one(calendar, Window(date(year, 1, 1), date(year, 12, 31)))
    if planned.schedule is None:
        errors = [p for p in planned.problems if p.level == "error"]
        raise SmmplanError("the calendar has errors:\n" + report.as_text(errors).rstrip())
    events = [e for e in planned.schedule.days if e.kind == "observance"]
    found = [(date.fromisoformat(e.date), e.name) for e in events]
    info = planned.schedule.calendar
    return info.language, info.name, found


def _line(day: date, name: str, words: Language) -> str:
    from babel.dates import format_date

    return f"{day.isoformat()}  {format_date(day, 'EEE', locale=words.locale)}  {name}"
