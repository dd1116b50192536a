"""`smmplan init`: the files of a new calendar repo, from the package data in scaffold/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from string import Template

from smmplan import vocab
from smmplan.problems import SmmplanError, UsageError

# Package data file -> where it goes in the new repo ({id} is the calendar id).
FILES: dict[str, str] = {
    "calendar.yaml": "calendars/{id}.yaml",
    "templates/motivation.j2": "templates/motivation.j2",
    "templates/tip.j2": "templates/tip.j2",
    "templates/holiday.j2": "templates/holiday.j2",
    "gitignore": ".gitignore",
    "github/smmplan.yml": ".github/workflows/smmplan.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}


@dataclass(frozen=True)
class Options:
    name: str
    country: str
    language: str
    timezone: str


def next_month(today: date) -> tuple[date, date]:
    """The first and last day of the month after `today`."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def checked(options: Options) -> Options:
    """The options with the country upper-cased; UsageError says what to give instead."""
    from smmplan.cache.holidays import country_info
    from smmplan.zones import check_zone

    if not options.name.strip():
        raise UsageError("--name is empty; give the brand's display name")
    country = options.country.strip().upper()
    if country_info(country) is None:
        raise UsageError(
            f"--country '{options.country}' is not a country the holiday data knows; "
            "use an ISO 3166 code such as US, ES or IN"
        )
    if not vocab.LANGUAGE_RE.fullmatch(options.language):
        raise UsageError(f"--language '{options.language}' is not a language code such as en")
    try:
        check_zone(options.timezone)
    except ValueError as exc:
        raise UsageError(f"--timezone: {exc}") from None
    return Options(options.name.strip(), country, options.language, options.timezone)


def plan(folder: Path, options: Options, *, today: date) -> dict[Path, bytes]:
    """Every file `init` writes, with its bytes."""
    options = checked(options)
    calendar_id = vocab.slugify(options.name) or "calendar"
    start, end = next_month(today)
    values = {
        "id": calendar_id,
        "name": options.name.replace("\n", " "),
        "name_yaml": json.dumps(options.name, ensure_ascii=False),
        "timezone": options.timezone,
        "language": options.language,
        "country": options.country,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "offer": start.replace(day=20).isoformat(),
    }
    data = resources.files("smmplan") / "scaffold"
    files: dict[Path, bytes] = {}
    for source, target in FILES.items():
        text = (data / source).read_text(encoding="utf-8")
        if source == "calendar.yaml":
            text = Template(text).substitute(values)
        files[folder / target.format(id=calendar_id)] = text.encode("utf-8")
    return files


def create(folder: Path, options: Options, *, today: date) -> list[Path]:
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
    from smmplan.atomic import write_all

    write_all(files)
    return sorted(files)
