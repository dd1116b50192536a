"""W310: a post's text is longer than its network accepts, counted the way it counts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.lint.limits import URL_LENGTH, Counting, counting_name, limit_for, text_length
from smmplan.model import Post
from smmplan.problems import Code

CODE = Code.TEXT_TOO_LONG
NAME = "text-length"


def most_allowed(context: Context, post: Post) -> tuple[int, Counting, str] | None:
    """The limit that applies to `post`: (figure, counting, what it is), or None."""
    channel = context.channel(post.channel)
    table = limit_for(channel.network)
    counting: Counting = table.counting if table else "codepoints"
    caption = channel.limits.caption or (table.caption if table else None)
    if post.media and caption:
        return caption, counting, "caption"
    text = channel.limits.text or (table.text if table else None)
    return (text, counting, "text") if text else None


# Every link X or Mastodon counts as 23 has a scheme or a dot before its top-level domain.
_DOT_IN_WORD = re.compile(r"\.\w")

# Code points twitter-text v3 weighs 200 (two units): all but the ranges below, which weigh
# 100, less © and ®, which it reads as emoji and counts as two.
_HEAVY = re.compile(
    "[^\u0000-\u00a8\u00aa-\u00ad\u00af-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]"
)


def _bound(text: str) -> int:
    heavy = 0 if text.isascii() else len(_HEAVY.findall(text))
    links = len(_DOT_IN_WORD.findall(text)) + text.count("://")
    return len(text) + heavy + URL_LENGTH * links


def _surely_within(text: str, figure: int) -> bool:
    """True when no network's counting can exceed `figure` (most posts are far from it).

    No counting gives a code point more than X does (1 for Latin, Greek, Cyrillic and common
    punctuation, else 2; an emoji of several code points counts 2), nor a link more than 23.
    X counts the NFC form, which can hold more code points (U+FB2C becomes three), the others
    the text as written: the larger bound of the two is an upper bound for every counting
    that spares the exact, slower one (0.6 ms a post on X).
    """
    normal = text if text.isascii() else unicodedata.normalize("NFC", text)
    return max(_bound(text), _bound(normal) if normal != text else 0) <= figure


def check(context: Context) -> Iterator[Finding]:
    for post in context.unmeasured():  # E508 already reports a declared scheduler's posts
        found = most_allowed(context, post)
        if found is None:
            continue
        figure, counting, what = found
        if _surely_within(post.text, figure):
            continue
        length = text_length(post.text, counting)
        if length > figure:
            yield Finding(
                f"the {what} of '{post.title}' on channel '{post.channel}' on {post.date} is "
                f"{length} {counting_name(counting)}; {post.network} takes {figure}: "
                "shorten it or give the channel 'limits:'",
                post=post,
            )
