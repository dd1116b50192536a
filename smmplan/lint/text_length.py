"""W310: a post's text is longer than its network accepts, counted the way it counts."""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.limits import Counting, counting_name, limit_for, text_length
from smmplan.lint.context import Context, Finding
from smmplan.model import Post
from smmplan.problems import Code

CODE = Code.TEXT_TOO_LONG
NAME = "text-length"


def most_allowed(context: Context, post: Post) -> tuple[int, Counting, str] | None:
    """The limit that applies to `post`: (figure, counting, what it is), or None."""
    channel = context.channel(post.channel)
    table = limit_for(channel.network)
    counting: Counting = table.counting if table else "codepoints"
    if post.media and (channel.limits.caption or (table and table.caption)):
        caption = channel.limits.caption or (table.caption if table else None)
        assert caption is not None
        return caption, counting, "caption"
    text = channel.limits.text or (table.text if table else None)
    return (text, counting, "text") if text else None


def check(context: Context) -> Iterator[Finding]:
    for post in context.posts:
        found = most_allowed(context, post)
        if found is None:
            continue
        figure, counting, what = found
        length = text_length(post.text, counting)
        if length > figure:
            yield Finding(
                f"the {what} of '{post.title}' on channel '{post.channel}' on {post.date} is "
                f"{length} {counting_name(counting)}; {post.network} takes {figure}: "
                "shorten it or give the channel 'limits:'",
                post=post,
            )
