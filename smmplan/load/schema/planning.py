"""Planning beyond rubrics: the evergreen library, hashtag sets and the ideas backlog."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field, WithJsonSchema

from smmplan.load.schema.about import new_list
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
    title: str = Field(
        default="", description="Shown in views; default: the id.", examples=["Grind size"]
    )
    text: str | None = Field(
        default=None,
        description="Inline text (Jinja); give `text` or `template`.",
        examples=["Fine grind for espresso, coarse for the French press."],
    )
    template: str | None = Field(
        default=None,
        description="A template under templates/; give `template` or `text`.",
        examples=["grind-size.j2"],
    )
    hashtags: Hashtags = Field(
        default_factory=new_list,
        description="Hashtags added to its text; `+name` includes a hashtag set.",
        examples=[["+coffee", "#Tips"]],
    )
    media: TextList = Field(
        default_factory=new_list,
        description="Images or videos: paths relative to the repo's root, or URLs.",
        examples=[["media/grinder.jpg"]],
    )
    channels: ChannelList | None = Field(
        default=None, description="Default: every channel.", examples=[["instagram"]]
    )
    format: PostFormat = Field(
        default="text",
        description="The kind of post: text, photo, video, carousel, story, reel, poll, link, "
        "audio or live.",
        examples=["photo"],
    )
    pillar: str = Field(
        default="", description="Content category, for balance in `stats`.", examples=["tips"]
    )
    weight: Weight = Field(
        default=Decimal(1), description="Share of the rotation: 2 comes up twice as often as 1."
    )
    cooldown: Cooldown = Field(
        default=30, description="Days before it may post again on the same channel."
    )
    not_before: DateValue | None = Field(
        default=None, description="Not used before this date.", examples=["2027-01-01"]
    )
    not_after: DateValue | None = Field(
        default=None, description="Not used after this date.", examples=["2027-12-31"]
    )


class Evergreen(Model):
    """`evergreen:`: the library and whether it fills the slots themes leave free."""

    fill: bool = Field(
        default=False,
        description="Fill free slots of every channel (or set `fill_with: evergreen` per channel).",
        examples=[True],
    )
    start: DateValue | None = Field(
        default=None,
        description="The day the rotation starts; default: the calendar's period start.",
        examples=["2027-01-01"],
    )
    library: list[EvergreenPost] = Field(
        default_factory=new_list,
        description="The timeless posts that take turns in the free slots.",
        examples=[[{"id": "grind-size", "text": "Fine for espresso, coarse for the press."}]],
    )


class Idea(Model):
    """`ideas:`: a backlog entry, not scheduled until `smmplan schedule` makes it a draft."""

    id: Id = Field(description="Unique among ideas and drafts.", examples=["latte-art-reel"])
    title: str = Field(default="", description="What the idea is.", examples=["Latte art reel"])
    text: str | None = Field(
        default=None, description="A first draft of its text.", examples=["Three steps to a heart"]
    )
    channels: ChannelList | None = Field(
        default=None,
        description="Where it would post; default: every channel.",
        examples=[["instagram"]],
    )
    pillar: str = Field(default="", description="Content category.", examples=["education"])
    campaign: str = Field(default="", description="A campaign id.", examples=["spring-sale"])
    not_before: DateValue | None = Field(
        default=None, description="Not scheduled before.", examples=["2027-05-01"]
    )


HashtagSets = Annotated[
    dict[Id, Hashtags],
    Field(
        description="Named hashtag lists; `+name` in any hashtag list includes one.",
        examples=[{"coffee": ["#Coffee", "#SpecialtyCoffee"]}],
    ),
]
