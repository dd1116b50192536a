"""What `smmplan build` shows at a terminal: progress, problems and a summary table."""

from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smmplan import report
from smmplan.export.files import Request, add_files, calendar_files, export_options, render_files
from smmplan.model import Schedule
from smmplan.pipeline import Outcome, Planned, Window, plan
from smmplan.problems import Problem, ProblemsFound

if TYPE_CHECKING:
    from rich.console import Console

    from smmplan.export import ExportOptions
    from smmplan.export.presets.handoff import FileSummary


def run_build(
    files: list[Path],
    window: Window | None,
    request: Request,
    *,
    reuse: bool = False,
    keep_stale: bool = False,
    jobs: int = 1,
) -> int:
    """Plan every calendar; write outputs only when none has an error. Returns the exit code."""
    console = _terminal()
    if request.preset is None and request.output is None:
        return _into_folder(files, window, request, console, reuse, keep_stale, jobs)
    outcome = _plan_with_progress(files, window, console, reuse, jobs)
    problems = outcome.problems
    if not outcome.ok:
        return _stopped(console, problems)
    schedules = [p.schedule for p in outcome.planned if p.schedule is not None]
    handoff = _handoff(schedules, request)
    sys.stderr.write(report.as_text(sorted({*problems, *handoff[1]})))  # the warnings
    from smmplan.export import manifest
    from smmplan.export.atomic import Writer

    # Files are staged on disk as each calendar's are rendered, and moved into place only
    # once every calendar has rendered; a build that stops leaves nothing behind.
    with Writer() as writer:
        try:
            files_out = render_files(
                schedules,
                request,
                reuse=reuse,
                jobs=jobs,
                on_files=writer.stage if request.output is None else None,
            )
        except ProblemsFound as exc:  # a --preset scheduler's rules
            return _stopped(console, exc.problems)
        if request.output == "-":
            sys.stdout.buffer.write(next(iter(files_out.values())))
            sys.stdout.flush()
            sys.stderr.write("".join(f"{summary_line(Summary.of(s))}\n" for s in schedules))
            return 0
        keep = keep_stale or request.output is not None
        manifests, stale = manifest.plan(files_out, keep_stale=keep)
        writer.stage(manifests if request.output is None else files_out)
        writer.commit()
    removed = manifest.remove(stale)
    _summary(console, [Summary.of(s) for s in schedules], files_out, problems)
    sys.stderr.write("".join(f"{line.as_text()}\n" for line in handoff[0]))
    sys.stderr.write("".join(f"removed {path} (an earlier build's)\n" for path in removed))
    return 0


def _into_folder(
    files: list[Path],
    window: Window | None,
    request: Request,
    console: Console | None,
    reuse: bool,
    keep_stale: bool,
    jobs: int,
) -> int:
    """A build into --out: each calendar's files are rendered in the process that checked it
    (no schedule travels back) and staged as it comes back; all move into place at the end."""
    from smmplan.export import manifest
    from smmplan.export.atomic import Writer

    options = export_options(request)
    make = functools.partial(_made, request=request, options=options, reuse=reuse)
    with Writer() as writer:

        def staged(planned: Planned) -> None:
            if planned.made is not None:  # a calendar with errors made nothing
                writer.stage(planned.made.files)

        outcome = _plan_with_progress(files, window, console, reuse, jobs, make, staged)
        problems = outcome.problems
        if not outcome.ok:
            return _stopped(console, problems)
        sys.stderr.write(report.as_text(problems))  # the warnings
        # Calendars whose results the cache held come back with their schedules instead.
        held = [p.schedule for p in outcome.planned if p.schedule is not None]
        files_out = render_files(
            held, request, reuse=reuse, jobs=jobs, on_files=writer.stage, options=options
        )
        summaries = []
        for planned in outcome.planned:
            if planned.made is not None:
                add_files(files_out, planned.made.files)
                summaries.append(planned.made.summary)
            elif planned.schedule is not None:
                summaries.append(Summary.of(planned.schedule))
        manifests, stale = manifest.plan(files_out, keep_stale=keep_stale)
        writer.stage(manifests)
        writer.commit()
    removed = manifest.remove(stale)
    _summary(console, summaries, files_out, problems)
    sys.stderr.write("".join(f"removed {path} (an earlier build's)\n" for path in removed))
    return 0


@dataclass(frozen=True)
class Summary:
    """What the end of a build shows of one calendar."""

    calendar_id: str
    start: date
    end: date
    channels: tuple[str, ...]
    posts: dict[str, int]  # by channel
    unfilled: dict[str, int]  # by channel
    left_out: int

    @classmethod
    def of(cls, schedule: Schedule) -> Summary:
        return cls(
            schedule.calendar.id,
            schedule.start,
            schedule.end,
            tuple(schedule.channels),
            dict(Counter(p.channel for p in schedule.posts)),
            dict(Counter(u.channel for u in schedule.unfilled)),
            len(schedule.left_out),
        )


@dataclass(frozen=True)
class Made:
    """One calendar's files and summary, made in the process that checked it."""

    files: dict[Path, bytes]
    summary: Summary


def _made(schedule: Schedule, request: Request, options: ExportOptions, reuse: bool) -> Made:
    return Made(calendar_files(schedule, request, options, reuse), Summary.of(schedule))


def _handoff(
    schedules: list[Schedule], request: Request
) -> tuple[list[FileSummary], list[Problem]]:
    """Per scheduler file: what it holds and what it leaves out (nothing without --preset)."""
    if not request.preset:
        return [], []
    from smmplan.export.files import filtered
    from smmplan.export.presets import get
    from smmplan.export.presets.handoff import summarise

    preset = get(request.preset)
    lines: list[FileSummary] = []
    warnings: list[Problem] = []
    for schedule in schedules:
        found = summarise(preset, filtered(schedule, request), request.statuses, request.today)
        lines += found[0]
        warnings += found[1]
    return lines, warnings


def _terminal() -> Console | None:
    """A rich console when stderr is a terminal (or colour is forced); None in a pipe or a CI
    log, where plain lines serve better and rich's import (a twentieth of a cold build) is
    not paid."""
    forced = os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1"
    if not (forced or sys.stderr.isatty()):
        return None
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    return console if console.is_terminal else None


def _stopped(console: Console | None, problems: list[Problem]) -> int:
    """Print every problem and say that nothing was written; the exit code of a failed build."""
    sys.stderr.write(report.as_text(problems))
    errors = sum(p.level == "error" for p in problems)
    stopped = f"build stopped: {errors} error(s); nothing was written"
    if console is None:
        sys.stderr.write(f"{stopped}\n")
    else:
        console.print(f"[red]{stopped}[/red]")
    return 1


def _plan_with_progress(
    files: list[Path],
    window: Window | None,
    console: Console | None,
    reuse: bool = False,
    jobs: int = 1,
    then: Callable[[Schedule], Any] | None = None,
    on_planned: Callable[[Planned], None] | None = None,
) -> Outcome:
    run = functools.partial(
        plan, files, window, reuse=reuse, jobs=jobs, then=then, on_planned=on_planned
    )
    if console is None or not console.is_terminal or len(files) < 2:
        return run()
    from rich.progress import Progress

    # Refreshed as each calendar finishes, in whatever order the workers finish them; no
    # refresh thread, so none is running when the worker processes are forked.
    with Progress(console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("planning", total=len(files))

        def finished(_: Path) -> None:
            progress.advance(task)
            progress.refresh()

        return run(on_progress=finished)


def _summary(
    console: Console | None,
    summaries: list[Summary],
    written: dict[Path, bytes],
    problems: list[Problem],
) -> None:
    warnings = sum(p.level == "warning" for p in problems)
    lines = [summary_line(summary) for summary in summaries]
    if console is None or not console.is_terminal:
        # Plain lines for scripts: rich would wrap long paths and read brackets as markup.
        sys.stderr.write("".join(f"{line}\n" for line in lines))
        sys.stderr.write("".join(f"wrote {path}\n" for path in sorted(written)))
        return
    from rich.table import Table

    table = Table(title="smmplan build", title_justify="left")
    for column in ("calendar", "window", "channel", "posts", "unfilled"):
        table.add_column(column, justify="right" if column in ("posts", "unfilled") else "left")
    for summary in summaries:
        for index, channel in enumerate(summary.channels):
            table.add_row(
                summary.calendar_id if index == 0 else "",
                f"{summary.start} → {summary.end}" if index == 0 else "",
                channel,
                str(summary.posts.get(channel, 0)),
                str(summary.unfilled.get(channel, 0)),
            )
        table.add_section()
    console.print(table)
    for line in lines:
        console.print(line, markup=False, soft_wrap=True)
    console.print(f"{len(written)} file(s) written, {warnings} warning(s)")


def summary_line(summary: Summary) -> str:
    """One line per calendar: what the window holds, and how much of the plan it left out."""
    left_out = summary.left_out
    return (
        f"{summary.calendar_id} {summary.start}..{summary.end}: "
        f"{_count(sum(summary.posts.values()), 'post')}, "
        f"{_count(sum(summary.unfilled.values()), 'unfilled slot')}, "
        f"{_count(left_out, 'item')} left out" + (": see validate" if left_out else "")
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
