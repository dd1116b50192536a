"""`smmplan import`: posts from a spreadsheet, a scheduler's CSV or a calendar file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smmplan.cli.base import app, guarded

if TYPE_CHECKING:
    from smmplan.imports.session import Outcome

_SHOWN_ROWS = 50


@app.command("import")
@guarded
def import_(
    source: Annotated[
        Path, typer.Argument(help="CSV, TSV, .xlsx, .ods, .ics, or smmplan's JSON output.")
    ],
    calendar: Annotated[
        Path | None, typer.Option("--calendar", help="Add the posts to this calendar.")
    ] = None,
    new: Annotated[Path | None, typer.Option("--new", help="Write a new calendar here.")] = None,
    into: Annotated[
        str | None,
        typer.Option("--into", help="A fragment the calendar includes, to add the posts to."),
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="The sheet to read.")] = None,
    mapping: Annotated[
        str | None,
        typer.Option("--map", help='Columns to fields: "Fecha=date,Copy=text,Notes=extra".'),
    ] = None,
    dayfirst: Annotated[
        bool | None,
        typer.Option("--dayfirst/--monthfirst", help="How 03/04/2027 reads.", show_default=False),
    ] = None,
    timezone: Annotated[
        str | None, typer.Option("--timezone", help="Time zone of a new calendar.")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Language of a new calendar (es, ca, …).")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="The channel of files without a channel column.")
    ] = None,
    add_channels: Annotated[
        bool, typer.Option("--add-channels", help="Add channels the calendar does not have.")
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Import the good rows and list the others.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the YAML that would be written; write nothing.")
    ] = False,
) -> int:
    """Import posts from a spreadsheet, a scheduler's CSV or an ICS calendar."""
    from smmplan.imports import dates
    from smmplan.imports.session import Request, run

    order = None if dayfirst is None else dates.DAY_FIRST if dayfirst else dates.MONTH_FIRST
    request = Request(
        source=source, calendar=calendar, new=new, into=into, sheet=sheet, mapping=mapping,
        order=order, timezone=timezone, language=language, channel=channel,
        add_channels=add_channels, skip_bad=skip_bad, dry_run=dry_run,
    )  # fmt: skip
    outcome = run(request)
    if dry_run and outcome.preview:
        sys.stdout.write(outcome.preview)
    _summary(outcome, request.dry_run, request.skip_bad)
    return 1 if outcome.rejected and not skip_bad else 0


def _summary(outcome: Outcome, dry_run: bool, skip_bad: bool) -> None:
    """Rows read, imported, skipped, rejected; where each column went; the rejected rows."""
    table, columns = outcome.table, outcome.columns
    lines = [f"{table.path}: {note}" for note in outcome.notes]
    went = [f"{table.header[i]} → {name}" for i, name in sorted(columns.fields.items())]
    lines.append("columns: " + (", ".join(went) or "none recognised"))
    if columns.extra:
        lines.append("kept as extra: " + ", ".join(columns.extra.values()))
    if columns.ignored:
        lines.append("ignored: " + ", ".join(columns.ignored))
    if outcome.order:
        lines.append(f"dates read {outcome.order} (03/04 is {_example(outcome.order)})")
    for error in outcome.rejected[:_SHOWN_ROWS]:
        lines.append(str(error))
    if len(outcome.rejected) > _SHOWN_ROWS:
        lines.append(f"… and {len(outcome.rejected) - _SHOWN_ROWS} more rejected rows")
    lines.append(
        f"{outcome.read} row(s) read, {len(outcome.imported)} to import, "
        f"{outcome.duplicates} skipped as already there, {len(outcome.rejected)} rejected"
    )
    targets = ", ".join(str(path) for path in outcome.files)
    if outcome.written:
        lines.append(f"wrote {targets}")
    elif dry_run:
        lines.append("dry run: nothing written")
    elif outcome.rejected and not skip_bad:
        lines.append("nothing written: fix the rows above, or add --skip-bad to import the rest")
    sys.stderr.write("".join(f"{line}\n" for line in lines))


def _example(order: str) -> str:
    from smmplan.imports.dates import DAY_FIRST

    return "3 April" if order == DAY_FIRST else "4 March"
