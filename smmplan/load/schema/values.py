"""Value types of the calendar format, parsed from text; an error's type is its problem code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from datetime import time as Time
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from smmplan.load import vocab
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
    from smmplan.load.zones import check_zone

    return check_zone(value)


def _rrule(value: str) -> str:
    from smmplan.load.recurrence import check_rrule

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


def _hashtag_or_set(value: str) -> str:
    # `+name` includes a hashtag set (`hashtag_sets:`), expanded where posts are made.
    text = value.strip()
    if text.startswith("+"):
        return "+" + vocab.parse_id(text[1:])
    return vocab.parse_hashtag(value)


Hashtag = Annotated[str, _parsed(Code.BAD_HASHTAG, _hashtag_or_set)]


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


Id = Annotated[str, _parsed(Code.BAD_ID, vocab.parse_id)]


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
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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
            Code.SCHEMA.value,
            "give either '{a}' or '{b}', not both: remove one of them",
            {"a": first, "b": second},
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

# Codes about a channel (a quiet channel, its format mix, its unfilled slots) or the whole
# calendar (pack day names): no one entry makes them, so an entry's `lint:` cannot turn them
# off; `rules: {disable: [...]}` can.
CALENDAR_WIDE: tuple[str, ...] = ("W314", "W315", "W320", "W322")
ENTRY_LINT_CODES: tuple[str, ...] = tuple(c for c in LINT_CODES if c not in CALENDAR_WIDE)


def _entry_lint_code(value: str) -> str:
    if value in CALENDAR_WIDE:
        raise ValueError(
            f"{value} is about a channel or the whole calendar, not one entry, so an entry "
            f"cannot turn it off; write it under the calendar's rules: {{disable: [{value}]}}"
        )
    return _lint_code(value)


EntryLintCodes = Annotated[
    list[Annotated[str, _parsed(Code.SCHEMA, _entry_lint_code)]],
    BeforeValidator(_listify),
    _one_or_many({"enum": list(ENTRY_LINT_CODES)}),
]


Count = Annotated[int, Field(ge=0)]


Positive = Annotated[int, Field(ge=1)]
