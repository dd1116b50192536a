"""`smmplan init`: a new calendar repo that validates from its first commit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from smmplan.cli.base import app, guarded


@app.command()
@guarded
def init(
    folder: Annotated[
        Path, typer.Argument(help="Folder for the new calendar repo (default: here).")
    ] = Path("."),
    name: Annotated[str, typer.Option("--name", help="The brand's display name.")] = "My Brand",
    country: Annotated[str, typer.Option("--country", help="ISO 3166 code for holidays.")] = "US",
    language: Annotated[str, typer.Option("--language", help="Language of names.")] = "en",
    timezone: Annotated[
        str, typer.Option("--timezone", help="IANA zone, e.g. Europe/Madrid.")
    ] = "America/New_York",
    subdivision: Annotated[
        str | None, typer.Option("--subdivision", help="Region for holidays, e.g. CT.")
    ] = None,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            help="What CI and pre-commit pip-install: a git URL or a path "
            "(default: smmplan==this version).",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Plan the month after this date (default: $SMMPLAN_TODAY)."),
    ] = None,
) -> int:
    """Start a calendar repo: one calendar, its templates, CI and pre-commit that validate it."""
    from smmplan import clock, scaffold

    options = scaffold.Options(name, country, language, timezone, subdivision, install)
    created = scaffold.create(folder, options, today=clock.today(today))
    for path in created.paths:
        typer.echo(f"wrote {path}")
    for note in created.notes:
        typer.echo(note)
    go = "" if folder == Path(".") else f"cd {folder} && "
    typer.echo(f"next: {go}smmplan show && smmplan build")
    return 0
