"""The calendar format (SPEC section 2) as pydantic models.

Values arrive as text from the loader; the annotated types below parse them and raise
errors whose type is the stable problem code, so positions and codes map back directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from datetime import time as Time
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
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


DateValue = Annotated[Date, _parsed(Code.BAD_DATE, vocab.parse_date)]
ObservanceDate = Annotated[
    Date | vocab.YearlyDate, _parsed(Code.BAD_DATE, vocab.parse_observance_date)
]
TimeValue = Annotated[Time, _parsed(Code.BAD_TIME, vocab.parse_time)]
DayValue = Annotated[list[int], _parsed(Code.BAD_DAY, vocab.parse_days)]
DayList = Annotated[list[DayValue], BeforeValidator(_listify), Field(min_length=1)]
Hashtag = Annotated[str, _parsed(Code.BAD_HASHTAG, vocab.parse_hashtag)]
Hashtags = Annotated[list[Hashtag], BeforeValidator(_hashtag_list)]
Zone = Annotated[str, _parsed(Code.BAD_TIMEZONE, _zone)]
RRule = Annotated[str, _parsed(Code.BAD_RRULE, _rrule)]
Id = Annotated[str, _parsed(Code.BAD_ID, _pattern(vocab.ID_RE, "id: use a-z, 0-9 and '-'"))]
ChannelKey = Annotated[
    str, _parsed(Code.BAD_ID, _pattern(vocab.CHANNEL_RE, "channel key: use a-z, 0-9, '_', '-'"))
]
ChannelList = Annotated[list[ChannelKey], BeforeValidator(_listify), Field(min_length=1)]
Text = Annotated[str, BeforeValidator(lambda v: v)]
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
    times: Annotated[list[TimeValue], BeforeValidator(_listify), Field(min_length=1)]

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


class Variant(Model):
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags | None = None
    format: PostFormat | None = None

    @model_validator(mode="before")
    @classmethod
    def _text_or_template(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "text", "template", required=False)
        return values


class Theme(Model):
    id: Id | None = None
    name: str
    days: DayList
    channels: ChannelList | None = None
    template: str | None = None
    text: str | None = None
    hashtags: Hashtags = []
    format: PostFormat = "text"
    pillar: str = ""
    variants: dict[str, Variant] = {}

    @model_validator(mode="before")
    @classmethod
    def _text_or_template(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "text", "template", required=True)
        return values


class _Dated(Model):
    """Shared by entries that fall on a date, a yearly date or an RRULE."""

    rrule: RRule | None = None
    start: DateValue | None = None


class Observance(_Dated):
    id: Id | None = None
    name: str
    date: ObservanceDate | None = None
    time: TimeValue | None = None
    title: str | None = None
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags = []
    channels: ChannelList | None = None
    format: PostFormat = "text"
    pillar: str = ""
    media: Annotated[list[str], BeforeValidator(_listify)] = []
    link: str = ""
    status: PlannedStatus = "planned"

    @model_validator(mode="before")
    @classmethod
    def _date_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "date", "rrule", required=True)
            _one_of(values, "text", "template", required=False)
        return values


class Greeting(Model):
    template: str | None = None
    text: str | None = None
    channels: ChannelList | None = None
    time: TimeValue | None = None
    hashtags: Hashtags = []
    format: PostFormat = "text"
    pillar: str = ""

    @model_validator(mode="before")
    @classmethod
    def _text_or_template(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "text", "template", required=True)
        return values


class Blackout(Model):
    date: DateValue
    reason: str = ""


class Holidays(Model):
    country: str | None = None
    subdivision: str | None = None
    categories: Annotated[list[str], BeforeValidator(_listify)] = []
    on_holiday: Literal["skip", "keep"] = "skip"
    greeting: Greeting | None = None
    observances: list[Observance] = []
    blackout: list[Blackout] = []


class Draft(_Dated):
    id: Id | None = None
    date: DateValue | None = None
    skip: Annotated[list[DateValue], BeforeValidator(_listify)] = []
    time: TimeValue | None = None
    channels: ChannelList | None = None
    title: str | None = None
    text: str | None = None
    template: str | None = None
    hashtags: Hashtags = []
    media: Annotated[list[str], BeforeValidator(_listify)] = []
    link: str = ""
    format: PostFormat = "text"
    pillar: str = ""
    status: Status = "draft"
    owner: str = ""
    campaign: str = ""
    budget: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _date_or_rrule(cls, values: Any) -> Any:
        if isinstance(values, dict):
            _one_of(values, "date", "rrule", required=True)
            _one_of(values, "text", "template", required=False)
        return values


class Calendar(Model):
    smmplan: Literal["1"]
    id: Id | None = None
    name: str
    timezone: Zone
    language: str = ""
    period: Period | None = None
    vars: dict[str, Any] = {}
    include: Annotated[list[str], BeforeValidator(_listify)] = []
    channels: dict[ChannelKey, Channel] = Field(min_length=1)
    themes: list[Theme] = []
    holidays: Holidays = Holidays()
    posts: list[Draft] = []
    rules: dict[str, Any] = {}


class FragmentHolidays(Model):
    observances: list[Observance] = []
    blackout: list[Blackout] = []


class Fragment(Model):
    """What an `include:` file may hold."""

    vars: dict[str, Any] = {}
    themes: list[Theme] = []
    holidays: FragmentHolidays = FragmentHolidays()
    posts: list[Draft] = []
    rules: dict[str, Any] = {}
