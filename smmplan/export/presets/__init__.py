"""Scheduler presets: one module per scheduler that registers a `Preset` (docs/presets.md).

A preset is the CSV a scheduler's bulk upload reads, with its rules as data. A third-party
package adds one through the entry point group `smmplan.presets`, whose object is a module
that registers itself or a `Preset`. `build --preset` choices and the schema's scheduler
names come from `presets()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from smmplan import plugins
from smmplan.model import Post, Schedule

ENTRY_POINTS = "smmplan.presets"

# The cells of one post; `media` are the URLs the scheduler fetches (media_base_url applied).
Row = Callable[[Post, list[str]], list[str]]


@dataclass(frozen=True)
class Preset:
    """One scheduler's bulk-upload CSV and the rules an upload must keep."""

    name: str
    tool: str  # the scheduler's name as users know it
    header: tuple[str, ...]  # empty: the file has no header row
    date_format: str  # strftime pattern of the local posting time
    row: Row
    per_channel: bool = False  # one file per profile/channel
    max_rows: int | None = None  # posts in one upload file
    minute_step: int | None = None  # minutes must be a multiple of this
    min_gap_minutes: int | None = None  # between two posts of one file
    max_media: int | None = None  # media items per post
    # Plans a calendar may declare, with the most posts per channel in one upload (None: none).
    plans: Mapping[str, int | None] = field(default_factory=dict)
    lead_minutes: int = 0  # posts must be at least this far after the start of today
    refused_media: tuple[str, ...] = ()  # file extensions the upload refuses
    public_urls: bool = True  # media must be public URLs
    order: int = 100

    def when(self, post: Post, pattern: str | None = None) -> str:
        """The post's local date and time in this preset's (or `pattern`'s) format."""
        moment = datetime.strptime(f"{post.date} {post.time}", "%Y-%m-%d %H:%M")
        return moment.strftime(pattern or self.date_format)


_PRESETS: plugins.Registry[Preset] = plugins.Registry(
    "scheduler presets",
    ENTRY_POINTS,
    __name__,
    Preset,
    lambda module: module not in ("rules", "selection"),
)
register = _PRESETS.register


def presets() -> dict[str, Preset]:
    """Every preset, built-in and from plugins, in display order."""
    return _PRESETS.all()


def schedulers() -> dict[str, Preset]:
    """The presets a calendar may name in `scheduler:` (those with plans)."""
    return {name: preset for name, preset in presets().items() if preset.plans}


def get(name: str) -> Preset:
    """The preset called `name`; ValueError names the known ones."""
    found = presets().get(name.strip().lower())
    if found is None:
        raise ValueError(f"unknown preset '{name}'; use one of {', '.join(presets())}")
    return found


def first(items: list[str]) -> str:
    return items[0] if items else ""


def labels(post: Post) -> list[str]:
    """A post's campaign and pillar: what schedulers call tags or labels."""
    return [tag for tag in (post.campaign, post.pillar) if tag]


def to_csv(preset: Preset, schedule: Schedule, posts: list[Post], *, bom: bool = False) -> bytes:
    """The bytes of one preset file: RFC 4180, CRLF, UTF-8, cells as the scheduler reads them.

    No formula-neutralising quote is added: a scheduler would publish it as part of the text.
    """
    from smmplan.export.presets.selection import media_urls
    from smmplan.export.to_csv import write_rows

    rows = (preset.row(post, media_urls(post, schedule)) for post in posts)
    return write_rows(preset.header, rows, bom=bom)


def header_bytes(preset: Preset) -> bytes:
    """The first bytes of a file of this preset (nothing for a file without a header)."""
    from smmplan.export.to_csv import write_rows

    return write_rows(preset.header, [], bom=False)


def formula_like(posts: list[Post]) -> list[Post]:
    """Posts whose text starts like a spreadsheet formula (`= + - @`)."""
    return [post for post in posts if post.text.startswith(("=", "+", "-", "@"))]
