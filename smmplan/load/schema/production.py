"""The production workflow: steps before each post, the people who do them, working days."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from smmplan.load import vocab
from smmplan.load.schema.values import (
    _TEXT,
    DayList,
    Id,
    Model,
    Status,
    TextList,
    _listify,
    _one_or_many,
    _parsed,
)
from smmplan.problems import Code

_WHOLE = re.compile(r"\d{1,3}")


def _lead(value: str) -> int:
    if not _WHOLE.fullmatch(value.strip()):
        raise ValueError(
            f"lead '{value}' is not a whole number of working days; write 0 to 999, e.g. 2"
        )
    return int(value)


def _off(value: str) -> tuple[date, date]:
    """A day off, `YYYY-MM-DD`, or a range of them, `YYYY-MM-DD..YYYY-MM-DD` (both included)."""
    first, sep, last = value.partition("..")
    start = vocab.parse_date(first)
    end = vocab.parse_date(last) if sep else start
    if end < start:
        raise ValueError(f"'{value}' ends before it starts; write the earlier date first")
    return start, end


Lead = Annotated[
    int,
    _parsed(Code.BAD_LEAD, _lead),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string"}]}),
]


DaysOff = Annotated[
    tuple[date, date],
    _parsed(Code.BAD_DATE, _off),
    WithJsonSchema({"type": "string", "description": "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD"}),
]


class Step(Model):
    """One step of `production:`, due `lead` working days before the next step or the post."""

    id: Id
    name: str = ""
    role: str
    lead: Lead = 0
    before: Id | None = Field(
        default=None, description="The step this one precedes; default: the next one listed."
    )
    applies_to: TextList = Field(
        default_factory=list, description="Formats, sources, networks or channels; default all."
    )
    done: Status = Field(
        default="approved", description="The post's status once this step is done."
    )


class Person(Model):
    """One entry of `people:`: who they are, what they do and when they are away."""

    name: str = ""
    roles: TextList = Field(default_factory=list)
    email: str = ""
    days_off: Annotated[list[DaysOff], BeforeValidator(_listify), _one_or_many(_TEXT)] = Field(
        default_factory=list
    )


class Workflow(Model):
    """The keys of a calendar, or of a fragment shared by several, that plan its production."""

    production: list[Step] = Field(default_factory=list)
    people: dict[Id, Person] = Field(default_factory=dict)
    workweek: DayList | None = None  # not given: mon-fri
    workdays_holidays: bool | None = None  # not given: false
