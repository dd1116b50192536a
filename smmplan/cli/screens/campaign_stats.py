"""The campaigns table of `smmplan stats`: posts, channels, budget spent of its cap, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rich import box
from rich.table import Table

from smmplan.l10n import language
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
    words = language(schedule.calendar.language)
    table = Table(title=words.label("stats_campaigns"), title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("campaign", "dates", "posts", "channels", "spent_cap"):
        table.add_column(
            words.label(f"col_{column}"),
            justify="right" if column in ("posts", "spent_cap") else "left",
        )
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
            format_decimal(len(mine), locale=locale),
            words.label(
                "channels_used",
                used=", ".join(used) or "-",
                count=format_decimal(len(info["channels"]), locale=locale),
            ),
            money,
        )
    return table
