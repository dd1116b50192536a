"""W318: a draft dated before today that never got past review: it did not go out."""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.lint.approval import WAITING
from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.DRAFT_IN_PAST
NAME = "draft-in-past"


def check(context: Context) -> Iterator[Finding]:
    if context.today is None:
        return
    today = context.today.isoformat()
    for post in context.posts:
        if post.source == "draft" and post.date < today and post.status in WAITING:
            yield Finding(
                f"'{post.title}' on channel '{post.channel}' was due on {post.date} and is "
                f"still '{post.status}': move it, or record what happened in its status",
                post=post,
            )
