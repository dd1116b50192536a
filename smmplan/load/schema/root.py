"""The calendar file and the include fragment."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from smmplan.load.schema.channels import Channel
from smmplan.load.schema.days import FragmentHolidays, Holidays
from smmplan.load.schema.entries import Draft, Theme
from smmplan.load.schema.publishing import Approval, MediaBaseUrl, SchedulerValue
from smmplan.load.schema.settings import Period, Rules
from smmplan.load.schema.types import ChannelKey, Id, Language, Model, TextList, Zone


class Calendar(Model):
    smmplan: Literal["1"]
    id: Id | None = None
    name: str
    timezone: Zone
    language: Language = ""
    period: Period | None = None
    vars: dict[str, Any] = Field(default_factory=dict)
    include: TextList = Field(default_factory=list)
    channels: dict[ChannelKey, Channel] = Field(min_length=1)
    themes: list[Theme] = Field(default_factory=list)
    holidays: Holidays = Field(default_factory=Holidays)
    posts: list[Draft] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    scheduler: SchedulerValue | None = None
    media_base_url: MediaBaseUrl | None = None
    require_alt_text: bool = False
    approval: Approval = "optional"


class Fragment(Model):
    """What an `include:` file may hold."""

    vars: dict[str, Any] = Field(default_factory=dict)
    themes: list[Theme] = Field(default_factory=list)
    holidays: FragmentHolidays = Field(default_factory=FragmentHolidays)
    posts: list[Draft] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
