"""`smmplan ideas` lists the backlog; `smmplan schedule` makes an idea a dated draft."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from smmplan.cli.base import _files, app, guarded
from smmplan.problems import SmmplanError, UsageError


@app.command()
@guarded
def ideas(
    path: Annotated[
        Path | None,
        typer.Argument(help="A calendar file or folder (default: calendars/).", show_default=False),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> int:
    """List the ideas backlog: posts to write when there is room."""
    from smmplan import report
    from smmplan.cli.screens import ideas as backlog

    if format not in ("table", "json"):
        raise UsageError("--format must be table or json")
    loaded = [backlog.load(file) for file in _files([path] if path else None)]
    problems = sorted(p for item in loaded for p in item.problems)
    if problems:
        sys.stderr.write(report.as_text(problems))
    if any(p.level == "error" for p in problems):
        raise SmmplanError("the calendar has errors (listed above); fix them first")
    rows = backlog.rows(loaded)
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Ideas", title_justify="left", box=box.SIMPLE_HEAD)
    columns: tuple[str, ...] = ("id", "title", "channels", "pillar", "campaign", "not_before")
    if len({row["calendar"] for row in rows}) > 1:
        columns = ("calendar", *columns)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(", ".join(v) if isinstance(v := row[c], list) else v for c in columns))
    Console(highlight=False).print(table if rows else "No ideas in the backlog.")
    return 0


@app.command()
@guarded
def schedule(
    idea: Annotated[str, typer.Argument(help="The id of an idea in `ideas:`.")],
    day: Annotated[str, typer.Option("--date", help="The day to post, YYYY-MM-DD.")],
    at: Annotated[
        str | None, typer.Option("--time", help="HH:MM; default: the first free slot.")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Default: the idea's channels, else all.")
    ] = None,
    path: Annotated[
        Path | None,
        typer.Option(
            "--calendar",
            help="The calendar file (default: the one in calendars/ whose backlog has the idea).",
        ),
    ] = None,
) -> int:
    """Move an idea into `posts:` as a draft on a free slot, keeping the rest of the file."""
    from smmplan.cli.screens import ideas as backlog
    from smmplan.edit.schedule_idea import schedule as move
    from smmplan.load import vocab
    from smmplan.pipeline import parse_date_option

    when = parse_date_option("--date", day)
    try:
        clock = vocab.parse_time(at) if at else None
    except ValueError as exc:
        raise UsageError(f"--time: {exc}") from None
    loaded = [backlog.load(file) for file in _files([path] if path else None)]
    holders = [
        item
        for item in loaded
        if item.checked and any(i.id == idea for i in item.checked.model.ideas)
    ]
    if not holders:
        broken = [item.file for item in loaded if item.checked is None]
        tail = f" (calendars with errors: {', '.join(map(str, broken))})" if broken else ""
        raise SmmplanError(f"no calendar has an idea '{idea}'{tail}")
    if len(holders) > 1:
        names = ", ".join(str(item.file) for item in holders)
        raise UsageError(f"idea '{idea}' is in {names}; name one with --calendar")
    draft = move(holders[0].checked, idea, when, clock, channel)
    typer.echo(
        f"scheduled idea '{idea}' as a draft on {draft['date']}"
        + (f" {draft['time']}" if "time" in draft else "")
        + f" in {holders[0].file}"
    )
    return 0
