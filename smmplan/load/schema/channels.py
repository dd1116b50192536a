"""Channels and their posting slots."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from smmplan.load.schema.publishing import MediaBaseUrl, SchedulerValue
from smmplan.load.schema.settings import Limits
from smmplan.load.schema.types import (
    _TIME_TEXT,
    DateValue,
    DayList,
    Model,
    Network,
    RRule,
    TimeValue,
    Zone,
    _listify,
    _one_of,
    _one_or_many,
)


class Slot(Model):
    days: DayList | None = None
    rrule: RRule | None = None
    start: DateValue | None = None
    times: Annotated[
        list[TimeValue],
        BeforeValidator(_listify),
        Field(min_length=1),
        _one_or_many(_TIME_TEXT, min_items=1),
    ]

    @model_validator(mode="before")
    @classmethod
    def _days_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "days", "rrule", required=True)
        return values


class Channel(Model):
    network: Network
    account: str = ""
    timezone: Zone | None = None
    slots: list[Slot] = Field(min_length=1)
    limits: Limits = Field(default_factory=Limits)
    scheduler: SchedulerValue | None = None
    media_base_url: MediaBaseUrl | None = None
    require_alt_text: bool | None = None
