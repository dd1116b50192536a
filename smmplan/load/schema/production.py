"""The production workflow: steps before each post, the people who do them, working days."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

from smmplan.load import vocab
from smmplan.load.schema.about import about
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

    id: Id = about("Unique among the steps; names the task in task lists and ICS.", "shoot")
    name: str = about(
        "What task lists and plans call it; default: the id.", "Photo shoot", default=""
    )
    role: str = about("Who can do it: someone in `people` must have this role.", "photographer")
    lead: Lead = about(
        "Working days before the step it precedes (or the post): a whole number, 0 or more.",
        2,
        default=0,
    )
    before: Id | None = about(
        "The step this one precedes, or `post`; default: the next one listed (the last: the post).",
        "approve",
        default=None,
    )
    applies_to: TextList = about(
        "The posts that need it: formats, sources, networks or channel keys; default: every post.",
        ["photo", "carousel", "reel"],
        "draft",
        default_factory=list,
    )
    done: Status = about(
        "The post's status once this step is done; an earlier status after its due date is "
        "overdue (W801).",
        "review",
        default="approved",
    )


class Person(Model):
    """One entry of `people:`: who they are, what they do and when they are away."""

    name: str = about("Shown in task lists and plans; default: the key.", "Meera", default="")
    roles: TextList = about(
        "The steps' roles this person does.", ["writer", "photographer"], default_factory=list
    )
    email: str = about(
        "Added to their tasks in `smmplan tasks --format ics`.", "meera@agency.example", default=""
    )
    days_off: Annotated[list[DaysOff], BeforeValidator(_listify), _one_or_many(_TEXT)] = about(
        "Days away: dates, or `YYYY-MM-DD..YYYY-MM-DD` ranges (both ends included).",
        ["2026-12-24..2026-12-31", "2027-01-06"],
        default_factory=list,
    )


class Workflow(Model):
    """The keys of a calendar, or of a fragment shared by several, that plan its production."""

    production: list[Step] = about(
        "The steps every post goes through before it is published, each dated in working days "
        "and given to a person (`smmplan tasks`).",
        [{"id": "write", "name": "Copy", "role": "writer", "lead": 1, "done": "review"}],
        default_factory=list,
    )
    people: dict[Id, Person] = about(
        "The team, by key: their roles, email and days off.",
        {"meera": {"name": "Meera", "roles": ["writer"], "email": "meera@agency.example"}},
        default_factory=dict,
    )
    workweek: DayList | None = about(
        "The days the team works; default: monday to friday.",
        ["mon", "tue", "wed", "thu", "fri", "sat"],
        default=None,
    )
    workdays_holidays: bool | None = about(
        "Public holidays of `holidays.country` are days off too (needs the country); "
        "default: false.",
        True,
        default=None,
    )
