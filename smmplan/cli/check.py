"""`smmplan validate`: every problem of the calendars, for a terminal or CI."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from smmplan.cli.base import (
    FromOpt,
    JobsOpt,
    MonthOpt,
    NoCacheOpt,
    PathsArg,
    ToOpt,
    _files,
    app,
    guarded,
)
from smmplan.problems import UsageError


@app.command()
@guarded
def validate(
    paths: PathsArg = None,
    format: Annotated[
        str, typer.Option("--format", help="Problem format: text, json, github, sarif.")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    month: MonthOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="The date lint takes as today, YYYY-MM-DD (default: $SMMPLAN_TODAY, "
            "else the real date).",
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
    deadlines: Annotated[
        str,
        typer.Option(
            "--deadlines",
            help="Overdue production steps: warn (W801), or strict (error E801, exit 1).",
        ),
    ] = "warn",
    jobs: JobsOpt = None,
) -> int:
    """Check calendars and print every problem as path:line:col: level CODE message."""
    from smmplan import clock, report
    from smmplan.pipeline import parse_window, plan
    from smmplan.workers import job_count

    if format not in report.REPORTERS:
        raise UsageError(f"--format must be one of {', '.join(report.REPORTERS)}")
    if deadlines not in ("warn", "strict"):
        raise UsageError("--deadlines must be warn or strict")
    window = parse_window(month, start, end)
    day = clock.today(today)
    outcome = plan(
        _files(paths),
        window,
        expand_always=False,
        keep_schedules=False,
        today=day,
        reuse=not no_cache,
        jobs=job_count(jobs),
    )
    problems = outcome.problems
    if deadlines == "strict":
        from smmplan.production.overdue import as_errors

        problems = as_errors(problems)
    sys.stdout.write(report.render(problems, format))
    if any(p.level == "error" for p in problems) or (strict and problems):
        return 1
    return 0
