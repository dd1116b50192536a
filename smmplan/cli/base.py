"""The command line's frame: the typer app, the one error boundary, options shared by commands.

Only smmplan.cli imports typer; each command is a module of this package that registers itself
on `app`, and `guarded` maps every failure to its exit code in one place.
"""

from __future__ import annotations

import functools
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
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Calendars checked at once (default: the number of cores; 1: one after another).",
        show_default=False,
    ),
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
