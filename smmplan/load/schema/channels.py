"""Channels and their posting slots."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from smmplan.load.schema import about as a
from smmplan.load.schema.settings import Limits
from smmplan.load.schema.values import (
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
    days: DayList | None = a.about(
        "The weekdays of the slot: mon…sun, daily, weekdays or weekends; give `days` or `rrule`.",
        ["mon", "wed", "fri"],
        "weekdays",
        default=None,
    )
    rrule: RRule | None = a.about(
        "An RFC 5545 rule of dates for the slot; give `rrule` or `days`.",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        default=None,
    )
    start: DateValue | None = a.start()
    times: Annotated[
        list[TimeValue],
        BeforeValidator(_listify),
        Field(min_length=1),
        _one_or_many(_TIME_TEXT, min_items=1),
    ] = a.about('24-hour times `"HH:MM"` the channel posts at on those days.', ["09:30", "18:00"])

    @model_validator(mode="before")
    @classmethod
    def _days_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "days", "rrule", required=True)
        return values


class Channel(Model):
    network: Network = a.about(
        "Which network's limits and counting apply: instagram, facebook, x, threads, bluesky, "
        "mastodon, linkedin, tiktok, youtube, pinterest, telegram, vk or other.",
        "instagram",
    )
    account: str = a.about(
        "The handle or page name, copied to every post.", "@casacafe", default=""
    )
    timezone: Zone | None = a.about(
        "The channel's own IANA zone; its slots are local to it. Default: the calendar's.",
        "America/New_York",
        default=None,
    )
    slots: list[Slot] = a.about(
        "When the channel posts (at least one slot).",
        [{"days": ["mon", "thu"], "times": ["09:30"]}],
        min_length=1,
    )
    limits: Limits = a.about(
        "Figures that replace the network's in lint.",
        {"text": 2200, "hashtags": 5},
        default_factory=Limits,
    )
