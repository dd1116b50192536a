"""The `smmplan` command: a thin typer layer over the core in smmplan.pipeline."""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from smmplan import __version__
from smmplan.problems import SmmplanError, UsageError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan social-media posts from YAML calendars: validate them and build schedules.",
)
F = TypeVar("F", bound=Callable[..., Any])
_state = {"debug": False}
ISSUES_URL = "https://github.com/smmplan/smmplan/issues"


VERSION_LINE = f"smmplan {__version__}"


def _version(value: bool) -> None:
    if value:
        typer.echo(VERSION_LINE)
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    _state["debug"] = debug


def guarded(command: F) -> F:
    """The one place that maps failures to exit codes (0, 1, 2, 3, 130)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            code = command(*args, **kwargs)
        except UsageError as exc:
            typer.echo(f"Usage error: {exc}", err=True)
            raise typer.Exit(2) from None
        except SmmplanError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except typer.Exit:
            raise
        except Exception as exc:  # an internal error: short message, traceback on request
            if _state["debug"]:
                import traceback

                traceback.print_exc()
            typer.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                f"This is a bug in smmplan {__version__}. Please report it at {ISSUES_URL} "
                "with the command you ran (add --debug for the traceback).",
                err=True,
            )
            raise typer.Exit(3) from None
        raise typer.Exit(code or 0)

    return run  # type: ignore[return-value]


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Calendar files or folders (default: calendars/).", show_default=False),
]
MonthOpt = Annotated[str | None, typer.Option("--month", help="Window: a month, YYYY-MM.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Window start, YYYY-MM-DD.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Window end (inclusive), YYYY-MM-DD.")]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Check every calendar again, even unchanged ones.")
]


def _files(paths: list[Path] | None) -> list[Path]:
    from smmplan.pipeline import discover

    targets = paths or [Path("calendars")]
    if not paths and not targets[0].is_dir():
        raise UsageError("no calendars/ folder here; give a calendar file or folder")
    files = discover(targets)
    if not files:
        raise UsageError(f"no calendars found in {', '.join(map(str, targets))}")
    return files


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
) -> int:
    """Check calendars and print every problem as path:line:col: level CODE message."""
    from smmplan import clock, report
    from smmplan.pipeline import parse_window, plan

    if format not in report.REPORTERS:
        raise UsageError(f"--format must be one of {', '.join(report.REPORTERS)}")
    window = parse_window(month, start, end)
    day = clock.today(today)
    outcome = plan(
        _files(paths),
        window,
        expand_always=False,
        keep_schedules=False,
        today=day,
        reuse=not no_cache,
    )
    problems = outcome.problems
    sys.stdout.write(report.render(problems, format))
    if not outcome.ok or (strict and problems):
        return 1
    return 0


class _RegistryHelp(typer.core.TyperCommand):
    """`--help` lists the formats and presets of the registries, plugins' included.

    Filled in only when help is shown, so that no other run imports every exporter.
    """

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from smmplan.export import default_formats, formats

        for param in self.params:
            if param.name == "format":
                choices = ", ".join(formats())
                param.help = (  # type: ignore[attr-defined]
                    f"Comma-separated output formats: {choices} "
                    f"(default: {','.join(default_formats())})."
                )
        super().format_help(ctx, formatter)


@app.command(cls=_RegistryHelp)
@guarded
def build(
    paths: PathsArg = None,
    month: MonthOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    format: Annotated[
        str | None,
        typer.Option("--format", help="Comma-separated output formats.", show_default=False),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("build"),
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="One output file, or - for stdout.")
    ] = None,
    channel: Annotated[
        list[str] | None, typer.Option("--channel", help="Only these channels.")
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only these statuses.")
    ] = None,
    csv_safe: Annotated[
        bool, typer.Option("--csv-safe/--no-csv-safe", help="Neutralise spreadsheet formulas.")
    ] = True,
    csv_bom: Annotated[bool, typer.Option("--csv-bom", help="Write a BOM for Excel.")] = False,
    md_template: Annotated[
        Path | None, typer.Option("--md-template", help="Jinja file for the Markdown plan.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let -o replace a file smmplan did not write.")
    ] = False,
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            help="Scheduler CSV in place of csv: buffer, hootsuite, sprout, publer, generic.",
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
) -> int:
    """Expand calendars into dated schedules and export them."""
    from smmplan.export import files as outputs
    from smmplan.pipeline import dtstamp_from, parse_window

    request = outputs.Request(
        formats=outputs.parse_formats(format),
        out_dir=out,
        output=output,
        channels=tuple(channel or ()),
        statuses=tuple(status or ()),
        csv_safe=csv_safe,
        csv_bom=csv_bom,
        md_template=md_template,
        force=force,
        dtstamp=dtstamp_from(os.environ.get("SOURCE_DATE_EPOCH")),
        preset=outputs.parse_preset(preset),
    )
    window = parse_window(month, start, end)
    files = _files(paths)
    from smmplan.cli import building as terminal

    return terminal.run_build(files, window, request, reuse=not no_cache)


@app.command()
@guarded
def schema(
    fragment: Annotated[
        bool, typer.Option("--fragment", help="The schema of include fragments (_*.yaml).")
    ] = False,
) -> int:
    """Print the JSON Schema of the calendar format, for editors and the YAML language server."""
    from smmplan.load.editor_schema import json_schema_text

    sys.stdout.write(json_schema_text(fragment=fragment))
    return 0


def main() -> None:
    """Console entry point."""
    if sys.argv[1:] == ["--version"]:
        # Answered before typer builds every command's parser: --version stays instant.
        sys.stdout.write(f"{VERSION_LINE}\n")
        return
    # A run builds hundreds of thousands of small, acyclic objects (parsed YAML, models,
    # posts) that reference counting frees; the cycle collector's default pace rescans them
    # all again and again (a fifth of a 10,000-post build). A short-lived command can afford
    # a much larger first generation, as mypy does for the same reason.
    gc.set_threshold(200_000, 30, 30)
    app(prog_name="smmplan")


from smmplan.cli import cache as cli_cache  # noqa: E402, F401  (registers commands)
from smmplan.cli import workflow as cli_workflow  # noqa: E402, F401
