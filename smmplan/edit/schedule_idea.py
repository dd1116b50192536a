"""`smmplan schedule`: an idea of the backlog becomes a dated draft in `posts:`.

The calendar file is edited in place (smmplan.edit.roundtrip): the idea leaves `ideas:` and a
draft is added at the end of `posts:`; every other byte of the file stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from smmplan.problems import Code, SmmplanError

LOOK_AHEAD = 60  # days searched for free slots to offer instead
OFFERED = 5


@dataclass(frozen=True, order=True)
class Free:
    """A slot that nothing but (maybe) an evergreen filler takes."""

    day: date
    at: time
    channel: str

    def __str__(self) -> str:
        return f"{self.day} {self.at:%H:%M} on {self.channel}"


def free_slots(file: Path, start: date, days: int) -> list[Free]:
    """Free slots of a calendar from `start` on: unfilled ones and those evergreen posts fill."""
    from smmplan.pipeline import Window, plan_one

    planned = plan_one(file, Window(start, start + timedelta(days=days - 1)))
    if planned.schedule is None:
        errors = [p.as_text() for p in planned.problems if p.level == "error"]
        raise SmmplanError("the calendar has errors; fix them first:\n" + "\n".join(errors))
    schedule = planned.schedule
    found = [Free(date.fromisoformat(u.date), _clock(u.time), u.channel) for u in schedule.unfilled]
    found += [
        Free(date.fromisoformat(p.date), _clock(p.time), p.channel)
        for p in schedule.posts
        if p.source == "evergreen"
    ]
    return sorted(found)


def _clock(text: str) -> time:
    return time.fromisoformat(text)


def schedule(
    checked: Any, idea_id: str, day: date, at: time | None, channel: str | None
) -> dict[str, Any]:
    """Move the idea into `posts:` as a draft on `day`; return the draft as written."""
    from smmplan.edit.roundtrip import Document

    model = checked.model
    index = next((i for i, idea in enumerate(model.ideas) if idea.id == idea_id), None)
    if index is None:
        known = ", ".join(idea.id for idea in model.ideas) or "none"
        raise SmmplanError(f"no idea '{idea_id}' in {checked.source.file} (ideas: {known})")
    idea = model.ideas[index]
    if idea.not_before and day < idea.not_before:
        raise SmmplanError(f"idea '{idea_id}' is not to be scheduled before {idea.not_before}")
    channels = [channel] if channel else list(idea.channels or model.channels)
    for name in channels:
        if name not in model.channels:
            raise SmmplanError(f"unknown channel '{name}' (channels: {', '.join(model.channels)})")
    _require_free(checked.source.file, day, at, channels)
    draft = _draft(idea, day, at, channels if channel or idea.channels else None)
    document = Document.read(checked.source.file)
    document.remove_item(("ideas",), index)
    document.append_item(("posts",), draft)
    document.write()
    return draft


def _require_free(file: Path, day: date, at: time | None, channels: list[str]) -> None:
    free = free_slots(file, day, LOOK_AHEAD)
    missing = [
        name
        for name in channels
        if not any(s.day == day and s.channel == name and at in (None, s.at) for s in free)
    ]
    if not missing:
        return
    offered = [s for s in free if s.channel in channels and s.day >= day][:OFFERED]
    when = f"{day} {at:%H:%M}" if at else str(day)
    raise SmmplanError(
        f"{Code.NO_FREE_SLOT.value}: no free slot at {when} on {', '.join(missing)}; "
        + (
            "next free slots: " + "; ".join(map(str, offered))
            if offered
            else f"no free slot in the next {LOOK_AHEAD} days"
        )
    )


def _draft(idea: Any, day: date, at: time | None, channels: list[str] | None) -> dict[str, Any]:
    draft: dict[str, Any] = {"id": idea.id}
    if idea.title:
        draft["title"] = idea.title
    draft["date"] = day
    if at is not None:
        draft["time"] = f"{at:%H:%M}"
    if channels:
        draft["channels"] = channels
    if idea.text:
        draft["text"] = idea.text
    for key in ("pillar", "campaign"):
        if getattr(idea, key):
            draft[key] = getattr(idea, key)
    draft["status"] = "draft"
    return draft
