"""`smmplan show`: a month grid (weeks as rows, Monday to Sunday) and a day-by-day agenda.

Markers are words and letters, not only colours, so the view reads the same with NO_COLOR.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from smmplan.cli.screens.days import Day, by_day, short_names
from smmplan.cli.screens.stats import status_name
from smmplan.l10n import Language, language
from smmplan.model import Schedule

SOURCES = ("draft", "theme", "observance", "holiday", "pack")


def month_grids(schedule: Schedule) -> RenderableType:
    """One grid per month of the schedule's window, then the legend."""
    names = short_names(list(schedule.channels))
    words = language(schedule.calendar.language)
    parts: list[RenderableType] = [
        _grid(schedule, first, names) for first in schedule.month_starts()
    ]
    channels = words.label("show_channels", list=_channel_legend(names))
    parts.append(Text(f"{words.label('show_legend')}\n{channels}", style="dim"))
    return Group(*parts)


def _channel_legend(names: dict[str, str]) -> str:
    return ", ".join(f"{short}={key}" if short != key else key for key, short in names.items())


def _grid(schedule: Schedule, first: date, names: dict[str, str]) -> Table:
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    start, end = max(first, schedule.start), min(last, schedule.end)
    days = by_day(schedule, start, end)
    words = language(schedule.calendar.language)
    table = Table(
        title=f"{schedule.calendar.name}: {words.month_title(first)}",
        box=box.SQUARE,
        show_lines=True,
        expand=True,
        padding=(0, 0),
    )
    for name in words.weekdays():
        table.add_column(name, ratio=1, no_wrap=True, overflow="ellipsis")
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        week = [monday + timedelta(days=n) for n in range(7)]
        table.add_row(*(_cell(days[d], names, words) if d in days else Text("") for d in week))
        monday += timedelta(days=7)
    return table


def _cell(day: Day, names: dict[str, str], words: Language) -> Text:
    marks = ("H" if day.holidays else "") + ("*" if day.observances else "")
    cell = Text(f"{day.date.day:>2} {marks}".rstrip(), style="bold")
    if day.blackout is not None:
        cell.append(f"\nX {words.label('mark_blackout')}", style="reverse")
        if day.blackout:
            cell.append(f"\n {day.blackout}", style="dim")
    for name in day.holidays:
        cell.append(f"\nH {name}", style="red")
    for name in day.observances:
        cell.append(f"\n* {name}", style="magenta")
    for at, channel, post in day.items:
        if post is None:
            cell.append(f"\n{at} {names[channel]}", style="yellow")
            cell.append(f"\n ? {words.label('mark_empty')}", style="yellow")
        else:
            cell.append(f"\n{at} {names[channel]}", style="cyan")
            cell.append(f"\n {post.title}")
    return cell


def agenda(schedule: Schedule) -> RenderableType:
    """Day by day: the day's names, then every post and unfilled slot with its time."""
    days = by_day(schedule, schedule.start, schedule.end)
    words = language(schedule.calendar.language)
    title = words.label(
        "agenda_title",
        name=schedule.calendar.name,
        start=schedule.start.isoformat(),
        end=schedule.end.isoformat(),
    )
    lines = Text()
    lines.append(f"{title}\n", style="bold")
    for day in days.values():
        lines.append_text(_agenda_day(day, words.date_text(day.date, "full"), words))
    return lines


def _agenda_day(day: Day, heading: str, words: Language) -> Text:
    head = Text(f"\n{heading}", style="bold")
    for name in day.holidays:
        head.append(f"  H {name}", style="red")
    for name in day.observances:
        head.append(f"  * {name}", style="magenta")
    if day.blackout is not None:
        reason = f": {day.blackout}" if day.blackout else ""
        head.append(f"  X {words.label('mark_blackout')}{reason}", style="reverse")
    head.append("\n")
    for at, channel, post in day.items:
        if post is None:
            head.append(f"  {at}  {channel:<10} ? {words.label('unfilled_slot')}\n", style="yellow")
        else:
            kind = f"{_source(post.source, words)}, {status_name(post.status, words)}"
            head.append(f"  {at}  {channel:<10} {post.title} ({kind})\n")
    if not day.items and day.blackout is None:
        head.append(f"  {words.label('day_no_posts')}\n", style="dim")
    return head


def _source(source: str, words: Language) -> str:
    """Where a post comes from (theme, observance...) in the calendar's language."""
    return words.label(f"source_{source}") if source in SOURCES else source
