"""What a calendar plans: themes and their variants, observances, greetings, drafts."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, model_validator

from smmplan.load.schema.settings import Lint
from smmplan.load.schema.types import (
    _TEXT,
    ChannelList,
    DateValue,
    DayList,
    Hashtags,
    Id,
    Model,
    ObservanceDate,
    PlannedStatus,
    PostFormat,
    RRule,
    Status,
    TextList,
    TimeValue,
    _listify,
    _one_of,
    _one_or_many,
)


class _Written(Model):
    """Entries whose text comes from inline `text` or a `template` file, never both."""

    text_required: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def _text_or_template(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "text", "template", required=cls.text_required)
        return values


class Variant(_Written):
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags | None = None
    format: PostFormat | None = None


class Theme(_Written):
    text_required: ClassVar[bool] = True
    id: Id | None = None
    name: str
    days: DayList
    channels: ChannelList | None = None
    template: str | None = None
    text: str | None = None
    hashtags: Hashtags = Field(default_factory=list)
    format: PostFormat = "text"
    pillar: str = ""
    variants: dict[str, Variant] = Field(default_factory=dict)
    lint: Lint = Field(default_factory=Lint)


class _Dated(_Written):
    """Shared by entries that fall on a date, a yearly date or an RRULE."""

    rrule: RRule | None = None
    start: DateValue | None = None

    @model_validator(mode="before")
    @classmethod
    def _date_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "date", "rrule", required=True)
        return values


class Observance(_Dated):
    id: Id | None = None
    name: str
    date: ObservanceDate | None = None
    time: TimeValue | None = None
    title: str | None = None
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags = Field(default_factory=list)
    channels: ChannelList | None = None
    format: PostFormat = "text"
    pillar: str = ""
    media: TextList = Field(default_factory=list)
    link: str = ""
    status: PlannedStatus = "planned"
    lint: Lint = Field(default_factory=Lint)


class Greeting(_Written):
    text_required: ClassVar[bool] = True
    template: str | None = None
    text: str | None = None
    channels: ChannelList | None = None
    time: TimeValue | None = None
    hashtags: Hashtags = Field(default_factory=list)
    format: PostFormat = "text"
    pillar: str = ""


class Draft(_Dated):
    id: Id | None = None
    date: DateValue | None = None
    skip: Annotated[list[DateValue], BeforeValidator(_listify), _one_or_many(_TEXT)] = Field(
        default_factory=list
    )
    time: TimeValue | None = None
    channels: ChannelList | None = None
    title: str | None = None
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags = Field(default_factory=list)
    media: TextList = Field(default_factory=list)
    link: str = ""
    format: PostFormat = "text"
    pillar: str = ""
    status: Status = "draft"
    owner: str = ""
    campaign: str = ""
    budget: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    lint: Lint = Field(default_factory=Lint)
    # Columns of an imported sheet that no field takes ("Notes", "Approved by"): kept, unused.
    extra: dict[str, Any] = Field(default_factory=dict)
