"""Holidays: the country, observance packs, blackout days."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from smmplan.load.schema.entries import Greeting, Observance
from smmplan.load.schema.values import ChannelList, DateValue, Language, Model, TextList, _listify


class Blackout(Model):
    date: DateValue
    reason: str = ""


class PackUse(Model):
    """An observance pack (`un`) and how a calendar uses it; a bare name is `{name: un}`."""

    name: str
    skip: TextList = []  # ids of days to leave out
    channels: ChannelList | None = None
    posts: bool = False  # true: each day also takes a slot, as a post with status `idea`


class Holidays(Model):
    country: str | None = None
    subdivision: str | None = None
    language: Language = ""  # holiday names only; default: the calendar's language
    categories: TextList = Field(default_factory=list)
    on_holiday: Literal["skip", "keep"] = "skip"
    greeting: Greeting | None = None
    observances: list[Observance] = Field(default_factory=list)
    packs: Annotated[list[str | PackUse], BeforeValidator(_listify)] = Field(default_factory=list)
    blackout: list[Blackout] = Field(default_factory=list)

    def pack_uses(self) -> list[PackUse]:
        """`packs`, with a bare name read as `{name: ...}`."""
        return [PackUse(name=use) if isinstance(use, str) else use for use in self.packs]


class FragmentHolidays(Model):
    observances: list[Observance] = Field(default_factory=list)
    blackout: list[Blackout] = Field(default_factory=list)
