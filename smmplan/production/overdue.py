"""W801: a step due before today while its post has not reached the step's status."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from smmplan.model import Schedule
from smmplan.problems import Code, Collector, Problem
from smmplan.production.config import Production


def report_overdue(production: Production, schedule: Schedule, today: date, out: Collector) -> None:
    """Report every open step due before `today` of a post not yet out.

    Posts already past are W318's; `planned` posts (themes, greetings) have no status to move.
    """
    posts = {post.id: post for post in schedule.posts}
    first = today.isoformat()
    for task in schedule.tasks:
        if task.done or task.due >= first or task.post_date < first or task.status == "planned":
            continue
        step = production.chain.steps[task.step]
        file, line, col = posts[task.post_id].origin
        out.add(
            file,
            line,
            col,
            Code.STEP_OVERDUE,
            f"{task.step_name} for '{task.title}' on {task.channel} ({task.person_name}) was due "
            f"{task.due}, post is still {task.status} (on {task.post_date}); set 'status: "
            f"{step.done}' once it is done, or move the post",
            level="warning",
        )


def as_errors(problems: list[Problem]) -> list[Problem]:
    """`validate --deadlines strict`: every overdue step (W801) becomes error E801."""
    strict = Code.STEP_OVERDUE_STRICT.value
    return [
        replace(p, level="error", code=strict) if p.code == Code.STEP_OVERDUE else p
        for p in problems
    ]
