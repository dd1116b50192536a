"""The production workflow (docs/workflow.md): the steps before each post, who does them, when.

`check` runs with the calendar's other checks and gives a `Production`; `add_tasks` dates and
assigns every step of every post of a schedule and, given today, reports overdue steps.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from smmplan.problems import Collector

if TYPE_CHECKING:
    from smmplan.load.checks import Checked
    from smmplan.model import Schedule
    from smmplan.production.config import Production


def check(checked: Checked, out: Collector) -> Production | None:
    """The calendar's production workflow, checked; None when it has none (or errors)."""
    if not checked.model.production:
        return None
    from smmplan.production.config import production

    return production(checked, out)


def add_tasks(
    production: Production | None, schedule: Schedule, out: Collector, today: date | None
) -> None:
    """Fill `schedule.tasks`; with `today`, report steps that are overdue (W801)."""
    if production is None:
        return
    from smmplan.production.assign import tasks
    from smmplan.production.overdue import report_overdue

    schedule.tasks = tasks(production, schedule, out)
    if today is not None:
        report_overdue(production, schedule, today, out)
