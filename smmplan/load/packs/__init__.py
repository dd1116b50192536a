"""Observance packs shipped with smmplan (`holidays: {packs: [un]}`): ready-made lists of days.

Each pack is a YAML file in this folder: a header (`pack`, `title`, `source`, `checked`, the
default `text` and `status` of its posts), `days`, each an observance of the calendar format,
and `names`: the days' names in other languages, by language and day id, with `name_sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    # language -> day id -> the day's name in that language (English is each day's `name`)
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    name_sources: dict[str, str] = field(default_factory=dict)  # language -> where names are from

    def ids(self) -> list[str]:
        return [day.id or "" for day in self.days]

    def names_for(self, language: str | None) -> dict[str, str] | None:
        """The days' names in `language` (es-MX reads es); None for English or no language."""
        if not language or language.lower().split("-")[0] == "en":
            return None
        return self.names.get(_names_language(language, list(self.names)) or "", {})


# Tags that ask for Traditional Chinese: the UN's `zh` is Simplified, so it does not serve them;
# the pack's `zh-Hant` names do (zh-TW, zh-HK, zh-Hant-TW, ...).
_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def _names_language(language: str, known: list[str]) -> str | None:
    """The language of `known` that serves `language`: the same tag, else its base language."""
    by_lower = {tag.lower(): tag for tag in known}
    parts = language.lower().replace("_", "-").split("-")
    if "-".join(parts) in by_lower:
        return by_lower["-".join(parts)]
    if parts[0] == "zh" and _TRADITIONAL & set(parts[1:]):
        return by_lower.get("zh-hant")
    return by_lower.get(parts[0])


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
        names={str(lang): dict(by_id) for lang, by_id in (data.get("names") or {}).items()},
        name_sources=dict(data.get("name_sources") or {}),
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
    names: dict[str, str] | None = None,
) -> list[PackDay]:
    """The pack's days without those in `skip`, restricted to `channels` when given.

    A pack day is a suggestion: its post, when the calendar asks for one, is always an idea,
    which scheduler files never take. `names` (from `Pack.names_for`) replace English names.
    """
    update: dict[str, object] = {"status": "idea"}
    if channels:
        update["channels"] = channels
    return [
        PackDay(day.id or "", day.model_copy(update=_named(update, day, names)), path, posts)
        for day in pack.days
        if day.id not in skip
    ]


def _named(
    update: dict[str, object], day: Observance, names: dict[str, str] | None
) -> dict[str, object]:
    name = (names or {}).get(day.id or "")
    return {**update, "name": name} if name else update
