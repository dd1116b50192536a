"""Holidays: the country, observance packs, blackout days."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Tag

from smmplan.load.schema import about as a
from smmplan.load.schema.entries import Greeting, Observance
from smmplan.load.schema.values import ChannelList, DateValue, Language, Model, TextList, _listify


class Blackout(Model):
    date: DateValue = a.about("A day with no posts at all (`YYYY-MM-DD`).", "2026-08-15")
    reason: str = a.about(
        "Why nothing posts, shown in the plans.", "Shop closed for the holidays", default=""
    )


_OBSERVANCES: Any = a.about(
    "Fun, awareness and brand days.",
    [{"name": "World Coffee Day", "date": "10-01", "hashtags": ["#CoffeeDay"]}],
    default_factory=list,
)
_BLACKOUT: Any = a.about(
    "Days with no posts at all.",
    [{"date": "2026-08-15", "reason": "Shop closed"}],
    default_factory=list,
)


class PackUse(Model):
    """An observance pack (`un`) and how a calendar uses it; a bare name is `{name: un}`."""

    name: str = a.about("The pack's name.", "un")
    skip: TextList = a.about(
        "Ids of the pack's days to leave out (see smmplan/load/packs/).",
        ["world-radio-day"],
        default=[],
    )
    channels: ChannelList | None = a.channels("pack's posts")
    posts: bool = a.about(
        "true: each day also takes a free slot, as a post with status `idea`.", True, default=False
    )


def _pack_form(value: Any) -> str:
    return "str" if isinstance(value, str) else "PackUse"


# A bare name or a map, told apart by the value's shape: a bad map gets its own errors only,
# not a second "should be a valid string" from the bare-name form.
_PackEntry = Annotated[
    Annotated[str, Tag("str")] | Annotated[PackUse, Tag("PackUse")],
    Discriminator(_pack_form),
]


class Holidays(Model):
    country: str | None = a.about(
        "ISO 3166 alpha-2 code of the country whose public holidays apply.", "ES", default=None
    )
    subdivision: str | None = a.about(
        "State, region or province code, as the `holidays` package names it.", "CT", default=None
    )
    language: Language = a.about(
        "Language of the holiday names only; default: the calendar's `language`.",
        "en",
        default="",
    )
    categories: TextList = a.about(
        "Holiday categories as the `holidays` package names them; default: the country's "
        "(`public`).",
        ["public", "optional"],
        default_factory=list,
    )
    on_holiday: Literal["skip", "keep"] = a.about(
        "Whether themes post on public holidays: skip (default) or keep.", "keep", default="skip"
    )
    greeting: Greeting | None = a.about(
        "One post per channel on each public holiday.",
        {"template": "holiday.j2", "time": "10:00"},
        default=None,
    )
    observances: list[Observance] = _OBSERVANCES
    packs: Annotated[list[_PackEntry], BeforeValidator(_listify)] = a.about(
        "Ready-made observances: pack names, or maps of a pack's use.",
        ["un"],
        [{"name": "un", "skip": ["world-radio-day"], "posts": True}],
        default_factory=list,
    )
    blackout: list[Blackout] = _BLACKOUT

    def pack_uses(self) -> list[PackUse]:
        """`packs`, with a bare name read as `{name: ...}`."""
        return [PackUse(name=use) if isinstance(use, str) else use for use in self.packs]


class FragmentHolidays(Model):
    observances: list[Observance] = _OBSERVANCES
    blackout: list[Blackout] = _BLACKOUT
