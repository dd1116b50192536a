"""W318: a draft dated before today that was never scheduled or published."""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.DRAFT_IN_PAST
NAME = "draft-in-past"
DONE = ("scheduled", "published")


def check(context: Context) -> Iterator[Finding]:
    if context.today is None:
        return
    today = context.today.isoformat()
    for post in context.posts:
        if post.source == "draft" and post.date < today and post.status not in DONE:
            yield Finding(
                f"'{post.title}' on channel '{post.channel}' was due on {post.date} and is "
                f"'{post.status}': move it, or set its status to published",
                post=post,
            )
