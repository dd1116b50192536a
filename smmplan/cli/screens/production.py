"""`smmplan stats`: each post's production steps, due dates and people, in the plan's language."""

from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.table import Table

from smmplan.l10n import language
from smmplan.model import Schedule, Task


def production_table(schedule: Schedule) -> Table | None:
    """One row per step of each post: the post (date, title, channel, owner), then the step,
    its due date and its person."""
    if not schedule.tasks:
        return None
    lang = language(schedule.calendar.language)
    table = Table(title=lang.label("production"), title_justify="left", box=box.SIMPLE_HEAD)
    for key in ("date", "post", "channel", "owner", "step", "due", "person"):
        table.add_column(lang.label(key), no_wrap=key in ("date", "due"))
    by_post: dict[str, list[Task]] = defaultdict(list)
    for task in schedule.tasks:
        by_post[task.post_id].append(task)
    for post in sorted(schedule.posts, key=lambda p: (p.date, p.time, p.channel)):
        for index, task in enumerate(sorted(by_post.get(post.id, []), key=lambda t: t.due)):
            first = [post.date, post.title, post.channel, post.owner or "—"]
            table.add_row(
                *(first if index == 0 else [""] * 4), task.step_name, task.due, task.person_name
            )
        if post.id in by_post:
            table.add_section()
    return table
