"""The production keys of a calendar, checked: steps, roles, people and the working week."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import get_args

from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.load.schema.production import Person
from smmplan.load.schema.values import Network, PostFormat
from smmplan.problems import Code, Collector, Level
from smmplan.production.steps import Chain, Report, resolve

SOURCES = ("draft", "observance", "holiday", "theme")
MON_TO_FRI = frozenset(range(5))


@dataclass(frozen=True)
class Production:
    """A calendar's checked workflow, ready to date the steps of its posts."""

    checked: Checked
    chain: Chain
    people: dict[str, Person]
    weekdays: frozenset[int]
    with_holidays: bool


def reporter(checked: Checked, out: Collector) -> Report:
    """Report a problem at a key path of the calendar; W codes are warnings."""

    def report(path: KeyPath, code: Code, message: str) -> None:
        file, line, col = checked.source.at(path)
        level: Level = "warning" if code.value.startswith("W") else "error"
        out.add(file, line, col, code, message, level=level)

    return report


def production(checked: Checked, out: Collector) -> Production | None:
    """Check the workflow keys of `checked`; None after reporting any error."""
    model = checked.model
    errors = len([p for p in out.problems if p.level == "error"])
    report = reporter(checked, out)

    chain = resolve(model.production, report)
    _check_roles(checked, report)
    _check_applies_to(checked, report)
    if model.workdays_holidays and not model.holidays.country:
        report(
            ("workdays_holidays",),
            Code.WORKDAYS_NO_COUNTRY,
            "'workdays_holidays: true' takes the public holidays of 'holidays: {country: ..}', "
            "and this calendar names no country; add one, or remove workdays_holidays",
        )
    if chain is None or len([p for p in out.problems if p.level == "error"]) > errors:
        return None
    weekdays = (
        frozenset(day for group in model.workweek for day in group)
        if model.workweek
        else MON_TO_FRI
    )
    return Production(checked, chain, dict(model.people), weekdays, bool(model.workdays_holidays))


def _check_roles(checked: Checked, report: Report) -> None:
    model = checked.model
    staffed = {role for person in model.people.values() for role in person.roles}
    for i, step in enumerate(model.production):
        if step.role in staffed:
            continue
        hint = difflib.get_close_matches(step.role, sorted(staffed), n=1, cutoff=0.7)
        known = f"; the roles of people: are {', '.join(sorted(staffed))}" if staffed else ""
        report(
            ("production", i, "role"),
            Code.ROLE_UNSTAFFED,
            f"no one in 'people:' has the role '{step.role}' of step '{step.id}'"
            + (f" (did you mean '{hint[0]}'?)" if hint else known)
            + f"; add '{step.role}' to someone's 'roles:'",
        )


def _check_applies_to(checked: Checked, report: Report) -> None:
    model = checked.model
    known = {*get_args(PostFormat), *get_args(Network), *SOURCES, *model.channels}
    for i, step in enumerate(model.production):
        for j, value in enumerate(step.applies_to):
            if value in known:
                continue
            hint = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.7)
            report(
                ("production", i, "applies_to", j),
                Code.APPLIES_TO_UNKNOWN,
                f"'{value}' is no format, source, network or channel of this calendar, so step "
                f"'{step.id}' never applies to it"
                + (f" (did you mean '{hint[0]}'?)" if hint else ""),
            )
