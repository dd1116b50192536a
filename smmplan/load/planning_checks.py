"""Cross-entry checks of campaigns, hashtag sets, the evergreen library and the ideas backlog."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from smmplan.load import schema
from smmplan.load.positions import KeyPath
from smmplan.problems import Code

if TYPE_CHECKING:
    from smmplan.load.checks import Checked

Report = Callable[..., None]  # checks._Reporter: report(path, code, message, *, key, level)


def check(report: Report, checked: Checked) -> None:
    """Every planning check; the resolved hashtag sets are kept on `checked`."""
    model = checked.model
    checked.hashtag_sets = resolve_sets(report, model.hashtag_sets)
    _check_tag_refs(report, model)
    _check_campaigns(report, model)
    _check_campaign_refs(report, checked)
    _check_budgets(report, checked)
    _check_evergreen(report, model)
    _check_ideas(report, checked)


def _hint(name: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f" ({what}: {', '.join(known)})" if known else f" (this calendar has no {what})"


# hashtag sets ---------------------------------------------------------------------------
def resolve_sets(report: Report, sets: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each set with the sets it includes expanded; a cycle is reported and cut."""
    done: dict[str, list[str]] = {}

    def visit(name: str, trail: list[str]) -> list[str]:
        if name in done:
            return done[name]
        tags: list[str] = []
        for index, tag in enumerate(sets[name]):
            inner = tag[1:] if tag.startswith("+") else None
            if inner is None:
                tags.append(tag)
            elif inner in trail or inner == name:
                loop = " -> ".join([*trail[trail.index(inner) :], name, inner])
                report(
                    ("hashtag_sets", name, index),
                    Code.HASHTAG_SET_CYCLE,
                    f"hashtag sets include each other ({loop}); remove one of the '+' entries",
                )
            elif inner in sets:
                tags += visit(inner, [*trail, name])
        done[name] = dedupe(tags)
        return done[name]

    for name in sets:
        visit(name, [])
    return done


def dedupe(tags: list[str]) -> list[str]:
    """Tags in order, each once, compared without regard to case."""
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept


def expand_tags(tags: list[str], sets: dict[str, list[str]]) -> list[str]:
    """A hashtag list with every `+set` replaced by its tags, duplicates removed."""
    if not tags or not any(tag.startswith("+") for tag in tags):
        return tags
    out: list[str] = []
    for tag in tags:
        out += sets.get(tag[1:], []) if tag.startswith("+") else [tag]
    return dedupe(out)


def hashtag_lists(model: schema.Calendar) -> list[tuple[KeyPath, list[str]]]:
    """Every hashtag list of the calendar, with where it is written."""
    found: list[tuple[KeyPath, list[str]]] = []
    for i, theme in enumerate(model.themes):
        found.append((("themes", i, "hashtags"), theme.hashtags))
        for key, variant in theme.variants.items():
            found.append((("themes", i, "variants", key, "hashtags"), variant.hashtags or []))
    for i, draft in enumerate(model.posts):
        found.append((("posts", i, "hashtags"), draft.hashtags))
    for i, obs in enumerate(model.holidays.observances):
        found.append((("holidays", "observances", i, "hashtags"), obs.hashtags))
    if model.holidays.greeting:
        found.append((("holidays", "greeting", "hashtags"), model.holidays.greeting.hashtags))
    for key, campaign in model.campaigns.items():
        found.append((("campaigns", key, "hashtags"), campaign.hashtags))
    for i, post in enumerate(model.evergreen.library):
        found.append((("evergreen", "library", i, "hashtags"), post.hashtags))
    found += [(("hashtag_sets", name), tags) for name, tags in model.hashtag_sets.items()]
    return found


def _check_tag_refs(report: Report, model: schema.Calendar) -> None:
    known = list(model.hashtag_sets)
    for path, tags in hashtag_lists(model):
        for index, tag in enumerate(tags):
            if tag.startswith("+") and tag[1:] not in model.hashtag_sets:
                report(
                    (*path, index),
                    Code.UNKNOWN_HASHTAG_SET,
                    f"unknown hashtag set '{tag[1:]}'" + _hint(tag[1:], known, "hashtag_sets"),
                )


# campaigns ------------------------------------------------------------------------------
def _check_campaigns(report: Report, model: schema.Calendar) -> None:
    for key, campaign in model.campaigns.items():
        if campaign.end < campaign.start:
            report(
                ("campaigns", key, "end"),
                Code.DATES_REVERSED,
                f"campaign '{key}' ends ({campaign.end}) before it starts ({campaign.start}); "
                "swap the dates",
            )
        for index, name in enumerate(campaign.channels or []):
            if name not in model.channels:
                report(
                    ("campaigns", key, "channels", index),
                    Code.UNKNOWN_CHANNEL,
                    f"unknown channel '{name}'" + _hint(name, list(model.channels), "channels"),
                )
        if campaign.budget and campaign.budget.currency is None:
            report(
                ("campaigns", key, "budget"),
                Code.BAD_CURRENCY,
                f"campaign '{key}' has a budget without a currency; "
                "write e.g. 'budget: {amount: 1000, currency: EUR}'",
            )


def campaign_users(model: schema.Calendar) -> list[tuple[KeyPath, Any, str, list[str]]]:
    """Entries that name a campaign: where, the entry, the campaign id, its channels."""
    every = list(model.channels)
    networks = {key: ch.network for key, ch in model.channels.items()}
    found: list[tuple[KeyPath, Any, str, list[str]]] = []
    for i, draft in enumerate(model.posts):
        found.append((("posts", i), draft, draft.campaign, draft.channels or every))
    for i, theme in enumerate(model.themes):
        channels = theme.channels or every
        found.append((("themes", i), theme, theme.campaign, channels))
        for key, variant in theme.variants.items():
            mine = [c for c in channels if key in (c, networks[c])]
            found.append((("themes", i, "variants", key), variant, variant.campaign or "", mine))
    for i, obs in enumerate(model.holidays.observances):
        path: KeyPath = ("holidays", "observances", i)
        found.append((path, obs, obs.campaign, obs.channels or every))
    for i, idea in enumerate(model.ideas):
        found.append((("ideas", i), idea, idea.campaign, idea.channels or every))
    return [item for item in found if item[2]]


def _check_campaign_refs(report: Report, checked: Checked) -> None:
    model = checked.model
    known = list(model.campaigns)
    if not known:  # free-text campaign names, as before `campaigns:` existed
        return
    for path, entry, name, channels in campaign_users(model):
        campaign = model.campaigns.get(name)
        if campaign is None:
            report(
                (*path, "campaign"),
                Code.UNKNOWN_CAMPAIGN,
                f"unknown campaign '{name}'" + _hint(name, known, "campaigns"),
            )
            continue
        outside = [c for c in channels if campaign.channels and c not in campaign.channels]
        if outside:
            report(
                (*path, "campaign"),
                Code.CAMPAIGN_CHANNEL,
                f"campaign '{name}' runs on {', '.join(campaign.channels or [])}, not on "
                f"{', '.join(outside)}; add the channel to the campaign or give the entry "
                "'channels'",
                level="warning",
            )
        day = getattr(entry, "date", None)
        if path[0] == "posts" and day and not campaign.start <= day <= campaign.end:
            report(
                (*path, "date"),
                Code.OUTSIDE_CAMPAIGN,
                f"{day} is outside campaign '{name}' ({campaign.start} to {campaign.end})",
                level="warning",
            )
        _check_utm(report, path, entry, name, campaign)


def _check_utm(
    report: Report, path: KeyPath, entry: Any, name: str, campaign: schema.Campaign
) -> None:
    link = getattr(entry, "link", "")
    if not (link and campaign.utm):
        return
    present = sorted({k for k, _ in parse_qsl(urlsplit(link).query) if k.startswith("utm_")})
    if present:
        report(
            (*path, "link"),
            Code.UTM_KEPT,
            f"this link already has {', '.join(present)}; they are kept and campaign "
            f"'{name}' adds only the other UTM parameters",
            level="warning",
        )


def _check_budgets(report: Report, checked: Checked) -> None:
    from smmplan.load.budgets import budget_plan, money

    model = checked.model
    for key, campaign in model.campaigns.items():
        currency = campaign.budget.currency if campaign.budget else None
        total = Decimal(0)
        for index, amount, count in budget_plan(checked, key):
            draft_currency = model.posts[index].budget.currency  # type: ignore[union-attr]
            if currency and draft_currency and draft_currency != currency:
                report(
                    ("posts", index, "budget"),
                    Code.OTHER_CURRENCY,
                    f"this budget is in {draft_currency} but campaign '{key}' counts in "
                    f"{currency}; convert it to {currency}",
                )
                continue
            total += amount * count
        if campaign.budget and currency and total > campaign.budget.amount:
            report(
                ("campaigns", key, "budget"),
                Code.OVER_BUDGET,
                f"{key} plans {money(total, currency)} of {money(campaign.budget.amount, currency)}"
                "; raise the cap or lower the posts' 'budget'",
            )


# evergreen and ideas --------------------------------------------------------------------
def _check_evergreen(report: Report, model: schema.Calendar) -> None:
    seen: set[str] = set()
    for i, post in enumerate(model.evergreen.library):
        path: KeyPath = ("evergreen", "library", i)
        if post.id in seen:
            report((*path, "id"), Code.EVERGREEN_ID, f"evergreen id '{post.id}' is used twice")
        seen.add(post.id)
        if post.not_before and post.not_after and post.not_after < post.not_before:
            report(
                (*path, "not_after"),
                Code.DATES_REVERSED,
                f"not_after ({post.not_after}) is before not_before ({post.not_before})",
            )
        for index, name in enumerate(post.channels or []):
            if name not in model.channels:
                report(
                    (*path, "channels", index),
                    Code.UNKNOWN_CHANNEL,
                    f"unknown channel '{name}'" + _hint(name, list(model.channels), "channels"),
                )
    filling = model.evergreen.fill or any(c.fill_with for c in model.channels.values())
    if filling and model.evergreen.start is None and model.period is None:
        report(
            ("evergreen",) if model.evergreen.fill else ("channels",),
            Code.EVERGREEN_START,
            "evergreen filling needs a day to count its rotation from, so that every window "
            "gives the same posts; give 'evergreen: {start: YYYY-MM-DD}' or a calendar 'period'",
            key=True,
        )


def _check_ideas(report: Report, checked: Checked) -> None:
    drafts = set(checked.draft_ids)
    seen: set[str] = set()
    for i, idea in enumerate(checked.model.ideas):
        if idea.id in drafts or idea.id in seen:
            what = "a draft in 'posts:'" if idea.id in drafts else "another idea"
            report(
                ("ideas", i, "id"),
                Code.IDEA_ID,
                f"idea id '{idea.id}' is also the id of {what}; give the idea its own id",
            )
        seen.add(idea.id)
        for index, name in enumerate(idea.channels or []):
            if name not in checked.model.channels:
                report(
                    ("ideas", i, "channels", index),
                    Code.UNKNOWN_CHANNEL,
                    f"unknown channel '{name}'"
                    + _hint(name, list(checked.model.channels), "channels"),
                )
