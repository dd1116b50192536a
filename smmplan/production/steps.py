"""The order of the production steps: which step each one precedes, checked for cycles."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from smmplan.load.positions import KeyPath
from smmplan.load.schema.production import Step
from smmplan.problems import Code

POST = "post"  # `before: post` names the post itself

Report = Callable[[KeyPath, Code, str], None]


@dataclass(frozen=True)
class Chain:
    """The steps by id, what each precedes (None: the post), and an order that dates them:
    every step comes after the step it precedes."""

    steps: dict[str, Step]
    before: dict[str, str | None]
    order: list[str]
    index: dict[str, int]  # where each step is written in `production:`


def resolve(steps: list[Step], report: Report) -> Chain | None:
    """The chain of `steps`, or None after reporting duplicates, unknown names and cycles."""
    index: dict[str, int] = {}
    ok = True
    for i, step in enumerate(steps):
        if step.id in index:
            first = index[step.id]
            report(
                ("production", i, "id"),
                Code.DUPLICATE_STEP,
                f"step id '{step.id}' is also the id of step {first + 1} of production; "
                "give each step its own id",
            )
            ok = False
        index.setdefault(step.id, i)
    before = {step.id: _before(steps, i) for i, step in enumerate(steps)}
    for i, step in enumerate(steps):
        target = before[step.id]
        if target is not None and target not in index:
            hint = difflib.get_close_matches(target, list(index), n=1, cutoff=0.6)
            report(
                ("production", i, "before"),
                Code.STEP_UNKNOWN,
                f"'before: {target}' names no step of production; use one of "
                f"{', '.join(index)} or 'post'" + (f" (did you mean '{hint[0]}'?)" if hint else ""),
            )
            ok = False
    if not ok:
        return None
    order = _order(steps, before, index, report)
    if order is None:
        return None
    return Chain({s.id: s for s in steps}, before, order, index)


def _before(steps: list[Step], i: int) -> str | None:
    written = steps[i].before
    if written is not None:
        return None if written == POST and all(s.id != POST for s in steps) else written
    return steps[i + 1].id if i + 1 < len(steps) else None


def _order(
    steps: list[Step], before: dict[str, str | None], index: dict[str, int], report: Report
) -> list[str] | None:
    depth: dict[str, int] = {}
    for step in steps:
        path: list[str] = []
        current: str | None = step.id
        while current is not None and current not in depth:
            if current in path:
                explicit = {s.id for s in steps if s.before is not None}
                _report_cycle(path[path.index(current) :], index, explicit, report)
                return None
            path.append(current)
            current = before[current]
        base = -1 if current is None else depth[current]
        for offset, name in enumerate(reversed(path), start=1):
            depth[name] = base + offset
    return sorted(depth, key=lambda name: (depth[name], index[name]))


def _report_cycle(
    cycle: list[str], index: dict[str, int], explicit: set[str], report: Report
) -> None:
    # Reported at the first written `before:` of the circle: the one to change.
    first = min(cycle, key=lambda name: (name not in explicit, index[name]))
    loop = cycle[cycle.index(first) :] + cycle[: cycle.index(first)] + [first]
    report(
        ("production", index[first], "before"),
        Code.STEP_CYCLE,
        f"the steps go round in a circle ({' → '.join(loop)}): each step must come before a "
        "later one or the post; change one 'before:'",
    )
