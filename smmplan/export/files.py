"""Which files a build writes, with which bytes; written all at once or not at all."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smmplan.model import Schedule, not_ideas
from smmplan.problems import ProblemsFound, UsageError

if TYPE_CHECKING:
    from smmplan.export import ExportOptions


@dataclass(frozen=True)
class Request:
    formats: tuple[str, ...]
    out_dir: Path
    output: str | None = None
    channels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    csv_safe: bool = True
    csv_bom: bool = False
    md_template: Path | None = None
    force: bool = False
    dtstamp: datetime | None = None
    preset: str | None = (
        None  # a scheduler's CSV (smmplan.export.presets) in place of the csv format
    )
    today: date | None = None  # a preset leaves out posts before it (and its lead time)


def parse_formats(text: str | None) -> tuple[str, ...]:
    """The formats named in a `--format` value; None gives the formats `build` writes unasked."""
    from smmplan.export import default_formats, formats

    if text is None:
        return default_formats()
    known = formats()
    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise UsageError(f"unknown format '{', '.join(unknown)}'; use {','.join(known)}")
    return names


def parse_preset(name: str | None) -> str | None:
    """The preset's name, checked; None when no preset is asked for."""
    if name is None:
        return None
    from smmplan.export import presets

    try:
        return presets.get(name).name
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def filtered(schedule: Schedule, request: Request) -> Schedule:
    """The schedule with only the channels and statuses asked for."""
    posts = [
        p
        for p in schedule.posts
        if (not request.channels or p.channel in request.channels)
        and (not request.statuses or p.status in request.statuses)
    ]
    return replace(schedule, posts=posts)


def render_files(
    schedules: list[Schedule],
    request: Request,
    *,
    reuse: bool = False,
    jobs: int = 1,
    on_files: Callable[[dict[Path, bytes]], None] | None = None,
    options: ExportOptions | None = None,
) -> dict[Path, bytes]:
    """Every output file of a build (the -o target uses the path '-' for stdout).

    With `reuse`, a file whose schedule and options are unchanged since it was last written
    comes from the cache (smmplan.cache.output) instead of being rendered again. With `jobs`
    above 1, calendars are rendered in that many forked processes. `on_files` gets each
    calendar's files (for --out) as soon as they are rendered, in whatever order. `options`
    are export_options(request), when the caller has them already.
    """
    options = options or export_options(request)
    if request.preset:
        if "csv" not in request.formats:
            raise UsageError(
                f"--preset {request.preset} replaces the csv format; add csv to --format"
            )
        _check_preset(schedules, request)
    if request.output is not None:
        if len(request.formats) != 1 or len(schedules) != 1:
            raise UsageError("-o writes one calendar in one format; use --out DIR for more")
        target = Path(request.output)
        named = _formats(filtered(schedules[0], request), request, options, reuse)[0]
        if len(named) != 1:
            raise UsageError(
                f"--preset {request.preset} writes one file per channel; use --out DIR"
            )
        _check_replace(target, request)
        return {target: next(iter(named.values()))}

    def placed(_: int, more: dict[Path, bytes]) -> None:
        if on_files is not None:
            on_files(more)

    files: dict[Path, bytes] = {}
    for more in _every_calendar(schedules, request, options, reuse, jobs, placed):
        add_files(files, more)
    return files


def export_options(request: Request) -> ExportOptions:
    """How the formats write, from the build's request (a --md-template is read here)."""
    from smmplan.export import ExportOptions

    return ExportOptions(
        csv_safe=request.csv_safe,
        csv_bom=request.csv_bom,
        dtstamp=request.dtstamp,
        md_template=_read_md_template(request.md_template),
    )


def calendar_files(
    schedule: Schedule, request: Request, options: ExportOptions, reuse: bool
) -> dict[Path, bytes]:
    """The files one calendar gets under --out (no --preset, no -o), by their paths."""
    folder = request.out_dir / schedule.calendar.id
    return {
        folder / f"{schedule.window_name}{name}": data
        for named in _formats(filtered(schedule, request), request, options, reuse)
        for name, data in named.items()
    }


def add_files(files: dict[Path, bytes], more: dict[Path, bytes]) -> None:
    """`more` (one calendar's files) added to `files`; two calendars may not share a file."""
    for target, data in more.items():
        if target in files:
            calendar_id = target.parent.name  # out_dir/<calendar id>/<window><ending>
            raise UsageError(f"two calendars have the id '{calendar_id}'; give each its own 'id'")
        files[target] = data


# The render_files call in progress: forked workers read its calendars from the memory they
# inherit, so only a calendar's index goes to a worker and only its files' bytes come back.
_run: tuple[list[Schedule], Request, ExportOptions, bool] | None = None


def _every_calendar(
    schedules: list[Schedule],
    request: Request,
    options: ExportOptions,
    reuse: bool,
    jobs: int,
    on_done: Callable[[int, dict[Path, bytes]], None],
) -> list[dict[Path, bytes]]:
    """The files of each calendar, by their paths, in the order of `schedules`."""
    from smmplan import workers

    global _run
    _run = (schedules, request, options, reuse)
    try:
        return workers.in_order(
            _calendar_files, range(len(schedules)), jobs if workers.forks() else 1, on_done
        )
    finally:
        _run = None


def _calendar_files(index: int) -> dict[Path, bytes]:
    assert _run is not None, "called outside render_files"
    schedules, request, options, reuse = _run
    return calendar_files(schedules[index], request, options, reuse)


def _formats(
    schedule: Schedule, request: Request, options: ExportOptions, reuse: bool
) -> list[dict[str, bytes]]:
    """The files of each asked-for format of one calendar, in the order of --format."""
    if not reuse:
        return [_one_calendar(fmt, schedule, request, options) for fmt in request.formats]
    from smmplan.cache import fingerprint
    from smmplan.cache import output as output_cache

    schedule_digest = output_cache.fingerprint(schedule)
    knobs = {
        "preset": request.preset,
        "today": str(request.today) if request.preset else None,
        "csv_ideas": _csv_takes_ideas(request),
        "csv_safe": request.csv_safe,
        "csv_bom": request.csv_bom,
        "dtstamp": options.dtstamp.isoformat() if options.dtstamp else None,
        "md_template": (
            fingerprint.digest(options.md_template.encode("utf-8"))
            if options.md_template is not None
            else None
        ),
    }
    return [
        output_cache.files(
            schedule,
            schedule_digest,
            fmt,
            knobs,
            functools.partial(_one_calendar, fmt, schedule, request, options),
        )
        for fmt in request.formats
    ]


def _one_calendar(
    fmt: str, schedule: Schedule, request: Request, options: ExportOptions
) -> dict[str, bytes]:
    """File-name endings and bytes of one format of one calendar (presets may give several)."""
    from smmplan.export import export

    if fmt == "csv" and not _csv_takes_ideas(request):
        schedule = replace(schedule, posts=not_ideas(schedule.posts))
    if fmt != "csv" or not request.preset:
        return {f".{fmt}": export(fmt, schedule, options)}
    from smmplan.export import presets
    from smmplan.export.presets.selection import by_file, pick

    preset = presets.get(request.preset)
    picked = pick(preset, schedule, request.statuses, request.today)
    return {
        preset_suffix(preset.name, suffix): presets.to_csv(
            preset, schedule, posts, bom=request.csv_bom
        )
        for suffix, posts in by_file(preset, picked.posts).items()
    }


def preset_suffix(preset: str, channel: str) -> str:
    """The end of a preset file's name: `.buffer-ig.csv`, or `.publer.csv` for one file."""
    return f".{preset}{'-' + channel if channel else ''}.csv"


def _csv_takes_ideas(request: Request) -> bool:
    """The CSV is what schedulers upload: ideas only when `--status idea` asks for them."""
    return "idea" in request.statuses


def _check_preset(schedules: list[Schedule], request: Request) -> None:
    """Refuse the build when a post breaks a rule of the scheduler it is meant for."""
    from smmplan.export import presets
    from smmplan.export.presets import rules

    preset = presets.get(request.preset or "")
    found = [
        problem
        for schedule in schedules
        for problem in rules.problems(
            rules.check(
                preset,
                filtered(schedule, request),
                statuses=request.statuses,
                today=request.today,
                plan=_declared_plan(schedule, preset.name),
            )
        )
    ]
    if found:
        raise ProblemsFound(found)


def _declared_plan(schedule: Schedule, preset: str) -> str:
    """The plan a calendar declares for this scheduler; "" for the scheduler's first plan."""
    plans = [
        settings.get("plan") or ""
        for settings in schedule.publishing.values()
        if settings.get("scheduler") == preset
    ]
    return plans[0] if plans else ""


def _read_md_template(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--md-template {path}: cannot read it ({exc})") from None


def _signatures(request: Request) -> tuple[bytes, ...]:
    if request.preset and request.formats[0] == "csv":
        from smmplan.export import presets

        header = presets.header_bytes(presets.get(request.preset))
        header = header[:48]  # only the first 64 bytes of a file are read
        return (header, b"\xef\xbb\xbf" + header) if header else ()
    from smmplan.export import get

    return get(request.formats[0]).signatures


def _check_replace(target: Path, request: Request) -> None:
    if str(target) == "-" or request.force or not target.exists():
        return
    if target.is_dir():
        raise UsageError(f"-o {target} is a folder; use --out for a folder")
    with target.open("rb") as stream:
        head = stream.read(64)
    if not any(head.startswith(sig) for sig in _signatures(request)):
        raise UsageError(
            f"{target} exists and was not written by smmplan; add --force to replace it"
        )
