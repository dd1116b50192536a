"""W311: more hashtags or links in a post than its network allows."""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.lint.limits import hashtag_count, limit_for, link_count
from smmplan.problems import Code

CODE = Code.TOO_MANY_TAGS
NAME = "hashtag-and-link-caps"


def check(context: Context) -> Iterator[Finding]:
    for post in context.unmeasured():  # E508 already reports a declared scheduler's posts
        channel = context.channel(post.channel)
        table = limit_for(channel.network)
        caps = (
            ("hashtags", hashtag_count, channel.limits.hashtags, table.hashtags if table else None),
            ("links", link_count, channel.limits.links, table.links if table else None),
        )
        for what, count, own, default in caps:
            cap = own if own is not None else default
            found = count(post.text)
            if cap is not None and found > cap:
                yield Finding(
                    f"'{post.title}' on channel '{post.channel}' on {post.date} has {found} "
                    f"{what}; {post.network} allows {cap}",
                    post=post,
                )
