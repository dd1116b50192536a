"""The ideas backlog of calendars: loading them checked, and listing them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smmplan.problems import Collector, Problem


@dataclass
class Loaded:
    """A calendar read and checked (without expanding it), or the problems that stop it."""

    file: Path
    problems: list[Problem]
    checked: Any = None  # smmplan.load.checks.Checked when the calendar has no errors


def load(file: Path) -> Loaded:
    """Read, validate and cross-check one calendar."""
    from smmplan.load.checks import check
    from smmplan.load.schema import Calendar
    from smmplan.load.source import read_source, validate_model
    from smmplan.pipeline import validation_context

    out = Collector()
    loaded = Loaded(file, out.problems)
    source = read_source(file, out)
    model = (
        validate_model(Calendar, source.located, out, context=validation_context())
        if source
        else None
    )
    if source is None or model is None:
        return loaded
    checked = check(source, model, out)
    if not out.has_errors:
        loaded.checked = checked
    return loaded


def rows(loaded: list[Loaded]) -> list[dict[str, Any]]:
    """One row per idea, in the order the calendars and their backlogs list them."""
    found: list[dict[str, Any]] = []
    for item in loaded:
        if item.checked is None:
            continue
        for idea in item.checked.model.ideas:
            found.append(
                {
                    "calendar": item.checked.id,
                    "id": idea.id,
                    "title": idea.title or idea.id,
                    "channels": list(idea.channels or []),
                    "pillar": idea.pillar,
                    "campaign": idea.campaign,
                    "not_before": idea.not_before.isoformat() if idea.not_before else "",
                    "text": idea.text or "",
                }
            )
    return found
