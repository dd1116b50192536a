"""W314: a channel goes more than `max_days_without_post` days without a post."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.DAYS_WITHOUT_POST
NAME = "days-without-post"


def _quiet_runs(days: list[date], busy: set[str]) -> Iterator[list[date]]:
    run: list[date] = []
    for day in days:
        if day.isoformat() in busy:
            if run:
                yield run
            run = []
        else:
            run.append(day)
    if run:
        yield run


def check(context: Context) -> Iterator[Finding]:
    most = context.rules.max_days_without_post
    schedule = context.schedule
    span = (schedule.end - schedule.start).days + 1
    # Blackout days are quiet on purpose: they neither count nor break a run.
    days = [
        day
        for day in (schedule.start + timedelta(days=n) for n in range(span))
        if day.isoformat() not in schedule.blackout
    ]
    for channel, posts in context.by_channel():
        busy = {p.date for p in posts}
        for run in _quiet_runs(days, busy):
            if len(run) > most:
                yield Finding(
                    f"channel '{channel}' has no post for {len(run)} days, {run[0]} to "
                    f"{run[-1]} (max_days_without_post: {most})",
                    channel=channel,
                )
