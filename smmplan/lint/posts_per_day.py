"""W312: more posts on a channel in one day than `max_posts_per_day`."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.POSTS_PER_DAY
NAME = "posts-per-day"


def check(context: Context) -> Iterator[Finding]:
    most = context.rules.max_posts_per_day
    for channel, posts in context.by_channel():
        for day, group in groupby(sorted(posts, key=lambda p: (p.date, p.time)), lambda p: p.date):
            day_posts = list(group)
            if len(day_posts) > most:
                yield Finding(
                    f"{len(day_posts)} posts on channel '{channel}' on {day} "
                    f"(max_posts_per_day: {most})",
                    post=day_posts[most],
                )
