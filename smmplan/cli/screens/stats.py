"""`smmplan stats`: the content mix of a schedule, as tables a freelancer can read at 80 columns."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table

from smmplan.cli.screens.campaign_stats import campaigns
from smmplan.export.to_csv import format_budget
from smmplan.l10n import Language, language
from smmplan.model import Post, Schedule

# Statuses that still need someone's work before the post can go out.
TO_DO = ("idea", "draft", "review")
STATUSES = ("planned", *TO_DO, "approved", "scheduled", "published")


def stats(schedule: Schedule) -> RenderableType:
    """Every stats table of one schedule."""
    from smmplan.cli.screens.production import production_table

    steps = production_table(schedule)
    words = language(schedule.calendar.language)
    none = words.label("none_given")
    return Group(
        _per_week(schedule, words),
        _share(schedule, words, "format", lambda p: p.format or "-"),
        _share(schedule, words, "pillar", lambda p: p.pillar or none),
        _unfilled(schedule, words),
        _by_status(schedule.posts, words),
        _by_owner(schedule.posts, words),
        _budget(schedule.posts, words),
        *([steps] if steps else []),
        *([campaigns(schedule)] if schedule.campaigns else []),
    )


def _table(
    words: Language, title: str, *columns: str, numeric: Iterable[str] = ("posts",)
) -> Table:
    """A stats table; `title` and `columns` are label keys (columns without their "col_")."""
    table = Table(title=words.label(title), title_justify="left", box=box.SIMPLE_HEAD)
    right = set(numeric)
    for column in columns:
        table.add_column(
            words.label(f"col_{column}"), justify="right" if column in right else "left"
        )
    return table


def count(value: int, words: Language) -> str:
    """A count as the calendar's language writes numbers."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=words.locale))


def status_name(status: str, words: Language) -> str:
    """A post's status in the calendar's language (as written when smmplan has no label)."""
    return words.label(status) if status in STATUSES else status


def week_start(day: str) -> date:
    """The Monday of a post's local date."""
    value = date.fromisoformat(day)
    return value - timedelta(days=value.weekday())


def _per_week(schedule: Schedule, words: Language) -> Table:
    from babel.dates import format_date

    mondays = sorted({week_start(p.date) for p in schedule.posts})
    table = _table(words, "stats_per_week", "channel", numeric=())
    for monday in mondays:
        table.add_column(str(format_date(monday, "dd MMM", locale=words.locale)), justify="right")
    table.add_column(words.label("col_total"), justify="right")
    for channel in schedule.channels:
        counts = Counter(week_start(p.date) for p in schedule.posts if p.channel == channel)
        row = [count(counts[m], words) for m in mondays]
        table.add_row(channel, *row, count(sum(counts.values()), words))
    return table


def _share(schedule: Schedule, words: Language, what: str, key: Callable[[Post], str]) -> Table:
    from babel.numbers import format_percent

    table = _table(
        words, f"stats_share_{what}", "channel", what, "posts", "share", numeric=["posts", "share"]
    )
    for channel in schedule.channels:
        posts = [p for p in schedule.posts if p.channel == channel]
        counts = Counter(key(p) for p in posts)
        for index, (value, number) in enumerate(
            sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        ):
            share = str(format_percent(number / len(posts), locale=words.locale))
            table.add_row(channel if index == 0 else "", value, count(number, words), share)
        table.add_section()
    return table


def _unfilled(schedule: Schedule, words: Language) -> Table:
    table = _table(words, "stats_unfilled", "channel", "slots", "first_dates", numeric=["slots"])
    for channel in schedule.channels:
        dates = sorted({u.date for u in schedule.unfilled if u.channel == channel})
        slots = sum(u.channel == channel for u in schedule.unfilled)
        shown = ", ".join(d[5:] for d in dates[:4]) + (" ..." if len(dates) > 4 else "")
        table.add_row(channel, count(slots, words), shown)
    return table


def _by_status(posts: list[Post], words: Language) -> Table:
    table = _table(words, "stats_by_status", "status", "posts")
    for status, number in sorted(Counter(p.status for p in posts).items()):
        table.add_row(status_name(status, words), count(number, words))
    return table


def _by_owner(posts: list[Post], words: Language) -> Table:
    table = _table(
        words, "stats_by_owner", "owner", "posts", "to_do", "next_to_do", numeric=["posts", "to_do"]
    )
    owners: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        owners[post.owner or words.label("nobody")].append(post)
    for owner, mine in sorted(owners.items()):
        todo = sorted((p for p in mine if p.status in TO_DO), key=lambda p: (p.date, p.time))
        upcoming = f"{todo[0].date} {todo[0].title}" if todo else ""
        table.add_row(owner, count(len(mine), words), count(len(todo), words), upcoming)
    return table


def _budget(posts: list[Post], words: Language) -> Table:
    table = _table(
        words, "stats_budget", "campaign", "month", "posts", "budget", numeric=["posts", "budget"]
    )
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    for post in posts:
        if post.budget is not None:
            totals[(post.campaign or words.label("none_given"), post.date[:7])].append(post.budget)
    for (campaign, month), amounts in sorted(totals.items()):
        table.add_row(campaign, month, count(len(amounts), words), format_budget(sum(amounts)))
    if not totals:
        table.add_row(words.label("no_paid_posts"), "", "", "")
    return table
