"""The views of a month: `show`, `stats` and `holidays`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smmplan.cli.base import MonthOpt, NoCacheOpt, _files, app, guarded

if TYPE_CHECKING:
    from rich.console import Console

    from smmplan.model import Schedule

PathArg = Annotated[
    Path | None,
    typer.Argument(help="A calendar file or folder (default: calendars/).", show_default=False),
]


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _schedules(path: Path | None, month: str | None, reuse: bool) -> list[Schedule]:
    """Plan the calendars at `path`; problems go to stderr and errors stop the command.

    With `reuse`, unchanged calendars come from the check cache that `build` fills too.
    """
    from smmplan import report
    from smmplan.pipeline import parse_window, plan
    from smmplan.problems import SmmplanError

    files = _files([path] if path else None)
    outcome = plan(files, parse_window(month, None, None), reuse=reuse)
    if outcome.problems:
        sys.stderr.write(report.as_text(outcome.problems))
    if not outcome.ok:
        raise SmmplanError("the calendar has errors (listed above); fix them first")
    return [p.schedule for p in outcome.planned if p.schedule is not None]


def _print_each(
    path: Path | None, month: str | None, no_cache: bool, view: Callable[[Schedule], object]
) -> int:
    console = _console()
    for schedule in _schedules(path, month, reuse=not no_cache):
        console.print(view(schedule))
    return 0


@app.command()
@guarded
def show(
    path: PathArg = None,
    month: MonthOpt = None,
    agenda: Annotated[bool, typer.Option("--agenda", help="List day by day instead.")] = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Show a month of posts at a glance: a Monday-to-Sunday grid, or an agenda."""
    from smmplan.cli.screens import month as views

    return _print_each(path, month, no_cache, views.agenda if agenda else views.month_grids)


@app.command()
@guarded
def stats(path: PathArg = None, month: MonthOpt = None, no_cache: NoCacheOpt = False) -> int:
    """Check the content mix: posts per week, formats, pillars, owners, unfilled slots, budget."""
    from smmplan.cli.screens.stats import stats as view

    return _print_each(path, month, no_cache, view)


@app.command()
@guarded
def holidays(
    path: Annotated[
        Path | None,
        typer.Argument(help="A calendar: also list its observances.", show_default=False),
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO 3166 code, e.g. ES.")
    ] = None,
    subdivision: Annotated[
        str | None, typer.Option("--subdivision", help="Region code, e.g. CT.")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Default: this year ($SMMPLAN_TODAY's).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Holiday names in this language.")
    ] = None,
) -> int:
    """List a country's public holidays (and a calendar's observances) to choose from."""
    from smmplan import clock
    from smmplan.cli.screens.holidays import listing

    lines = listing(
        country=country,
        subdivision=subdivision,
        year=year or clock.today().year,
        language=language,
        calendar=path,
    )
    typer.echo("\n".join(lines))
    return 0
