"""W313: two posts on a channel closer than `min_minutes_between_posts`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.POSTS_TOO_CLOSE
NAME = "min-minutes-between-posts"


def _instant(utc: str) -> datetime:
    return datetime.fromisoformat(utc)


def check(context: Context) -> Iterator[Finding]:
    least = context.rules.min_minutes_between_posts
    for channel, posts in context.by_channel():
        ordered = sorted(posts, key=lambda p: p.utc)
        for before, after in zip(ordered, ordered[1:], strict=False):
            minutes = (_instant(after.utc) - _instant(before.utc)).total_seconds() / 60
            if minutes < least:
                yield Finding(
                    f"'{after.title}' on channel '{channel}' at {after.date} {after.time} comes "
                    f"{minutes:.0f} minutes after '{before.title}' "
                    f"(min_minutes_between_posts: {least})",
                    post=after,
                )
