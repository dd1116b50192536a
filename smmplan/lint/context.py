"""What every rule sees: the schedule, the calendar, its settings, and where things are."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smmplan.load import schema
from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.model import Post, Schedule


@dataclass(frozen=True)
class Finding:
    """One lint result: at a post (its entry's position), at a channel's key, or at a value
    of the calendar (`at`, a key path) that belongs to `entry`."""

    message: str
    post: Post | None = None
    channel: str | None = None
    at: KeyPath | None = None
    entry: Any = None


@dataclass
class Context:
    checked: Checked
    schedule: Schedule
    today: date | None  # None: the rules that depend on the date do not run
    # Posts whose text, hashtag and link limits a declared scheduler checked (E508), by id.
    limits_checked: frozenset[str] = frozenset()
    _by_channel: dict[str, list[Post]] = field(default_factory=dict)

    def unmeasured(self) -> Iterator[Post]:
        """The posts whose network limits no declared scheduler has measured already."""
        checked = self.limits_checked
        return (post for post in self.posts if post.id not in checked)

    @property
    def rules(self) -> schema.Rules:
        return self.checked.model.rules

    @property
    def posts(self) -> list[Post]:
        return self.schedule.posts

    def channel(self, key: str) -> schema.Channel:
        return self.checked.model.channels[key]

    def by_channel(self) -> Iterator[tuple[str, list[Post]]]:
        """Every channel of the calendar with its posts in time order (maybe none)."""
        if not self._by_channel:
            self._by_channel = {key: [] for key in self.checked.model.channels}
            for post in self.posts:
                self._by_channel[post.channel].append(post)
        yield from self._by_channel.items()

    def entry(self, post: Post) -> Any:
        """The theme, observance or draft that produced `post` (None for greetings)."""
        c, m = self.checked, self.checked.model
        table: dict[str, tuple[list[str], list[Any]]] = {
            "theme": (c.theme_ids, list(m.themes)),
            "observance": (c.observance_ids, list(m.holidays.observances)),
            "draft": (c.draft_ids, list(m.posts)),
        }
        ids, entries = table.get(post.source, ([], []))
        return entries[ids.index(post.source_id)] if post.source_id in ids else None
