"""W316: a draft or observance in a visual format without `media:`, once it is in review.

Themes and greetings have no `media:` key (their media is chosen at posting time), so only
entries that can carry media are checked; ideas, drafts and planned observances may still
wait for their photo or video.
"""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.MEDIA_MISSING
NAME = "media-missing"
VISUAL = ("photo", "video", "carousel", "reel", "story")
READY = ("review", "approved", "scheduled", "published")


def check(context: Context) -> Iterator[Finding]:
    for post in context.posts:
        if (
            post.source in ("draft", "observance")
            and post.format in VISUAL
            and post.status in READY
            and not post.media
        ):
            yield Finding(
                f"'{post.title}' is a {post.format} post on channel '{post.channel}' on "
                f"{post.date}, '{post.status}', without media: add 'media:' or change its "
                "'format'",
                post=post,
            )
