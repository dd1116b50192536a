"""W317: a post due within `approval_days` of today that is not approved yet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.APPROVAL_DUE
NAME = "approval-due"
# Statuses of the approval workflow that are not approved yet; "planned" (themes, greetings,
# observances without a status) is not part of that workflow.
WAITING = ("idea", "draft", "review")


def check(context: Context) -> Iterator[Finding]:
    if context.today is None:
        return
    first = context.today.isoformat()
    last = (context.today + timedelta(days=context.rules.approval_days)).isoformat()
    for post in context.posts:
        if first <= post.date <= last and post.status in WAITING:
            yield Finding(
                f"'{post.title}' goes out on channel '{post.channel}' on {post.date} "
                f"{post.time} and is still '{post.status}' (approval_days: "
                f"{context.rules.approval_days})",
                post=post,
            )
