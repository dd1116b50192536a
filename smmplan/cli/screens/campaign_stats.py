"""The campaigns table of `smmplan stats`: posts, channels, budget spent of its cap, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rich import box
from rich.table import Table

from smmplan.model import Schedule


def _locale(language: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_") or "en")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def campaigns(schedule: Schedule) -> Table:
    """One row per campaign, amounts and dates written the calendar's language's way."""
    from babel.dates import format_date
    from babel.numbers import format_currency, format_decimal

    locale = _locale(schedule.calendar.language)
    table = Table(title="Campaigns", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("campaign", "dates", "posts", "channels", "spent / cap"):
        table.add_column(column, justify="right" if column in ("posts", "spent / cap") else "left")
    for key, info in sorted(schedule.campaigns.items()):
        mine = [p for p in schedule.posts if p.campaign == key]
        spent = sum((Decimal(str(p.budget)) for p in mine if p.budget is not None), Decimal(0))
        currency = info["currency"]
        if currency:
            cap = Decimal(info["cap"])
            money = (
                f"{format_currency(spent, currency, locale=locale)} / "
                f"{format_currency(cap, currency, locale=locale)}"
            )
        else:
            money = format_decimal(spent, format="#,##0.00", locale=locale) if spent else "-"
        dates = " – ".join(
            format_date(date.fromisoformat(info[k]), "medium", locale=locale)
            for k in ("start", "end")
        )
        used = sorted({p.channel for p in mine})
        table.add_row(
            info["name"] if info["name"] == key else f"{info['name']} ({key})",
            dates,
            str(len(mine)),
            f"{', '.join(used) or '-'} of {len(info['channels'])}",
            money,
        )
    return table
