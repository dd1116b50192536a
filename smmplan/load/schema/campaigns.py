"""Campaigns: dates, channels, a budget cap and the UTM parameters of their links."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from smmplan.load.schema.about import new_list
from smmplan.load.schema.values import ChannelList, DateValue, Hashtags, Model, _parsed
from smmplan.problems import Code


def parse_amount(value: str) -> Decimal:
    """A money amount as written: digits with an optional decimal point, never negative."""
    text = value.strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or "e" in text.lower():
        raise ValueError(f"'{value}' is not an amount; write a number such as 250 or 99.90")
    return amount


def parse_currency(value: str) -> str:
    """An ISO 4217 currency code that Babel knows, such as EUR, USD or INR."""
    from babel.numbers import list_currencies

    code = value.strip()
    if code not in list_currencies():
        hint = " (currency codes are upper case)" if code.upper() in list_currencies() else ""
        raise ValueError(
            f"'{value}' is not an ISO 4217 currency code{hint}; use e.g. EUR, USD, GBP or INR"
        )
    return code


Amount = Annotated[
    Decimal,
    _parsed(Code.BAD_AMOUNT, parse_amount),
    WithJsonSchema({"type": ["number", "string"], "minimum": 0, "examples": [250, "99.90"]}),
]

Currency = Annotated[
    str,
    _parsed(Code.BAD_CURRENCY, parse_currency),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$", "examples": ["EUR", "INR"]}),
]


class Money(Model):
    """An amount, with the currency it is in (default: the campaign's)."""

    amount: Amount = Field(description="How much, e.g. 250 or 99.90.", examples=["250"])
    currency: Currency | None = Field(
        default=None, description="ISO 4217 code; default: the campaign's.", examples=["EUR"]
    )


def _money_shorthand(value: Any) -> Any:
    # `budget: 40` and `budget: "40 EUR"` are short for `{amount: 40, currency: EUR}`.
    if isinstance(value, str):
        amount, _, currency = value.strip().partition(" ")
        return {"amount": amount, **({"currency": currency.strip()} if currency else {})}
    return value


Budget = Annotated[
    Money,
    # In the editor's schema: a number, "40 EUR", or the mapping.
    BeforeValidator(_money_shorthand, json_schema_input_type=Money | Decimal | str),
]


class Utm(Model):
    """UTM parameters added to the `link` of every post of a campaign."""

    source: str = Field(default="", description="utm_source, e.g. instagram.", examples=["ig"])
    medium: str = Field(default="", description="utm_medium, e.g. social.", examples=["social"])
    campaign: str = Field(
        default="", description="utm_campaign; default: none.", examples=["spring-sale-26"]
    )
    content: str = Field(
        default="", description="utm_content; default: the post's id.", examples=["story-a"]
    )
    term: str = Field(default="", description="utm_term.", examples=["oat milk"])


class Campaign(Model):
    """`campaigns: {id: ...}`: a campaign that posts name with `campaign: id`."""

    name: str = Field(default="", description="Shown in stats.", examples=["Spring sale"])
    start: DateValue = Field(description="First day, YYYY-MM-DD.", examples=["2027-03-01"])
    end: DateValue = Field(description="Last day (inclusive).", examples=["2027-03-31"])
    channels: ChannelList | None = Field(
        default=None, description="Channels it runs on; default: all.", examples=[["instagram"]]
    )
    budget: Budget | None = Field(
        default=None,
        description="Cap on the sum of its posts' `budget`.",
        examples=[{"amount": 1000, "currency": "EUR"}],
    )
    utm: Utm | None = Field(
        default=None,
        description="UTM parameters for its posts' links.",
        examples=[{"source": "instagram", "medium": "social", "campaign": "spring-sale-26"}],
    )
    hashtags: Hashtags = Field(
        default_factory=new_list,
        description="Hashtags (or `+set`s) of posts that give none.",
        examples=[["#SpringSale", "+coffee"]],
    )
    pillar: str = Field(
        default="", description="Pillar of posts that give none.", examples=["promotion"]
    )
