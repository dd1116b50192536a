"""W315: one `format` takes more than `max_format_share` of a channel's posts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.FORMAT_MIX
NAME = "format-mix"


def check(context: Context) -> Iterator[Finding]:
    rules = context.rules
    for channel, posts in context.by_channel():
        if len(posts) < rules.format_mix_min_posts:
            continue
        fmt, count = max(Counter(p.format for p in posts).items(), key=lambda i: (i[1], i[0]))
        share = count / len(posts)
        if share > rules.max_format_share:
            yield Finding(
                f"{count} of {len(posts)} posts on channel '{channel}' are '{fmt}' "
                f"({share:.0%}; max_format_share: {rules.max_format_share:g})",
                channel=channel,
            )
