"""`smmplan tasks`: what each person has to do, and by when, across every calendar."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from smmplan.cli.base import FromOpt, NoCacheOpt, PathsArg, ToOpt, _files, app, guarded
from smmplan.problems import UsageError

if TYPE_CHECKING:
    from smmplan.l10n import Language
    from smmplan.model import Task
    from smmplan.production.listing import Selection

FORMATS = ("table", "csv", "ics", "md", "json")


@app.command()
@guarded
def tasks(
    paths: PathsArg = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Only this person's tasks (an id of people:).")
    ] = None,
    start: FromOpt = None,
    end: ToOpt = None,
    week: Annotated[bool, typer.Option("--week", help="Due this week (Monday to Sunday).")] = False,
    today: Annotated[
        bool, typer.Option("--today", help="Due today, and steps still open from before.")
    ] = False,
    format: Annotated[str, typer.Option("--format", help="table, csv, ics, md or json.")] = "table",
    no_cache: NoCacheOpt = False,
) -> int:
    """List the production steps still to do, by due date, with calendar, post and person.

    Today is $SMMPLAN_TODAY, else the real date.
    """
    from smmplan import clock
    from smmplan.production.listing import Selection

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    if sum((bool(start or end), week, today)) > 1:
        raise UsageError("give one of --from/--to, --week and --today, not several")
    day = clock.today()
    first, last = _span(start, end, week, today, day)
    selection = Selection(first, last, today=day, person=person)
    found, languages = _tasks(paths, selection, reuse=not no_cache)
    _write(found, day, format, languages)
    return 0


def _span(
    start: str | None, end: str | None, week: bool, today: bool, day: date
) -> tuple[date | None, date | None]:
    from smmplan.pipeline import parse_window
    from smmplan.production.listing import week_of

    if week:
        return week_of(day)
    if today:
        return day, day
    window = parse_window(None, start, end)
    return (window.start, window.end) if window else (None, None)


def _tasks(
    paths: PathsArg, selection: Selection, *, reuse: bool
) -> tuple[list[Task], dict[str, str]]:
    """The tasks selected, and each calendar's language by its id."""
    from smmplan import report
    from smmplan.pipeline import Window, plan
    from smmplan.problems import SmmplanError
    from smmplan.production.listing import select

    span = selection.expand_window()
    outcome = plan(_files(paths), Window(*span) if span else None, reuse=reuse)
    errors = [p for p in outcome.problems if p.level == "error"]
    if errors:
        sys.stderr.write(report.as_text(errors))
        raise SmmplanError("the calendars have errors (listed above); fix them first")
    every = [t for p in outcome.planned if p.schedule for t in p.schedule.tasks]
    people = sorted({t.person for t in every})
    if selection.person is not None and selection.person not in people:
        typer.echo(
            f"note: --person '{selection.person}' has no task here; people with tasks: "
            f"{', '.join(people) or 'none'}",
            err=True,
        )
    languages = {
        p.schedule.calendar.id: p.schedule.calendar.language for p in outcome.planned if p.schedule
    }
    return select(every, selection), languages


def _write(found: list[Task], day: date, format: str, languages: dict[str, str]) -> None:
    """The list in `format`: for people (table, md) in its calendars' language, for tools
    (csv, json, ics) with the same English column names and states in every language."""
    from smmplan.production import listing

    lang = listing.language_of(found, languages)
    if format == "table":
        _print_table(found, day, lang)
        return
    if format == "ics":
        import os

        from smmplan.pipeline import dtstamp_from
        from smmplan.production.to_vtodo import to_ics

        data = to_ics(found, day, dtstamp=dtstamp_from(os.environ.get("SOURCE_DATE_EPOCH")))
    elif format == "md":
        data = listing.to_markdown(found, day, lang)
    else:
        data = {"csv": listing.to_csv, "json": listing.to_json}[format](found, day)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _print_table(found: list[Task], day: date, lang: Language) -> None:
    """A rich table on a terminal; aligned plain columns in a pipe."""
    from rich.console import Console
    from rich.table import Table

    from smmplan.production.listing import headings, shown, state, to_text

    console = Console(highlight=False)
    if not console.is_terminal:
        sys.stdout.write(to_text(found, day, lang))
        return
    table = Table(title=lang.label("tasks_title", date=day.isoformat()), title_justify="left")
    for heading in headings(lang):
        table.add_column(heading)
    for task in found:
        style = "bold red" if state(task, day) == "overdue" else None
        table.add_row(*shown(task, day, lang), style=style)
    console.print(table if found else lang.label("nothing_due"))
