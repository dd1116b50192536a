"""The calendar format (SPEC section 2) as pydantic models.

Values arrive as text from the loader; the annotated types below parse them and raise
errors whose type is the stable problem code, so positions and codes map back directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from datetime import time as Time
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from smmplan import vocab
from smmplan.problems import Code


def _parsed(code: Code, parse: Callable[[str], Any]) -> BeforeValidator:
    def validate(value: Any) -> Any:
        if not isinstance(value, str):
            raise PydanticCustomError(Code.SCHEMA.value, "expected a text value here")
        try:
            return parse(value)
        except ValueError as exc:
            raise PydanticCustomError(code.value, "{reason}", {"reason": str(exc)}) from None

    return BeforeValidator(validate)


def _zone(value: str) -> str:
    from smmplan.zones import check_zone

    return check_zone(value)


def _rrule(value: str) -> str:
    from smmplan.recurrence import check_rrule

    return check_rrule(value)


def _pattern(regex: Any, what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not regex.fullmatch(value):
            raise ValueError(f"'{value}' is not a valid {what}")
        return value

    return check


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _hashtag_list(value: Any) -> Any:
    # "#a #b" as one string is a common shorthand for a list.
    return value.split() if isinstance(value, str) else value


def _one_or_many(item: dict[str, Any], *, min_items: int = 0) -> WithJsonSchema:
    """JSON Schema for editors: one value or a list of them, as `_listify` accepts."""
    many: dict[str, Any] = {"type": "array", "items": item}
    if min_items:
        many["minItems"] = min_items
    return WithJsonSchema({"anyOf": [item, many]})


_TEXT: dict[str, Any] = {"type": "string"}
DateValue = Annotated[Date, _parsed(Code.BAD_DATE, vocab.parse_date)]
ObservanceDate = Annotated[
    Date | vocab.YearlyDate,
    _parsed(Code.BAD_DATE, vocab.parse_observance_date),
    WithJsonSchema({"type": "string", "description": '"MM-DD" every year, or YYYY-MM-DD'}),
]
_TIME_TEXT: dict[str, Any] = {"type": "string", "pattern": "^[0-9]{1,2}:[0-9]{2}$"}
TimeValue = Annotated[Time, _parsed(Code.BAD_TIME, vocab.parse_time), WithJsonSchema(_TIME_TEXT)]
DayValue = Annotated[
    list[int],
    _parsed(Code.BAD_DAY, vocab.parse_days),
    WithJsonSchema({"type": "string", "description": "mon…sun, daily, weekdays, weekends"}),
]
DayList = Annotated[
    list[DayValue],
    BeforeValidator(_listify),
    Field(min_length=1),
    _one_or_many(_TEXT, min_items=1),
]
Hashtag = Annotated[str, _parsed(Code.BAD_HASHTAG, vocab.parse_hashtag)]
Hashtags = Annotated[list[Hashtag], BeforeValidator(_hashtag_list), _one_or_many(_TEXT)]
TextList = Annotated[list[str], BeforeValidator(_listify), _one_or_many(_TEXT)]
Zone = Annotated[str, _parsed(Code.BAD_TIMEZONE, _zone)]
RRule = Annotated[str, _parsed(Code.BAD_RRULE, _rrule)]
Language = Annotated[
    str,
    _parsed(
        Code.SCHEMA,
        _pattern(vocab.LANGUAGE_RE, "language code: use e.g. ca, nl, en-GB, zh-Hant"),
    ),
]
Id = Annotated[str, _parsed(Code.BAD_ID, _pattern(vocab.ID_RE, "id: use a-z, 0-9 and '-'"))]
ChannelKey = Annotated[
    str, _parsed(Code.BAD_ID, _pattern(vocab.CHANNEL_RE, "channel key: use a-z, 0-9, '_', '-'"))
]
ChannelList = Annotated[
    list[ChannelKey],
    BeforeValidator(_listify),
    Field(min_length=1),
    _one_or_many(_TEXT, min_items=1),
]
Network = Literal[
    "instagram",
    "facebook",
    "x",
    "threads",
    "bluesky",
    "mastodon",
    "linkedin",
    "tiktok",
    "youtube",
    "pinterest",
    "telegram",
    "vk",
    "other",
]
PostFormat = Literal[
    "text", "photo", "video", "carousel", "story", "reel", "poll", "link", "audio", "live"
]
Status = Literal["idea", "draft", "review", "approved", "scheduled", "published"]
# Observances and greetings are planned until someone gives them a workflow status.
PlannedStatus = Literal["planned", "idea", "draft", "review", "approved", "scheduled", "published"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_not_given(cls, values: Any) -> Any:
        # `account:`, `account: ~` and `account: null` mean "not given": the default applies.
        if isinstance(values, dict):
            return {key: value for key, value in values.items() if value is not None}
        return values


def _one_of(values: dict[str, Any], first: str, second: str, *, required: bool) -> None:
    given = [k for k in (first, second) if values.get(k) is not None]
    if len(given) == 2:
        raise PydanticCustomError(
            Code.SCHEMA.value, "give either '{a}' or '{b}', not both", {"a": first, "b": second}
        )
    if required and not given:
        raise PydanticCustomError(
            Code.SCHEMA.value, "give '{a}' or '{b}'", {"a": first, "b": second}
        )


def _lint_code(value: str) -> str:
    if value not in LINT_CODES:
        raise ValueError(f"'{value}' is not a lint code; use one of {', '.join(LINT_CODES)}")
    return value


LINT_CODES: tuple[str, ...] = tuple(c.value for c in Code if "W310" <= c.value <= "W399")
LintCode = Annotated[str, _parsed(Code.SCHEMA, _lint_code)]
LintCodes = Annotated[
    list[LintCode], BeforeValidator(_listify), _one_or_many({"enum": list(LINT_CODES)})
]
Count = Annotated[int, Field(ge=0)]
Positive = Annotated[int, Field(ge=1)]


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


class Blackout(Model):
    date: DateValue
    reason: str = ""


class PackUse(Model):
    """An observance pack (`un`) and how a calendar uses it; a bare name is `{name: un}`."""

    name: str
    skip: TextList = []  # ids of days to leave out
    channels: ChannelList | None = None
    posts: bool = True  # false: the days only name the calendar's days, no posts


class Holidays(Model):
    country: str | None = None
    subdivision: str | None = None
    language: Language = ""  # holiday names only; default: the calendar's language
    categories: TextList = Field(default_factory=list)
    on_holiday: Literal["skip", "keep"] = "skip"
    greeting: Greeting | None = None
    observances: list[Observance] = Field(default_factory=list)
    packs: Annotated[list[str | PackUse], BeforeValidator(_listify)] = Field(default_factory=list)
    blackout: list[Blackout] = Field(default_factory=list)

    def pack_uses(self) -> list[PackUse]:
        """`packs`, with a bare name read as `{name: ...}`."""
        return [PackUse(name=use) if isinstance(use, str) else use for use in self.packs]


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


class Calendar(Model):
    smmplan: Literal["1"]
    id: Id | None = None
    name: str
    timezone: Zone
    language: Language = ""
    period: Period | None = None
    vars: dict[str, Any] = Field(default_factory=dict)
    include: TextList = Field(default_factory=list)
    channels: dict[ChannelKey, Channel] = Field(min_length=1)
    themes: list[Theme] = Field(default_factory=list)
    holidays: Holidays = Field(default_factory=Holidays)
    posts: list[Draft] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)


class FragmentHolidays(Model):
    observances: list[Observance] = Field(default_factory=list)
    blackout: list[Blackout] = Field(default_factory=list)


class Fragment(Model):
    """What an `include:` file may hold."""

    vars: dict[str, Any] = Field(default_factory=dict)
    themes: list[Theme] = Field(default_factory=list)
    holidays: FragmentHolidays = Field(default_factory=FragmentHolidays)
    posts: list[Draft] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
