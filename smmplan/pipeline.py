"""The pipeline over many calendars: discover, load, check, expand, export, write."""

from __future__ import annotations

import calendar as months
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smmplan.cache import check as check_cache
from smmplan.cache import inputs
from smmplan.problems import Code, Collector, Problem, UsageError

if TYPE_CHECKING:
    from smmplan.load.positions import KeyPath, Pos
    from smmplan.load.source import Source
    from smmplan.model import Schedule
    from smmplan.render.renderer import Renderer

MAX_WINDOW_DAYS = 3 * 366 + 1


@dataclass(frozen=True)
class Window:
    start: date
    end: date


@dataclass
class Planned:
    """What one calendar gave: its schedule (when it has no errors) and its problems."""

    file: Path
    problems: list[Problem]
    schedule: Schedule | None = None
    calendar_id: tuple[str, Pos] | None = None  # the id and where it is written or made from
    checked: Any = None  # the loaded calendar (smmplan.load.checks.Checked), not cached
    made: Any = None  # what plan(then=...) made of the schedule, in its place


@dataclass
class Outcome:
    planned: list[Planned] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return sorted({p for item in self.planned for p in item.problems})

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for item in self.planned for p in item.problems)


def parse_window(month: str | None, start: str | None, end: str | None) -> Window | None:
    """The build window from the command line, or None to use each calendar's period."""
    if month and (start or end):
        raise UsageError("give either --month or --from/--to, not both")
    if month:
        try:
            first = datetime.strptime(month, "%Y-%m").date()
        except ValueError:
            raise UsageError(f"--month '{month}' is not YYYY-MM, e.g. 2026-12") from None
        last = first.replace(day=months.monthrange(first.year, first.month)[1])
        return Window(first, last)
    if start or end:
        if not (start and end):
            raise UsageError("give both --from and --to (dates, inclusive)")
        window = Window(parse_date_option("--from", start), parse_date_option("--to", end))
        if window.end < window.start:
            raise UsageError("--to is before --from")
        if (window.end - window.start).days >= MAX_WINDOW_DAYS:
            raise UsageError("the window is longer than three years; build it in parts")
        return window
    return None


def parse_date_option(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} '{value}' is not a date (YYYY-MM-DD)") from None


def discover(paths: Iterable[Path]) -> list[Path]:
    """Calendar files named or found in folders; fragments (_*.yaml) are not entry points."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".yaml", ".yml")
                and p.is_file()
                and not p.name.startswith("_")
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return found


def plan(
    files: list[Path],
    window: Window | None,
    *,
    expand_always: bool = True,
    keep_schedules: bool = True,
    on_progress: Callable[[Path], None] | None = None,
    today: date | None = None,
    reuse: bool = False,
    jobs: int = 1,
    then: Callable[[Schedule], Any] | None = None,
    on_planned: Callable[[Planned], None] | None = None,
) -> Outcome:
    """Load, check, expand and lint every calendar, collecting every problem.

    Without `keep_schedules` only problems are kept, so memory stays flat over many calendars.
    With `reuse`, the problems (and schedule) of a calendar whose inputs are unchanged since it
    was last checked come from the cache (smmplan.cache.check) instead of checking it again.
    With `jobs` above 1, calendars are checked in that many processes (smmplan.workers).
    With `then`, a checked calendar's schedule goes to `then` in the process that checked it,
    and what `then` makes comes back in `made` instead of the schedule (a build renders its
    files there); `on_planned` hears of each such calendar as it comes back. A calendar whose
    results the cache holds comes back with its schedule, as without `then`.
    """
    from smmplan.workers import in_order

    outcome = Outcome()
    options: dict[str, object] = {
        "window": [str(window.start), str(window.end)] if window else None,
        "expand_always": expand_always,
        "today": str(today) if today else None,
        "schedule": keep_schedules,
    }
    check = functools.partial(
        plan_one, window=window, expand_always=expand_always, today=today, lint=True
    )
    # Results the cache holds are read here; only the calendars left go to the workers.
    found = {file: _reused(file, options) for file in files} if reuse else {}
    left = [file for file in files if found.get(file) is None]
    for file in files:
        if found.get(file) is not None and on_progress:
            on_progress(file)
    one = functools.partial(_plan_file, options=options, check=check, reuse=reuse, then=then)

    def done(file: Path, planned: Planned) -> None:
        if on_progress:
            on_progress(file)
        if on_planned:
            on_planned(planned)

    checked = dict(zip(left, in_order(one, left, jobs, done), strict=True))
    outcome.planned = [found.get(file) or checked[file] for file in files]
    _check_calendar_ids(outcome.planned)
    return outcome


def _plan_file(
    file: Path,
    options: dict[str, object],
    check: Callable[[Path], Planned],
    reuse: bool,
    then: Callable[[Schedule], Any] | None = None,
) -> Planned:
    planned = _checked_and_kept(file, options, check) if reuse else check(file)
    if then is not None and planned.schedule is not None:
        planned.made, planned.schedule = then(planned.schedule), None
    # What a run over many calendars keeps of each: not the loaded calendar (its models and
    # positions), which would grow memory with every calendar and be copied back from workers.
    planned.checked = None
    if not options["schedule"]:
        planned.schedule = None
    return planned


def _check_calendar_ids(planned: list[Planned]) -> None:
    """E209: calendars share `build/<id>/` and the ids in exports, so no two may share an id."""
    first: dict[str, tuple[Path, Pos]] = {}
    for item in planned:
        if not item.calendar_id or not item.calendar_id[0]:
            continue
        calendar_id, (path, line, col) = item.calendar_id
        seen = first.setdefault(calendar_id, (item.file.resolve(), (path, line, col)))
        if seen[0] != item.file.resolve():
            other = ":".join(map(str, seen[1]))
            item.problems.append(
                Problem(
                    path,
                    line,
                    col,
                    "error",
                    Code.DUPLICATE_CALENDAR_ID.value,
                    f"calendar id '{calendar_id}' is also the id of {other}; give one of "
                    "them its own 'id:'",
                )
            )


def _reused(file: Path, options: dict[str, object]) -> Planned | None:
    """What the cache holds of a calendar whose inputs are unchanged, else None."""
    found = check_cache.lookup(check_cache.key(file, options))
    if found is not None and isinstance(found[1], dict):
        problems, kept = found
        kept_id = kept["calendar_id"]  # JSON: [id, [path, line, col]]
        reused = Planned(file, problems)
        if kept_id:
            reused.calendar_id = (kept_id[0], tuple(kept_id[1]))
        if not kept["schedule"]:  # validate keeps no schedules: no need for the model
            return reused
        from smmplan.model import Schedule

        reused.schedule = Schedule.from_data(kept["schedule"])
        return reused
    return None


def _checked_and_kept(
    file: Path, options: dict[str, object], check: Callable[[Path], Planned]
) -> Planned:
    cache_key = check_cache.key(file, options)
    with inputs.recording() as reads:
        planned = check(file)
    schedule = planned.schedule.to_data() if options["schedule"] and planned.schedule else None
    kept = {"schedule": schedule, "calendar_id": planned.calendar_id}
    check_cache.store(cache_key, reads, planned.problems, kept)
    return planned


def plan_one(
    file: Path,
    window: Window | None,
    *,
    expand_always: bool = True,
    today: date | None = None,
    lint: bool = False,
) -> Planned:
    """One calendar through every stage; with `lint`, the lint rules run on a clean schedule.

    `today` dates the rules that look at it (approval due, drafts in the past); without it
    they do not run, so a build gives the same warnings on every day.
    """
    from smmplan.load.checks import check
    from smmplan.load.schema import Calendar
    from smmplan.load.source import read_source, validate_model

    out = Collector()
    planned = Planned(file, out.problems)
    source = read_source(file, out)
    if source is None:
        return planned
    model = validate_model(Calendar, source.located, out, context=validation_context())
    if model is None:
        return planned
    checked = check(source, model, out)
    planned.calendar_id = (checked.id, checked.id_at)
    from smmplan.load.publishing import check_media

    check_media(checked, out)
    from smmplan import production

    workflow = production.check(checked, out)
    from smmplan.render.renderer import Renderer

    renderer = Renderer(source.root, model.language)
    _check_templates(source, renderer, out)
    span = window or (Window(model.period.start, model.period.end) if model.period else None)
    if span is None:
        if expand_always:
            out.add(
                source.located.path,
                1,
                1,
                Code.NO_WINDOW,
                "no build window: give --month YYYY-MM or --from/--to, "
                "or add 'period: {start: YYYY-MM-DD, end: YYYY-MM-DD}' to the calendar",
            )
        return planned
    if out.has_errors:
        return planned
    from smmplan.expand.planner import expand

    schedule = expand(checked, span.start, span.end, renderer, out)
    from smmplan.expand.approvals import settle

    settle(checked, schedule, out)  # approvals written by `approve`, checked against the text
    planned.checked = checked
    if not out.has_errors:
        production.add_tasks(workflow, schedule, out, today=today)
    if not out.has_errors:
        scheduled, measured = _scheduler_rules(schedule, today)
        if lint:
            from smmplan.lint import lint as run_lint

            run_lint(checked, schedule, out, today=today, limits_checked=measured)
        for problem in scheduled:
            out.add(problem.path, problem.line, problem.col, problem.code, problem.message)
        planned.schedule = schedule
    return planned


def _scheduler_rules(
    schedule: Schedule, today: date | None
) -> tuple[list[Problem], frozenset[str]]:
    """The rules of every `scheduler:` the calendar declares, so that CI fails before upload,
    and the posts whose limits they measured (which lint then leaves to them)."""
    if not any(s.get("scheduler") for s in schedule.publishing.values()):
        return [], frozenset()
    from smmplan.export.presets.rules import declared

    found = declared(schedule, today)
    return found.problems, found.limits_checked


def _check_templates(source: Source, renderer: Renderer, out: Collector) -> None:
    """Every `template:` must load and compile: a missing one is reported where it is named,
    a syntax error at its line in the template."""
    for path, name in _template_refs(source.located.data, ()):
        problem = renderer.check(name)
        if problem is None:
            continue
        file, line, col = source.at(path)
        if problem.syntax:
            out.add(
                renderer.display(name),
                problem.line,
                1,
                Code.TEMPLATE_SYNTAX,
                f"{problem} (in template '{name}', used at {file}:{line})",
            )
        else:
            out.add(file, line, col, Code.TEMPLATE_NOT_FOUND, str(problem))


def _template_refs(data: object, path: KeyPath) -> list[tuple[KeyPath, str]]:
    found: list[tuple[KeyPath, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "template" and isinstance(value, str):
                found.append(((*path, key), value))
            elif key != "vars":
                found += _template_refs(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _template_refs(value, (*path, index))
    return found


def dtstamp_from(source_date_epoch: str | None) -> datetime | None:
    """DTSTAMP for ICS from SOURCE_DATE_EPOCH; None keeps the deterministic default."""
    if not source_date_epoch:
        return None
    try:
        return datetime.fromtimestamp(int(source_date_epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH '{source_date_epoch}' is not a Unix time") from None


def validation_context() -> dict[str, object]:
    """What validating a calendar needs to know of the export room: the schedulers' plans.

    Given as a function, called only when a calendar names a scheduler, so that checking one
    that does not never imports the exporters.
    """
    return {"schedulers": _scheduler_plans}


def _scheduler_plans() -> dict[str, tuple[str, ...]]:
    from smmplan.export.presets import schedulers

    return {name: tuple(p.plans) for name, p in schedulers().items()}
