"""The calendar file and the include fragment."""

from __future__ import annotations

from typing import Any, Literal

from smmplan.load.schema import about as a
from smmplan.load.schema.channels import Channel
from smmplan.load.schema.days import FragmentHolidays, Holidays
from smmplan.load.schema.entries import Draft, Theme
from smmplan.load.schema.settings import Period, Rules
from smmplan.load.schema.values import ChannelKey, Id, Language, Model, TextList, Zone

_VARS: Any = a.about(
    "Free values for templates and texts (`{{ vars.website }}`), hashtags, links.",
    {"website": "casacafe.example", "tag": "#CasaCafe"},
    default_factory=dict,
)
_THEMES: Any = a.about(
    "Weekly rubrics that fill the channels' slots on their days.",
    [{"name": "Tip Tuesday", "days": "tue", "template": "tip.j2"}],
    default_factory=list,
)
_POSTS: Any = a.about(
    "Dated or recurring posts (drafts).",
    [{"title": "Christmas blend", "date": "2026-12-01", "text": "It is back!"}],
    default_factory=list,
)
_RULES: Any = a.about(
    "Lint settings (docs/rules.md).", {"max_posts_per_day": 2}, default_factory=Rules
)


class Calendar(Model):
    smmplan: Literal["1"] = a.about("The format version: always 1.", 1)
    id: Id | None = a.about(
        "Names the output folder; default: made from the file name. Unique among the calendars "
        "built together.",
        "casa-cafe",
        default=None,
    )
    name: str = a.about("Display name, in the plans and as the ICS calendar name.", "Casa Café")
    timezone: Zone = a.about(
        "The calendar's IANA time zone, exact spelling.", "Europe/Madrid", "Asia/Kolkata"
    )
    language: Language = a.about(
        "The plans' language, holiday names and `format_date`: ca, es, el, hi, nl, zh-Hant, "
        "en-GB, ...; default: English labels.",
        "ca",
        default="",
    )
    period: Period | None = a.about(
        "The default window, both ends included.",
        {"start": "2026-10-01", "end": "2026-12-31"},
        default=None,
    )
    vars: dict[str, Any] = _VARS
    include: TextList = a.about(
        "Fragments (_*.yaml) to merge in, relative to this file.",
        ["_christmas.yaml"],
        default_factory=list,
    )
    channels: dict[ChannelKey, Channel] = a.about(
        "Where posts go, by channel key (a-z, 0-9, _ and -); at least one.",
        {"instagram": {"network": "instagram", "slots": [{"days": "weekdays", "times": "09:30"}]}},
        min_length=1,
    )
    themes: list[Theme] = _THEMES
    holidays: Holidays = a.about(
        "Public holidays, observances, packs and blackout days.",
        {"country": "ES", "subdivision": "CT", "packs": ["un"]},
        default_factory=Holidays,
    )
    posts: list[Draft] = _POSTS
    rules: Rules = _RULES


class Fragment(Model):
    """What an `include:` file may hold."""

    vars: dict[str, Any] = _VARS
    themes: list[Theme] = _THEMES
    holidays: FragmentHolidays = a.about(
        "Observances and blackout days this fragment adds.",
        {"blackout": [{"date": "2026-12-25", "reason": "Closed"}]},
        default_factory=FragmentHolidays,
    )
    posts: list[Draft] = _POSTS
    rules: Rules = _RULES
