"""`smmplan tasks --format ics`: one VTODO per step with its DUE date, for calendar apps.

Written like smmplan.export.to_ics (folded and escaped here, the same helpers): a person
subscribes to their list; the UID is the post's id and the step's, so an app updates a task
in place when its date or person changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from smmplan import __version__
from smmplan.export.to_ics import escape_text, fold
from smmplan.model import Task


def to_ics(tasks: list[Task], today: date, *, dtstamp: datetime | None = None) -> bytes:
    """An iCalendar file of VTODOs; DTSTAMP is SOURCE_DATE_EPOCH's, else today at 00:00 UTC."""
    moment = dtstamp or datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//smmplan//smmplan {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:smmplan tasks",
    ]
    for task in tasks:
        lines += _todo(task, stamp)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line.encode()) + b"\r\n" for line in lines)


def _todo(task: Task, stamp: str) -> list[str]:
    due = date.fromisoformat(task.due).strftime("%Y%m%d")
    lines = [
        "BEGIN:VTODO",
        "UID:" + escape_text(f"{task.post_id}-{task.step}@smmplan"),
        "DTSTAMP:" + stamp,
        "DUE;VALUE=DATE:" + due,
        "SUMMARY:" + escape_text(f"{task.step_name}: {task.title} ({task.channel})"),
        "DESCRIPTION:" + escape_text(_description(task)),
        "CATEGORIES:" + ",".join(escape_text(name) for name in (task.calendar, task.role)),
        "STATUS:NEEDS-ACTION",
    ]
    email = "".join(task.email.split())
    if email:
        name = " ".join(task.person_name.replace('"', "").split())
        lines.append(f'ATTENDEE;CN="{name}":mailto:{email}')
    lines.append("END:VTODO")
    return lines


def _description(task: Task) -> str:
    return (
        f"{task.step_name} ({task.role}) for {task.person_name}\n"
        f"Post: {task.title} on {task.channel}, {task.post_date} {task.post_time}, "
        f"now {task.status}\nCalendar: {task.calendar}"
    )
