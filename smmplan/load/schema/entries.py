"""What a calendar plans: themes and their variants, observances, greetings, drafts."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, model_validator

from smmplan.load.schema import about as a
from smmplan.load.schema.approval import Approval
from smmplan.load.schema.campaigns import Budget
from smmplan.load.schema.publishing import FirstComment, Media
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
    TimeValue,
    _listify,
    _one_of,
    _one_or_many,
)

_APPROVALS: Any = a.about(
    "Written by `smmplan approve`: one approval per date of the posts this entry makes.",
    [{"by": "Marta", "on": "2026-11-28", "digest": "3f2a9c1e0b7d", "date": "2026-12-07"}],
    default_factory=list,
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
    campaign: str | None = a.about(
        "Another campaign for this channel's posts.", "spring-sale", default=None
    )


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
    campaign: str = a.about(
        "The campaign it belongs to (an id of `campaigns:`).", "spring-sale", default=""
    )
    lint: Lint = a.lint()
    approvals: list[Approval] = _APPROVALS


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
    media: Media = a.about(
        "Images or videos: paths relative to the calendar repo's root, or URLs; "
        "`{path, alt}` gives alt text.",
        ["media/latte.jpg"],
        [{"path": "media/latte.jpg", "alt": "A latte with a leaf drawn in the foam"}],
        default_factory=list,
    )
    first_comment: FirstComment | None = a.about(
        "The first comment schedulers post under it (rendered like the text, with vars).",
        "Recipe in the link: {{ vars.website }}",
        default=None,
    )
    link: str = a.link()
    status: PlannedStatus = a.about(
        "Where it stands: planned (default), idea, draft, review, approved, scheduled, published.",
        "approved",
        default="planned",
    )
    campaign: str = a.about(
        "The campaign it belongs to (an id of `campaigns:`).", "spring-sale", default=""
    )
    lint: Lint = a.lint()
    approvals: list[Approval] = _APPROVALS


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
    media: Media = a.about(
        "Images or videos: paths relative to the calendar repo's root, or URLs; "
        "`{path, alt}` gives alt text.",
        ["media/latte.jpg"],
        [{"path": "media/latte.jpg", "alt": "A latte with a leaf drawn in the foam"}],
        default_factory=list,
    )
    first_comment: FirstComment | None = a.about(
        "The first comment schedulers post under it (rendered like the text, with vars).",
        "Recipe in the link: {{ vars.website }}",
        default=None,
    )
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
    budget: Budget | None = a.about(
        "A paid boost: a number, an amount with its currency, or {amount, currency}.",
        40,
        "40 EUR",
        default=None,
    )
    lint: Lint = a.lint()
    approved: Approval | None = a.about(
        "Written by `smmplan approve`: who approved the post, when, and a digest of what they "
        "saw (docs/review.md).",
        {"by": "Marta", "on": "2026-11-28", "digest": "3f2a9c1e0b7d"},
        default=None,
    )
    approvals: list[Approval] = _APPROVALS
    extra: dict[str, Any] = a.about(
        'Columns of an imported sheet that no key takes ("Notes", "Approved by"): kept, not used.',
        {"Approved by": "Ana"},
        default_factory=dict,
    )
