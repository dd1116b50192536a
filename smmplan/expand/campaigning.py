"""What a campaign gives its posts (hashtags, pillar, UTM-tagged links) and what it is owed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from smmplan.load.planning_checks import expand_tags
from smmplan.model import Post
from smmplan.problems import Code, Collector

if TYPE_CHECKING:
    from smmplan.load import schema
    from smmplan.load.checks import Checked

# X has no hard cap on hashtags, but posts with more than this many reach fewer people.
X_HASHTAGS = 3


def apply(values: dict[str, Any], checked: Checked) -> dict[str, Any]:
    """Post fields with the campaign's hashtags and pillar inherited and `+set`s expanded."""
    campaign = checked.model.campaigns.get(values["campaign"])
    if campaign is not None:
        values["hashtags"] = values["hashtags"] or campaign.hashtags
        values["pillar"] = values["pillar"] or campaign.pillar
    values["hashtags"] = expand_tags(list(values["hashtags"]), checked.hashtag_sets)
    budget = values["budget"]
    values["budget"] = float(budget.amount) if budget is not None else None
    return values


def summary(model: schema.Calendar) -> dict[str, dict[str, Any]]:
    """The campaigns as plain data for the schedule (and `stats`)."""
    return {
        key: {
            "name": c.name or key,
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
            "channels": list(c.channels or model.channels),
            "cap": str(c.budget.amount) if c.budget else None,
            "currency": c.budget.currency if c.budget else None,
        }
        for key, c in model.campaigns.items()
    }


def tagged_link(link: str, campaign: schema.Campaign | None, post_id: str) -> str:
    """`link` with the campaign's UTM parameters added; parameters already there are kept."""
    if not link or campaign is None or campaign.utm is None:
        return link
    utm = campaign.utm
    parts = urlsplit(link)
    present = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    wanted = (
        ("utm_source", utm.source),
        ("utm_medium", utm.medium),
        ("utm_campaign", utm.campaign),
        ("utm_content", utm.content or post_id),
        ("utm_term", utm.term),
    )
    added = [(key, value) for key, value in wanted if value and key not in present]
    if not added:
        return link
    extra = urlencode(added, quote_via=quote)
    return urlunsplit(parts._replace(query=f"{parts.query}&{extra}" if parts.query else extra))


def check_posts(checked: Checked, posts: list[Post], out: Collector) -> None:
    """W701 (posts outside their campaign's dates) and W704 (too many hashtags on X), once
    per entry and channel."""
    from smmplan.lint.limits import hashtag_count

    outside: dict[tuple[str, str], list[Post]] = {}
    crowded: dict[tuple[str, str, str], tuple[Post, int]] = {}
    for post in posts:
        campaign = checked.model.campaigns.get(post.campaign)
        day = date.fromisoformat(post.date)
        if campaign is not None and not campaign.start <= day <= campaign.end:
            outside.setdefault((post.source, post.source_id), []).append(post)
        if post.network == "x" and (count := hashtag_count(post.text)) > X_HASHTAGS:
            crowded.setdefault((post.source, post.source_id, post.channel), (post, count))
    for found in outside.values():
        first = found[0]
        campaign = checked.model.campaigns[first.campaign]
        out.add(
            *first.origin,
            Code.OUTSIDE_CAMPAIGN,
            f"{len(found)} post(s) of '{first.title}' fall outside campaign '{first.campaign}' "
            f"({campaign.start} to {campaign.end}), the first on {first.date}; "
            "move them or the campaign's dates",
            level="warning",
        )
    for post, count in crowded.values():
        out.add(
            *post.origin,
            Code.MANY_HASHTAGS,
            f"'{post.title}' on channel '{post.channel}' has {count} hashtags; posts on X "
            f"reach further with {X_HASHTAGS} or fewer (check the '+set's it includes)",
            level="warning",
        )
