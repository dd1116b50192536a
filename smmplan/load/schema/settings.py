"""Calendar settings: lint rules and their thresholds, per-network limits, the period."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from smmplan.load.schema.values import Count, DateValue, LintCodes, Model, Positive
from smmplan.problems import Code


class Lint(Model):
    """`lint:` of one theme, observance or draft: rules that do not apply to it."""

    disable: LintCodes = Field(default_factory=list)


class Rules(Model):
    """`rules:` of a calendar: lint settings (docs/rules.md)."""

    disable: LintCodes = Field(
        default=[], description="Lint codes that do not apply to this calendar."
    )
    max_posts_per_day: Positive = Field(
        default=3, description="W312: most posts on a channel a day."
    )
    min_minutes_between_posts: Count = Field(
        default=60, description="W313: least minutes between posts."
    )
    max_days_without_post: Positive = Field(
        default=3, description="W314: most days a channel is quiet."
    )
    max_format_share: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = Field(
        default=0.6, description="W315: largest share of one format in a channel's posts."
    )
    format_mix_min_posts: Positive = Field(
        default=5, description="W315: fewer posts are not judged."
    )
    approval_days: Count = Field(default=2, description="W317: days ahead that must be approved.")
    min_days_between_repeats: Positive = Field(
        default=7, description="W319: days before a text repeats."
    )


class Limits(Model):
    """`limits:` of a channel: its own figures in place of the network's."""

    text: Positive | None = Field(default=None, description="W310: longest text.")
    caption: Positive | None = Field(
        default=None, description="W310: longest text of a post with media."
    )
    hashtags: Count | None = Field(default=None, description="W311: most hashtags.")
    links: Count | None = Field(default=None, description="W311: most links in the text.")


class Period(Model):
    start: DateValue
    end: DateValue

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(Code.BAD_DATE.value, "period ends before it starts")
        return self
