"""W319: the same text on a channel again within `min_days_between_repeats` days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.TEXT_REPEATED
NAME = "repeated-text"


def check(context: Context) -> Iterator[Finding]:
    least = context.rules.min_days_between_repeats
    for channel, posts in context.by_channel():
        last_seen: dict[str, date] = {}
        for post in sorted(posts, key=lambda p: p.utc):
            day = date.fromisoformat(post.date)
            before = last_seen.get(post.text)
            if post.text and before is not None and (day - before).days < least:
                yield Finding(
                    f"'{post.title}' on channel '{channel}' on {post.date} repeats the text "
                    f"posted on {before} (min_days_between_repeats: {least})",
                    post=post,
                )
            last_seen[post.text] = day
