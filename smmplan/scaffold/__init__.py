"""`smmplan init`: the files of a new calendar repo, from the package data in scaffold/.

The calendar is fitted to the month it plans, so that `validate --strict` passes on any date:
the drafts keep off public holidays (the greeting takes the holiday's slot), and holiday names
come in a language the holiday data has.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from smmplan import __version__
from smmplan.load import vocab
from smmplan.problems import SmmplanError, UsageError
from smmplan.scaffold.words import Words, words

if TYPE_CHECKING:
    from smmplan.cache.holidays import CountryInfo

# Package data file -> where it goes in the new repo ({id} is the calendar id); the templates
# come from the language's words (scaffold/texts/).
FILES: dict[str, str] = {
    "calendar.yaml": "calendars/{id}.yaml",
    "gitignore": ".gitignore",
    "github/smmplan.yml": ".github/workflows/smmplan.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
# Files with ${...} values; the others are copied as they are.
FILLED = ("calendar.yaml", "github/smmplan.yml", "pre-commit-config.yaml")
OFFER_DAY = 20  # the mid-month offer draft
APPROVAL_DAYS = 2  # the default `rules.approval_days` (W317)


@dataclass(frozen=True)
class Options:
    name: str
    country: str
    language: str
    timezone: str
    subdivision: str | None = None
    install: str | None = None  # what CI installs; default: this very version from PyPI


@dataclass(frozen=True)
class Created:
    paths: list[Path]
    notes: list[str] = field(default_factory=list)  # what init chose for the user, to print


def next_month(today: date) -> tuple[date, date]:
    """The first and last day of the month after `today`."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def checked(options: Options) -> Options:
    """The options with codes normalised; UsageError says what to give instead."""
    from smmplan.load.zones import check_zone

    if not options.name.strip():
        raise UsageError("--name is empty; give the brand's display name")
    info = _country(options.country)
    subdivision = _subdivision(info, options.subdivision)
    if not vocab.LANGUAGE_RE.fullmatch(options.language):
        raise UsageError(f"--language '{options.language}' is not a language code such as en")
    try:
        check_zone(options.timezone)
    except ValueError as exc:
        raise UsageError(f"--timezone: {exc}") from None
    if options.install is not None and not options.install.strip():
        raise UsageError("--install is empty; give a pip requirement, a git URL or a path")
    return replace(options, name=options.name.strip(), country=info.code, subdivision=subdivision)


def _country(country: str) -> CountryInfo:
    from smmplan.cache.holidays import country_info

    info = country_info(country.strip().upper())
    if info is None:
        raise UsageError(
            f"--country '{country}' is not a country the holiday data knows; "
            "use an ISO 3166 code such as US, ES or IN"
        )
    return info


def _subdivision(info: CountryInfo, subdivision: str | None) -> str | None:
    if not subdivision:
        return None
    by_upper = {code.upper(): code for code in info.subdivisions}
    if (code := by_upper.get(subdivision.strip().upper())) is None:
        known = ", ".join(info.subdivisions) or "none"
        raise UsageError(f"--subdivision '{subdivision}' is not one of {info.code}'s: {known}")
    return code


def holiday_language(options: Options) -> str | None:
    """The language for holiday names when the data has none in the calendar's, else None."""
    info = _country(options.country)
    if not info.languages or info.language_for(options.language) is not None:
        return None
    english = sorted(lang for lang in info.languages if lang.split("_")[0] == "en")
    return english[0] if english else _default_language(info.code) or info.languages[0]


def _default_language(country: str) -> str | None:
    import holidays

    found = holidays.country_holidays(country).default_language
    return str(found) if found else None


def free_day(wanted: date, taken: set[date], first: date, last: date) -> date:
    """`wanted`, or the nearest day in [first, last] not in `taken` (later days first)."""
    for distance in range((last - first).days + 1):
        for day in (wanted + timedelta(days=distance), wanted - timedelta(days=distance)):
            if first <= day <= last and day not in taken:
                return day
    return wanted


def _holidays(options: Options, start: date, end: date, language: str | None) -> set[date]:
    from smmplan.cache.holidays import holidays_between

    found = holidays_between(
        options.country,
        start,
        end,
        subdivision=options.subdivision,
        categories=(),
        language=language,
    )
    return set(found)


def _holiday_settings(options: Options, language: str | None, comment: str) -> str:
    """Extra lines of the `holidays:` block, each ending in a newline."""
    lines = ""
    if options.subdivision:
        lines += f"  subdivision: {options.subdivision}\n"
    if language:
        lines += f"  language: {language}{' ' * max(1, 23 - len(language))}# {comment}\n"
    return lines


def _ci_values(options: Options) -> dict[str, str]:
    spec = options.install or f"smmplan=={__version__}"
    return {
        "install_run": json.dumps(f"pip install {shlex.quote(spec)}"),
        "install_spec": json.dumps(spec),
    }


def notes(options: Options) -> list[str]:
    """What `init` chose for the user that they should know of."""
    found: list[str] = []
    if words(options.language).fell_back:
        found.append(
            f"note: init has no texts in '{options.language}' yet; the rubrics, posts and "
            "comments are in English, for you to rewrite in your language"
        )
    if language := holiday_language(options):
        found.append(
            f"note: the holiday data for {options.country} has no names in "
            f"'{options.language}'; holidays are named in '{language}' (holidays.language), "
            f"the plan's labels stay in '{options.language}'"
        )
    return found


def _calendar_values(options: Options, today: date, texts: Words) -> dict[str, str]:
    start, end = next_month(today)
    language = holiday_language(options)
    taken = _holidays(options, start, end, language)
    # A draft due within the approval days would be flagged at once (W317).
    earliest = max(start, today + timedelta(days=APPROVAL_DAYS + 1))
    return {
        "id": _calendar_id(options),
        "name": options.name.replace("\n", " "),
        "name_yaml": json.dumps(options.name, ensure_ascii=False),
        "timezone": options.timezone,
        "language": options.language,
        "country": options.country,
        "holiday_settings": _holiday_settings(
            options, language, texts.values["comment_holiday_language"]
        ),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "welcome": free_day(earliest, taken, earliest, end).isoformat(),
        "offer": free_day(start.replace(day=OFFER_DAY), taken, earliest, end).isoformat(),
    }


def _calendar_id(options: Options) -> str:
    return vocab.slugify(options.name) or "calendar"


def plan(folder: Path, options: Options, *, today: date) -> dict[Path, bytes]:
    """Every file `init` writes, with its bytes."""
    options = checked(options)
    texts = words(options.language)
    values = texts.values | _calendar_values(options, today, texts) | _ci_values(options)
    data = resources.files("smmplan") / "scaffold"
    files: dict[Path, bytes] = {}
    for source, target in FILES.items():
        text = (data / source).read_text(encoding="utf-8")
        if source in FILLED:
            text = Template(text).substitute(values)
        files[folder / target.format(id=values["id"])] = text.encode("utf-8")
    for name, text in texts.templates.items():
        files[folder / "templates" / name] = text.encode("utf-8")
    return files


def create(folder: Path, options: Options, *, today: date) -> Created:
    """Write a new calendar repo into `folder`; refuse, writing nothing, if any file exists."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; give a folder for the calendar repo")
    files = plan(folder, options, today=today)
    existing = sorted(str(path) for path in files if path.exists() or path.is_symlink())
    if existing:
        raise SmmplanError(
            f"{', '.join(existing)} already exist(s); init never overwrites files, "
            "so nothing was written (choose another folder)"
        )
    from smmplan.export.atomic import write_all

    write_all(files)
    return Created(sorted(files), notes(checked(options)))
