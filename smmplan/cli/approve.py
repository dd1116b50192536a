"""`smmplan approve`: mark posts approved in the calendar files themselves."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Annotated

import typer

from smmplan.cli.base import MonthOpt, PathsArg, _files, app, guarded
from smmplan.problems import ProblemsFound, UsageError


@app.command()
@guarded
def approve(
    paths: PathsArg = None,
    month: MonthOpt = None,
    post: Annotated[
        list[str] | None, typer.Option("--post", help="A post id to approve (repeatable).")
    ] = None,
    all_posts: Annotated[
        bool, typer.Option("--all", help="Every post of the calendars' periods.")
    ] = False,
    by: Annotated[
        str | None, typer.Option("--by", help="Who approves (default: git config user.name).")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="The approval date, YYYY-MM-DD.")
    ] = None,
) -> int:
    """Write `status: approved` and who approved what, when, into the entries of the posts."""
    from smmplan import clock, report
    from smmplan.pipeline import parse_window
    from smmplan.review.approve import Request, approve

    if not (month or post or all_posts):
        raise UsageError("say what to approve: --month YYYY-MM, --post ID or --all")
    request = Request(
        window=parse_window(month, None, None),
        post_ids=tuple(post or ()),
        by=by or _git_user(),
        on=clock.today(today),
    )
    try:
        result = approve(_files(paths), request)
    except ProblemsFound as found:
        typer.echo(report.render(found.problems, "text"), nl=False, err=True)
        typer.echo("nothing was written", err=True)
        return 1
    for unit, where in result.approved:
        on = f" on {unit.date}" if unit.date else ""
        typer.echo(f"approved {unit.source} '{unit.source_id}'{on} ({where})")
    for skipped in result.skipped:
        typer.echo(
            f"not approved: {skipped.source} '{skipped.source_id}' on {skipped.date} "
            "(a holiday greeting or pack day has no entry of its own)",
            err=True,
        )
    if not result.approved:
        typer.echo("nothing to approve in the window", err=True)
    return 0


def _git_user() -> str:
    try:
        done = subprocess.run(
            ["git", "config", "user.name"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path.cwd(),
        )
    except OSError:
        done = None
    name = done.stdout.strip() if done and done.returncode == 0 else ""
    if not name:
        raise UsageError("who approves? give --by NAME (git config user.name is not set)")
    return name
