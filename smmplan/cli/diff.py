"""`smmplan diff`: what changes in the schedule between two versions of the calendars."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from smmplan.cli.base import FromOpt, MonthOpt, ToOpt, app, guarded
from smmplan.problems import UsageError

if TYPE_CHECKING:
    from smmplan.review.compare import Change
    from smmplan.review.planning import Planning

FORMATS = ("text", "md", "json")
# Terminal colours per kind of line; a pipe gets the same lines without them.
COLOURS: dict[str, dict[str, Any]] = {
    "calendar": {"bold": True},
    "summary": {"bold": True},
    "calendar-failed": {"fg": "red", "bold": True},
    "added": {"fg": "green"}, "day-added": {"fg": "green"}, "calendar-added": {"fg": "green"},
    "removed": {"fg": "red"}, "day-removed": {"fg": "red"}, "calendar-removed": {"fg": "red"},
    "moved": {"fg": "yellow"}, "text": {"fg": "cyan"}, "fields": {"fg": "cyan"},
    "blackout-added": {"fg": "magenta"}, "blackout-removed": {"fg": "magenta"},
}  # fmt: skip


@app.command()
@guarded
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="[OLD [NEW]] [PATH...]: git revisions or folders (default OLD: HEAD, NEW: the "
            "working tree), then calendar files or folders (default: calendars/).",
            show_default=False,
        ),
    ] = None,
    month: MonthOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    format: Annotated[
        str, typer.Option("--format", help="Output: text, md (a PR comment) or json.")
    ] = "text",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when anything changed, 0 when nothing.")
    ] = False,
) -> int:
    """Compare the expanded schedules of two versions: posts added, removed, moved, reworded."""
    from smmplan.pipeline import parse_window
    from smmplan.review import revisions
    from smmplan.review.compare import compare
    from smmplan.review.planning import plan_versions

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    window = parse_window(month, start, end)
    cwd = Path.cwd()
    given, paths = revisions.split_arguments(list(args or []), cwd)
    relative = revisions.relative_paths(paths, cwd)
    old_spec, new_spec = (given + [None, None])[:2]
    with revisions.versions(old_spec, new_spec, cwd) as (old, new):
        if new.label != revisions.WORK_TREE and revisions.uncommitted(cwd, relative):
            typer.echo(
                f"note: uncommitted changes in {', '.join(map(str, relative))} are not part of "
                f"{new.label}; leave NEW out to compare with the working tree",
                err=True,
            )
        planning = plan_versions(old, new, relative, window)
        changes = compare(planning)
    _print(planning, changes, format)
    if any(c.kind == "calendar-failed" for c in changes):
        return 1
    return 1 if exit_code and changes else 0


def _print(planning: Planning, changes: list[Change], format: str) -> None:
    from smmplan.review import formats

    if format == "json":
        sys.stdout.write(formats.as_json(changes))
    elif format == "md":
        sys.stdout.write(formats.as_markdown(planning, changes))
    else:
        for kind, line in formats.text_lines(planning, changes):
            style: dict[str, Any] = COLOURS.get(kind, {})
            typer.secho(line, **style)
