"""What a calendar plans: themes and their variants, observances, greetings, drafts."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, model_validator

from smmplan.load.schema import about as a
from smmplan.load.schema.settings import Lint
from smmplan.load.schema.values import (
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
    text: str | None = a.text("variant")
    template: str | None = a.template("variant")
    hashtags: Hashtags | None = a.hashtags(default=None)
    format: PostFormat | None = a.post_format(optional=True)


class Theme(_Written):
    text_required: ClassVar[bool] = True
    id: Id | None = a.entry_id("name")
    name: str = a.about("The rubric's name: the title of its posts.", "Tip Tuesday")
    days: DayList = a.about(
        "The weekdays it fills: mon…sun, full English names, daily, weekdays or weekends.",
        ["tue"],
        "weekdays",
    )
    channels: ChannelList | None = a.channels("theme")
    template: str | None = a.template("theme")
    text: str | None = a.text("theme")
    hashtags: Hashtags = a.hashtags()
    format: PostFormat = a.post_format()
    pillar: str = a.pillar()
    variants: dict[str, Variant] = a.about(
        "Per channel key (or network, when no channel key matches): another text or template, "
        "hashtags or format.",
        {"linkedin": {"template": "tip-linkedin.j2", "hashtags": []}},
        default_factory=dict,
    )
    lint: Lint = a.lint()


class _Dated(_Written):
    """Shared by entries that fall on a date, a yearly date or an RRULE."""

    rrule: RRule | None = a.rrule()
    start: DateValue | None = a.start()

    @model_validator(mode="before")
    @classmethod
    def _date_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "date", "rrule", required=True)
        return values


class Observance(_Dated):
    id: Id | None = a.entry_id("name")
    name: str = a.about("The day's name in the plans and calendar apps.", "World Coffee Day")
    date: ObservanceDate | None = a.about(
        'When it falls: `"MM-DD"` every year (quoted, two digits each) or `YYYY-MM-DD` once.',
        "10-01",
        "2026-10-01",
        default=None,
    )
    time: TimeValue | None = a.time()
    title: str | None = a.about(
        "The title of its posts and its name in the day lists; default: `name`.",
        "Happy World Coffee Day!",
        default=None,
    )
    text: str | None = a.text("observance")
    template: str | None = a.template("observance")
    hashtags: Hashtags = a.hashtags()
    channels: ChannelList | None = a.channels("observance")
    format: PostFormat = a.post_format()
    pillar: str = a.pillar()
    media: TextList = a.media()
    link: str = a.link()
    status: PlannedStatus = a.about(
        "Where it stands: planned (default), idea, draft, review, approved, scheduled, published.",
        "approved",
        default="planned",
    )
    lint: Lint = a.lint()


class Greeting(_Written):
    text_required: ClassVar[bool] = True
    template: str | None = a.template("greeting")
    text: str | None = a.text("greeting")
    channels: ChannelList | None = a.channels("greeting")
    time: TimeValue | None = a.time()
    hashtags: Hashtags = a.hashtags()
    format: PostFormat = a.post_format()
    pillar: str = a.pillar()


class Draft(_Dated):
    id: Id | None = a.entry_id("title")
    date: DateValue | None = a.about(
        "The day it posts once (`YYYY-MM-DD`); give `date` or `rrule`.", "2026-12-05", default=None
    )
    skip: Annotated[list[DateValue], BeforeValidator(_listify), _one_or_many(_TEXT)] = a.about(
        "Dates a recurring draft leaves out.", ["2026-12-25"], default_factory=list
    )
    time: TimeValue | None = a.time()
    channels: ChannelList | None = a.channels("draft")
    title: str | None = a.about(
        "The post's title (the event summary in calendar apps); default: its id.",
        "Christmas blend launch",
        default=None,
    )
    text: str | None = a.text("draft")
    template: str | None = a.template("draft")
    hashtags: Hashtags = a.hashtags()
    media: TextList = a.media()
    link: str = a.link()
    format: PostFormat = a.post_format()
    pillar: str = a.pillar()
    status: Status = a.about(
        "Where it stands: idea, draft (default), review, approved, scheduled, published.",
        "review",
        default="draft",
    )
    owner: str = a.about("Who writes or approves it.", "Marta", default="")
    campaign: str = a.about("The campaign it belongs to.", "christmas-2026", default="")
    budget: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = a.about(
        "A paid boost, in the calendar's currency (a number ≥ 0).", 40, default=None
    )
    lint: Lint = a.lint()
    extra: dict[str, Any] = a.about(
        'Columns of an imported sheet that no key takes ("Notes", "Approved by"): kept, not used.',
        {"Approved by": "Ana"},
        default_factory=dict,
    )
