"""`smmplan stats`: the content mix of a schedule, as tables a freelancer can read at 80 columns."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table

from smmplan.export.to_csv import format_budget
from smmplan.model import Post, Schedule

# Statuses that still need someone's work before the post can go out.
TO_DO = ("idea", "draft", "review")


def stats(schedule: Schedule) -> RenderableType:
    """Every stats table of one schedule."""
    return Group(
        _per_week(schedule),
        _share(schedule, "format", lambda p: p.format or "-"),
        _share(schedule, "pillar", lambda p: p.pillar or "(none)"),
        _unfilled(schedule),
        _by_status(schedule.posts),
        _by_owner(schedule.posts),
        _budget(schedule.posts),
    )


def _table(title: str, *columns: str, numeric: Iterable[str] = ()) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    right = set(numeric)
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    return table


def week_start(day: str) -> date:
    """The Monday of a post's local date."""
    value = date.fromisoformat(day)
    return value - timedelta(days=value.weekday())


def _per_week(schedule: Schedule) -> Table:
    mondays = sorted({week_start(p.date) for p in schedule.posts})
    labels = [f"{m:%d %b}" for m in mondays]
    table = _table(
        "Posts per channel and week (weeks start on Monday)",
        "channel",
        *labels,
        "total",
        numeric=[*labels, "total"],
    )
    for channel in schedule.channels:
        counts = Counter(week_start(p.date) for p in schedule.posts if p.channel == channel)
        table.add_row(channel, *(str(counts[m]) for m in mondays), str(sum(counts.values())))
    return table


def _share(schedule: Schedule, what: str, key: Callable[[Post], str]) -> Table:
    table = _table(
        f"Share of each {what} per channel",
        "channel",
        what,
        "posts",
        "share",
        numeric=["posts", "share"],
    )
    for channel in schedule.channels:
        posts = [p for p in schedule.posts if p.channel == channel]
        counts = Counter(key(p) for p in posts)
        for index, (value, count) in enumerate(sorted(counts.items(), key=lambda i: (-i[1], i[0]))):
            share = f"{100 * count / len(posts):.0f}%"
            table.add_row(channel if index == 0 else "", value, str(count), share)
        table.add_section()
    return table


def _unfilled(schedule: Schedule) -> Table:
    table = _table("Unfilled slots", "channel", "slots", "first dates", numeric=["slots"])
    for channel in schedule.channels:
        dates = sorted({u.date for u in schedule.unfilled if u.channel == channel})
        count = sum(u.channel == channel for u in schedule.unfilled)
        shown = ", ".join(d[5:] for d in dates[:4]) + (" ..." if len(dates) > 4 else "")
        table.add_row(channel, str(count), shown)
    return table


def _by_status(posts: list[Post]) -> Table:
    table = _table("Posts by status", "status", "posts", numeric=["posts"])
    for status, count in sorted(Counter(p.status for p in posts).items()):
        table.add_row(status, str(count))
    return table


def _by_owner(posts: list[Post]) -> Table:
    table = _table(
        "Posts by owner (to do: idea, draft or review)",
        "owner",
        "posts",
        "to do",
        "next to do",
        numeric=["posts", "to do"],
    )
    owners: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        owners[post.owner or "(nobody)"].append(post)
    for owner, mine in sorted(owners.items()):
        todo = sorted((p for p in mine if p.status in TO_DO), key=lambda p: (p.date, p.time))
        upcoming = f"{todo[0].date} {todo[0].title}" if todo else ""
        table.add_row(owner, str(len(mine)), str(len(todo)), upcoming)
    return table


def _budget(posts: list[Post]) -> Table:
    table = _table(
        "Paid budget per campaign and month",
        "campaign",
        "month",
        "posts",
        "budget",
        numeric=["posts", "budget"],
    )
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    for post in posts:
        if post.budget is not None:
            totals[(post.campaign or "(none)", post.date[:7])].append(post.budget)
    for (campaign, month), amounts in sorted(totals.items()):
        table.add_row(campaign, month, str(len(amounts)), format_budget(sum(amounts)))
    if not totals:
        table.add_row("(no paid posts)", "", "", "")
    return table
