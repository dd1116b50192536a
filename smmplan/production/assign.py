"""Every step of every post: who does it and by when, counted back in working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smmplan.load.schema.production import Person, Step
from smmplan.model import Post, Schedule, Task
from smmplan.problems import Code, Collector
from smmplan.production.config import Production, reporter
from smmplan.production.workdays import WorkDays, away_throughout

# A post's workflow, from idea to published; `planned` (themes, greetings) has no place in it.
STATUS_ORDER = ("idea", "draft", "review", "approved", "scheduled", "published")


def tasks(production: Production, schedule: Schedule, out: Collector) -> list[Task]:
    """The tasks of the schedule's posts, sorted by due date; checks who is away throughout."""
    _check_away(production, schedule, out)
    workdays = WorkDays(production.weekdays, _holidays(production, schedule))
    rotation = Rotation(production.people)
    found: list[Task] = []
    in_day = 0
    posts = sorted(schedule.posts, key=lambda p: (p.date, p.time, p.channel, p.id))
    for n, post in enumerate(posts):
        in_day = in_day + 1 if n and posts[n - 1].date == post.date else 0
        turn = date.fromisoformat(post.date).toordinal() + in_day
        found += _post_tasks(production, workdays, rotation, post, turn, schedule.calendar.id)
    index = production.chain.index
    return sorted(found, key=lambda t: (t.due, t.post_date, t.post_time, t.channel, index[t.step]))


def applies(step: Step, post: Post) -> bool:
    """Whether a step is part of a post's production (`applies_to`, default every post)."""
    wanted = step.applies_to
    kinds = (post.format, post.source, post.network, post.channel)
    return not wanted or any(value in kinds for value in wanted)


def is_done(status: str, step: Step) -> bool:
    """Whether a post with `status` is past `step` (its `done` status or later)."""
    if status not in STATUS_ORDER:
        return False
    return STATUS_ORDER.index(status) >= STATUS_ORDER.index(step.done)


@dataclass(frozen=True)
class Rotation:
    """Turns among the people of a role, in the order `people:` lists them.

    The turn follows the post's date and its place among that day's posts, not the window
    listed, so a task keeps its person whichever window `tasks` or `build` plans.
    """

    people: dict[str, Person]

    def pick(self, role: str, owner: str, day: date, workdays: WorkDays, turn: int) -> str:
        """The post's owner when they have the role; else, from `turn` on, the first with the
        role who works on `day`; when all of them are off, the one whose turn it is."""
        able = [pid for pid, person in self.people.items() if role in person.roles]
        for pid in able:
            if owner and (pid == owner or self.people[pid].name.casefold() == owner.casefold()):
                return pid
        order = [able[(turn + k) % len(able)] for k in range(len(able))]
        free = (pid for pid in order if workdays.works(day, self.people[pid].days_off))
        return next(free, order[0])


def _post_tasks(
    production: Production,
    workdays: WorkDays,
    rotation: Rotation,
    post: Post,
    turn: int,
    calendar: str,
) -> list[Task]:
    chain = production.chain
    dates: dict[str, date] = {}
    found: list[Task] = []
    for step_id in chain.order:
        step = chain.steps[step_id]
        target = chain.before[step_id]
        anchor = date.fromisoformat(post.date) if target is None else dates[target]
        base = workdays.count_back(anchor, step.lead) or anchor
        if not applies(step, post):
            # A step a post skips still marks the time: the steps before it count from there.
            dates[step_id] = base
            continue
        pid = rotation.pick(step.role, post.owner, base, workdays, turn + chain.index[step_id])
        person = production.people[pid]
        dates[step_id] = workdays.count_back(anchor, step.lead, person.days_off) or base
        found.append(_task(post, step, pid, person, dates[step_id], calendar))
    return found


def _task(post: Post, step: Step, pid: str, person: Person, due: date, calendar: str) -> Task:
    return Task(
        calendar=calendar,
        post_id=post.id,
        title=post.title,
        channel=post.channel,
        post_date=post.date,
        post_time=post.time,
        status=post.status,
        owner=post.owner,
        step=step.id,
        step_name=step.name or step.id,
        role=step.role,
        person=pid,
        person_name=person.name or pid,
        email=person.email,
        due=due.isoformat(),
        done=is_done(post.status, step),
    )


def _holidays(production: Production, schedule: Schedule) -> frozenset[date]:
    spec = production.checked.model.holidays
    if not production.with_holidays or not spec.country:
        return frozenset()
    from smmplan.cache.holidays import holidays_between

    # Due dates run ahead of the window: take the year before it too.
    found = holidays_between(
        spec.country,
        date(schedule.start.year - 1, 1, 1),
        schedule.end,
        subdivision=spec.subdivision,
        categories=tuple(spec.categories),
        language=None,
    )
    return frozenset(found)


def _check_away(production: Production, schedule: Schedule, out: Collector) -> None:
    """W802 for a person away the whole window; E808 when a step's role has no one else."""
    report = reporter(production.checked, out)
    away = {
        pid
        for pid, person in production.people.items()
        if person.days_off and away_throughout(person.days_off, schedule.start, schedule.end)
    }
    span = f"{schedule.start} to {schedule.end}"
    for pid in sorted(away):
        report(
            ("people", pid, "days_off"),
            Code.PERSON_AWAY,
            f"'{pid}' is off for the whole window ({span}): the steps they own move to "
            "working days before their time off; check 'days_off:'",
        )
    for step in production.chain.steps.values():
        able = [pid for pid, p in production.people.items() if step.role in p.roles]
        if able and set(able) <= away:
            report(
                ("production", production.chain.index[step.id], "role"),
                Code.ROLE_AWAY,
                f"everyone with the role '{step.role}' ({', '.join(able)}) is off for the whole "
                f"window ({span}), so no one can do step '{step.id}'; add someone with the role",
            )
