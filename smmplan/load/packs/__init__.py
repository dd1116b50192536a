"""Observance packs shipped with smmplan (`holidays: {packs: [un]}`): ready-made lists of days.

Each pack is a YAML file in this folder: a header (`pack`, `title`, `source`, `checked`, the
default `text` and `status` of its posts) and `days`, each an observance of the calendar format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smmplan.load.schema import Observance


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    title: str
    source: str
    checked: str  # YYYY-MM-DD: when the days were last compared with the source
    days: tuple[Observance, ...]  # every day with its id, text and status filled in

    def ids(self) -> list[str]:
        return [day.id or "" for day in self.days]


def names() -> list[str]:
    """The names of the shipped packs, sorted."""
    folder = resources.files(__name__)
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    )


@lru_cache(maxsize=8)
def load(name: str) -> Pack:
    """The pack called `name`; ValueError when smmplan ships no such pack."""
    if name not in names():
        raise ValueError(f"no observance pack '{name}'; packs: {', '.join(names())}")
    import yaml

    text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return _pack(name, yaml.safe_load(text))


def _pack(name: str, data: dict[str, Any]) -> Pack:
    from smmplan.load.schema import Observance

    defaults = {"text": data["text"], "status": data["status"]}
    days = tuple(
        Observance.model_validate({**defaults, **entry} if "template" not in entry else entry)
        for entry in data["days"]
    )
    return Pack(
        name=name,
        title=str(data["title"]),
        source=str(data["source"]),
        checked=str(data["checked"]),
        days=days,
    )


@dataclass(frozen=True, slots=True)
class PackDay:
    """A day of a pack as one calendar uses it."""

    id: str
    entry: Observance
    path: tuple[str | int, ...]  # the calendar's `holidays.packs` entry, for problems
    posts: bool  # False (the default): the day only names the date, it takes no slot


def days_of(
    pack: Pack,
    path: tuple[str | int, ...],
    *,
    skip: set[str],
    channels: list[str] | None,
    posts: bool,
) -> list[PackDay]:
    """The pack's days without those in `skip`, restricted to `channels` when given.

    A pack day is a suggestion: its post, when the calendar asks for one, is always an idea,
    which scheduler files never take.
    """
    update: dict[str, object] = {"status": "idea"}
    if channels:
        update["channels"] = channels
    return [
        PackDay(day.id or "", day.model_copy(update=update), path, posts)
        for day in pack.days
        if day.id not in skip
    ]
