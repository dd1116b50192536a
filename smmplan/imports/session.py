"""One import from start to end: read, recognise, convert, check against the calendar, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from smmplan.imports import dates
from smmplan.imports.columns import Columns, parse_map, recognise
from smmplan.imports.detect import preset_columns, read_table
from smmplan.imports.rows import Imported, RowError, convert
from smmplan.imports.table import FileRefused, Table
from smmplan.imports.target import Channels, assign_channels, published
from smmplan.problems import UsageError


@dataclass(frozen=True)
class Request:
    source: Path
    calendar: Path | None = None  # append to this calendar ...
    new: Path | None = None  # ... or write a new one here
    into: str | None = None  # a fragment the calendar includes, to append to instead
    sheet: str | None = None
    mapping: str | None = None  # --map
    order: str | None = None  # --dayfirst / --monthfirst
    timezone: str | None = None
    language: str | None = None
    channel: str | None = None  # for files without a channel column
    add_channels: bool = False
    skip_bad: bool = False
    dry_run: bool = False


@dataclass
class Outcome:
    """What the import did, for the summary."""

    table: Table
    columns: Columns
    read: int = 0
    imported: list[Imported] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[RowError] = field(default_factory=list)
    order: str | None = None
    notes: list[str] = field(default_factory=list)
    files: dict[Path, bytes] = field(default_factory=dict)  # what is (or would be) written
    preview: str = ""  # the YAML added, for --dry-run
    written: bool = False


def run(request: Request) -> Outcome:
    """Import `request.source`; FileRefused or UsageError when nothing can be imported."""
    if (request.calendar is None) == (request.new is None):
        raise UsageError("give --calendar PATH (add to a calendar) or --new PATH (a new one)")
    if request.into and request.calendar is None:
        raise UsageError("--into names a fragment of the calendar given with --calendar")
    table = read_table(request.source, request.sheet)
    if request.channel:
        table.defaults["channel"] = request.channel
    overrides = {**preset_columns(table), **parse_map(request.mapping)}
    columns = recognise(table.header, overrides)
    if "date" not in columns.fields.values() and "datetime" not in columns.fields.values():
        raise FileRefused(
            f"{table.path}: no column is a date (headers: {', '.join(table.header)}); "
            'name it with --map "HEADER=date"'
        )
    outcome = Outcome(table, columns, read=len(table.rows), notes=list(table.notes))
    if request.calendar is not None:
        from smmplan.imports.appending import Existing

        target: Any = Existing.load(request.calendar, request.into)
    else:
        from smmplan.imports.creating import Fresh

        target = Fresh.start(request, table, columns, outcome.notes)
    outcome.order = _order(request, table, columns, target.language, target.country)
    channels = Channels(target.channels, add=request.add_channels or request.new is not None)
    posts, rejected = convert(table, columns, outcome.order, target.zone_for(channels))
    for error in assign_channels(posts, channels):
        rejected.append(RowError(table.path, error.row, error.reason))
    bad_rows = {error.row for error in rejected}
    posts = [post for post in posts if post.row not in bad_rows]
    outcome.rejected = sorted(rejected, key=lambda e: e.row)
    posts, outcome.duplicates = _new_only(posts, target.existing(posts))
    outcome.imported = posts
    if not posts and not outcome.rejected:
        outcome.notes.append("nothing new to import")
        return outcome
    if posts:
        outcome.files, outcome.preview = target.edit(posts, channels)
    if outcome.rejected and not request.skip_bad:
        return outcome
    if not request.dry_run and outcome.files:
        target.write(outcome.files)
        outcome.written = True
    return outcome


def _order(
    request: Request, table: Table, columns: Columns, language: str, country: str
) -> str | None:
    """Which way 03/04/2027 reads: the flag, the scheduler's format, the values, the language."""
    if request.order:
        return request.order
    if table.date_order:
        return table.date_order
    index = columns.index("datetime")
    index = columns.index("date") if index is None else index
    values = [
        row.cells[index] for row in table.rows if index is not None and index < len(row.cells)
    ]
    try:
        found = dates.order_in_values(values)
    except dates.AmbiguousDates as exc:
        raise FileRefused(f"{table.path}: {exc}") from None
    found = found or dates.order_of_language(language, country)
    sample = dates.first_ambiguous(values)
    if found is None and sample is not None:
        raise FileRefused(
            f"{table.path}: dates like {sample} read both day first and month first, and "
            "neither the file nor the calendar's language settles it: give --dayfirst "
            "or --monthfirst"
        )
    return found if sample is not None or found else None


Identity = tuple[date, str, str, str]


def _new_only(posts: list[Imported], existing: set[Identity]) -> tuple[list[Imported], int]:
    """The posts not already in the calendar (nor twice in the file): same date, time,
    channel and published text."""
    seen = set(existing)
    kept: list[Imported] = []
    for post in posts:
        clock = f"{post.time:%H:%M}" if post.time else ""
        key = (post.date, clock, post.channel, published(post))
        untimed = (post.date, "", post.channel, key[3])
        if key in seen or (post.time is None and untimed in seen):
            continue
        seen.update((key, untimed))
        kept.append(post)
    return kept, len(posts) - len(kept)
