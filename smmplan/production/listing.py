"""`smmplan tasks`: the open steps of many calendars in one list, and its text formats."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from smmplan.model import Task

if TYPE_CHECKING:
    from smmplan.l10n import Language

# Posts this many days after the list's last day are planned too: their steps fall earlier.
HORIZON_DAYS = 92
COLUMNS = ("due", "calendar", "post", "channel", "step", "person", "post_date", "state")


@dataclass(frozen=True)
class Selection:
    """Which tasks to list: due from `start` to `end` (None: all), of one person or everyone.

    When the span holds `today`, steps still open from before it are listed too, as overdue.
    """

    start: date | None
    end: date | None
    today: date
    person: str | None = None

    def expand_window(self) -> tuple[date, date] | None:
        """The posts to plan for this list; None: each calendar's own period."""
        if self.start is None or self.end is None:
            return None
        return min(self.start, self.today), self.end + timedelta(days=HORIZON_DAYS)


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of `day`'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def select(tasks: Iterable[Task], selection: Selection) -> list[Task]:
    """The open tasks of the selection, by due date, then post date and calendar."""
    first = selection.start.isoformat() if selection.start else ""
    last = selection.end.isoformat() if selection.end else "9999"
    today = selection.today.isoformat()
    holds_today = first <= today <= last
    found = [
        task
        for task in tasks
        if not task.done
        and (selection.person in (None, task.person))
        and (
            first <= task.due <= last
            or (holds_today and task.due < first and task.post_date >= today)
        )
    ]
    return sorted(found, key=lambda t: (t.due, t.post_date, t.post_time, t.calendar, t.title))


def state(task: Task, today: date) -> str:
    """`overdue` before today, `today`, or empty for later."""
    day = today.isoformat()
    return "overdue" if task.due < day else "today" if task.due == day else ""


def row(task: Task, today: date) -> dict[str, str]:
    """A task's cells, by column name."""
    return {
        "due": task.due,
        "calendar": task.calendar,
        "post": task.title,
        "channel": task.channel,
        "step": task.step_name,
        "person": task.person_name,
        "post_date": f"{task.post_date} {task.post_time}",
        "state": state(task, today),
    }


def to_csv(tasks: list[Task], today: date) -> bytes:
    from smmplan.export.to_csv import neutralise, write_rows

    rows = ([neutralise(cell) for cell in row(task, today).values()] for task in tasks)
    return write_rows(COLUMNS, rows, bom=False)


def to_json(tasks: list[Task], today: date) -> bytes:
    data = [
        {
            "calendar": t.calendar,
            "post_id": t.post_id,
            "title": t.title,
            "channel": t.channel,
            "post_date": t.post_date,
            "post_time": t.post_time,
            "status": t.status,
            "step": t.step,
            "step_name": t.step_name,
            "role": t.role,
            "person": t.person,
            "person_name": t.person_name,
            "due": t.due,
            "state": state(t, today),
        }
        for t in tasks
    ]
    return (
        json.dumps({"today": today.isoformat(), "tasks": data}, ensure_ascii=False, indent=2) + "\n"
    ).encode()


def headings(lang: Language) -> list[str]:
    """The columns' names in the list's language."""
    return [lang.label(f"col_{column}") for column in COLUMNS]


def shown(task: Task, today: date, lang: Language) -> list[str]:
    """A task's cells as a person reads them: its state in the list's language."""
    cells = row(task, today)
    if cells["state"]:
        cells["state"] = lang.label(f"state_{cells['state']}")
    return list(cells.values())


def to_markdown(tasks: list[Task], today: date, lang: Language) -> bytes:
    lines = [f"# {lang.label('tasks_title', date=today.isoformat())}", ""]
    if not tasks:
        return "\n".join([*lines, lang.label("nothing_due")]).encode() + b"\n"
    lines += ["| " + " | ".join(headings(lang)) + " |", "|" + "---|" * len(COLUMNS)]
    for task in tasks:
        cells = (_md_cell(value) for value in shown(task, today, lang))
        lines.append("| " + " | ".join(cells) + " |")
    return ("\n".join(lines) + "\n").encode()


def _md_cell(value: str) -> str:
    return " ".join(value.split()).replace("\\", "\\\\").replace("|", "\\|")


def to_text(tasks: list[Task], today: date, lang: Language) -> str:
    """Aligned plain columns, for a pipe or a file."""
    rows = [headings(lang)] + [shown(t, today, lang) for t in tasks]
    widths = [max(len(r[index]) for r in rows) for index in range(len(COLUMNS))]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip() + "\n"
        for r in rows
    )


def language_of(tasks: list[Task], languages: dict[str, str]) -> Language:
    """The language of a list: that of its calendars (by id) when they share one, else English."""
    from smmplan.l10n import language

    found = {languages.get(task.calendar) for task in tasks} or set(languages.values())
    return language(found.pop() if len(found) == 1 else None)
