"""What a campaign's budget counts: the amounts of its drafts, written as money."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smmplan.load.checks import Checked


def money(amount: Decimal, currency: str, locale: str = "en") -> str:
    """`1,250.00 EUR`: an amount with two decimals and its ISO code, in `locale`'s digits."""
    from babel.numbers import format_decimal

    return f"{format_decimal(amount, format='#,##0.00', locale=locale)} {currency}"


def budget_plan(checked: Checked, campaign_id: str) -> Iterator[tuple[int, Decimal, int]]:
    """Each draft of a campaign with a budget: its index, amount, and how many posts it makes
    during the campaign (dates times channels)."""
    from smmplan.load.recurrence import rrule_dates

    model = checked.model
    campaign = model.campaigns[campaign_id]
    for index, draft in enumerate(model.posts):
        if draft.campaign != campaign_id or draft.budget is None:
            continue
        if draft.rrule:
            anchor = draft.start or (model.period.start if model.period else campaign.start)
            dates = rrule_dates(draft.rrule, anchor, campaign.start, campaign.end)
            skip = set(draft.skip) | set(checked.blackout)
            count = sum(day not in skip for day in dates)
        else:
            count = 1 if draft.date else 0
        yield index, draft.budget.amount, count * len(checked.channels_of(draft.channels))
