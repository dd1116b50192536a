"""The production steps of each post in one line, for the plans a client reads."""

from __future__ import annotations

from collections import defaultdict

from smmplan.model import Task


def steps_by_post(tasks: list[Task]) -> dict[str, str]:
    """Post id → "photo 2027-03-01 (Ana) · write 2027-03-03 (Ben)", earliest step first."""
    found: dict[str, list[str]] = defaultdict(list)
    for task in sorted(tasks, key=lambda t: t.due):
        found[task.post_id].append(f"{task.step_name} {task.due} ({task.person_name})")
    return {post: " · ".join(parts) for post, parts in found.items()}
