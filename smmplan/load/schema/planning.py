"""Planning beyond rubrics: the evergreen library, hashtag sets and the ideas backlog."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field, WithJsonSchema

from smmplan.load.schema.campaigns import parse_amount
from smmplan.load.schema.entries import _Written
from smmplan.load.schema.values import (
    ChannelList,
    DateValue,
    Hashtags,
    Id,
    Model,
    PostFormat,
    TextList,
    _parsed,
)
from smmplan.problems import Code


def _weight(value: str) -> Decimal:
    try:
        weight = parse_amount(value)
    except ValueError:
        weight = Decimal(0)
    if weight <= 0:
        raise ValueError(f"weight '{value}' must be a number above 0, e.g. 1, 2 or 0.5")
    return weight


def _cooldown(value: str) -> int:
    text = value.strip()
    if not text.lstrip("-").isdigit() or int(text) < 0:
        raise ValueError(f"cooldown '{value}' must be a whole number of days, 0 or more")
    return int(text)


Weight = Annotated[
    Decimal,
    _parsed(Code.BAD_WEIGHT, _weight),
    WithJsonSchema({"type": ["number", "string"], "exclusiveMinimum": 0, "examples": [1, 2]}),
]
Cooldown = Annotated[
    int,
    _parsed(Code.BAD_COOLDOWN, _cooldown),
    WithJsonSchema({"type": ["integer", "string"], "minimum": 0, "examples": [30]}),
]


class EvergreenPost(_Written):
    """A timeless post that may fill a quiet slot, again and again after its cooldown."""

    text_required: ClassVar[bool] = True
    id: Id = Field(description="Unique id; the post's source id.", examples=["grind-size"])
    title: str = Field(default="", description="Shown in views; default: the id.")
    text: str | None = Field(default=None, description="Inline text (Jinja).")
    template: str | None = Field(default=None, description="A template under templates/.")
    hashtags: Hashtags = Field(default_factory=list, examples=[["+coffee", "#Tips"]])
    media: TextList = Field(default_factory=list)
    channels: ChannelList | None = Field(default=None, description="Default: every channel.")
    format: PostFormat = "text"
    pillar: str = ""
    weight: Weight = Field(
        default=Decimal(1), description="Share of the rotation: 2 comes up twice as often as 1."
    )
    cooldown: Cooldown = Field(
        default=30, description="Days before it may post again on the same channel."
    )
    not_before: DateValue | None = Field(default=None, description="Not used before this date.")
    not_after: DateValue | None = Field(default=None, description="Not used after this date.")


class Evergreen(Model):
    """`evergreen:`: the library and whether it fills the slots themes leave free."""

    fill: bool = Field(
        default=False,
        description="Fill free slots of every channel (or set `fill_with: evergreen` per channel).",
    )
    start: DateValue | None = Field(
        default=None,
        description="The day the rotation starts; default: the calendar's period start.",
        examples=["2027-01-01"],
    )
    library: list[EvergreenPost] = Field(default_factory=list)


class Idea(Model):
    """`ideas:`: a backlog entry, not scheduled until `smmplan schedule` makes it a draft."""

    id: Id = Field(description="Unique among ideas and drafts.", examples=["latte-art-reel"])
    title: str = ""
    text: str | None = None
    channels: ChannelList | None = None
    pillar: str = ""
    campaign: str = Field(default="", description="A campaign id.", examples=["spring-sale"])
    not_before: DateValue | None = Field(default=None, description="Not scheduled before.")


HashtagSets = Annotated[
    dict[Id, Hashtags],
    Field(
        description="Named hashtag lists; `+name` in any hashtag list includes one.",
        examples=[{"coffee": ["#Coffee", "#SpecialtyCoffee"]}],
    ),
]
