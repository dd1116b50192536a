"""Calendar settings: lint rules and their thresholds, per-network limits, the period."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from smmplan.load.schema import about as a
from smmplan.load.schema.values import (
    Count,
    DateValue,
    EntryLintCodes,
    LintCodes,
    Model,
    Positive,
)
from smmplan.problems import Code


class Lint(Model):
    """`lint:` of one theme, observance or draft: rules that do not apply to it."""

    disable: EntryLintCodes = a.about(
        "Lint codes that do not apply to this entry (not those about a channel or the whole "
        "calendar: W314, W315, W320, W322, which `rules:` turns off).",
        ["W316"],
        default_factory=list,
    )


class Rules(Model):
    """`rules:` of a calendar: lint settings (docs/rules.md)."""

    disable: LintCodes = a.about(
        "Lint codes that do not apply to this calendar.", ["W320"], default=[]
    )
    max_posts_per_day: Positive = a.about("W312: most posts on a channel a day.", 2, default=3)
    min_minutes_between_posts: Count = a.about("W313: least minutes between posts.", 90, default=60)
    max_days_without_post: Positive = a.about("W314: most days a channel is quiet.", 5, default=3)
    max_format_share: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = a.about(
        "W315: largest share of one format in a channel's posts.", 0.5, default=0.6
    )
    format_mix_min_posts: Positive = a.about("W315: fewer posts are not judged.", 10, default=5)
    approval_days: Count = a.about("W317: days ahead that must be approved.", 3, default=2)
    min_days_between_repeats: Positive = a.about("W319: days before a text repeats.", 14, default=7)


class Limits(Model):
    """`limits:` of a channel: its own figures in place of the network's."""

    text: Positive | None = a.about("W310: longest text.", 500, default=None)
    caption: Positive | None = a.about(
        "W310: longest text of a post with media.", 2200, default=None
    )
    hashtags: Count | None = a.about("W311: most hashtags.", 5, default=None)
    links: Count | None = a.about("W311: most links in the text.", 1, default=None)


class Period(Model):
    start: DateValue = a.about("First day (`YYYY-MM-DD`).", "2026-10-01")
    end: DateValue = a.about("Last day, included; not before `start`.", "2026-12-31")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(Code.BAD_DATE.value, "period ends before it starts")
        return self
