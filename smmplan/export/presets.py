"""CSV presets for the bulk upload of schedulers: columns, date format and rules as data.

Sources and the date each was read are in docs/presets.md; a rule here is either documented
by the tool or follows from its format (one image URL column takes one URL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smmplan.model import POST_FIELDS, Post, Schedule, not_ideas
from smmplan.problems import Code, Collector, Problem

if TYPE_CHECKING:
    from smmplan.load.positions import KeyPath

Row = Callable[[Post], list[str]]


@dataclass(frozen=True)
class Violation:
    """A post that breaks one rule of a preset."""

    post: Post
    rule: str  # the preset's name for the rule, e.g. "5-minute grid"
    message: str


@dataclass(frozen=True)
class Preset:
    """One scheduler's bulk-upload CSV."""

    name: str
    tool: str  # the scheduler's name as users know it
    header: tuple[str, ...]  # empty: the file has no header row
    date_format: str  # strftime pattern of the local posting time
    row: Row
    per_channel: bool = False  # one file per profile/channel
    max_rows: int | None = None
    minute_step: int | None = None  # minutes must be a multiple of this
    min_gap_minutes: int | None = None  # between two posts of one file
    max_media: int | None = None


def _when(post: Post, pattern: str) -> str:
    return datetime.strptime(f"{post.date} {post.time}", "%Y-%m-%d %H:%M").strftime(pattern)


def _first(items: list[str]) -> str:
    return items[0] if items else ""


def _generic_row(post: Post) -> list[str]:
    # The standard CSV's cells; neutralising is done once, in to_csv, for every preset.
    from smmplan.export.to_csv import post_row

    return post_row(post, safe=False)


def _hootsuite_row(post: Post) -> list[str]:
    return [_when(post, HOOTSUITE.date_format), post.text, post.link]


def _buffer_row(post: Post) -> list[str]:
    tags = ",".join(tag for tag in (post.campaign, post.pillar) if tag)
    return [post.text, _first(post.media), tags, _when(post, BUFFER.date_format)]


def _sprout_row(post: Post) -> list[str]:
    return [
        _when(post, "%d/%m/%Y"),
        _when(post, "%H:%M"),
        post.text,
        post.link,
        _first(post.media),
    ]


def _publer_row(post: Post) -> list[str]:
    return [_when(post, PUBLER.date_format), post.text, post.link, ",".join(post.media)]


GENERIC = Preset("generic", "any scheduler", POST_FIELDS, "%Y-%m-%d %H:%M", _generic_row)
HOOTSUITE = Preset(
    "hootsuite",
    "Hootsuite",
    (),
    "%m/%d/%Y %H:%M",
    _hootsuite_row,
    per_channel=True,
    max_rows=350,
    minute_step=5,
)
BUFFER = Preset(
    "buffer",
    "Buffer",
    ("Text", "Image URL", "Tags", "Posting Time"),
    "%Y-%m-%d %H:%M",
    _buffer_row,
    per_channel=True,
    max_media=1,
)
SPROUT = Preset(
    "sprout",
    "Sprout Social",
    ("date", "time_24hr", "message_text", "link", "image_url"),
    "%d/%m/%Y %H:%M",
    _sprout_row,
    per_channel=True,
    max_rows=350,
    min_gap_minutes=10,
    max_media=1,
)
PUBLER = Preset(
    "publer",
    "Publer",
    ("Date", "Text", "Link(s)", "Media URL(s)"),
    "%Y-%m-%d %H:%M",
    _publer_row,
)
PRESETS: dict[str, Preset] = {p.name: p for p in (BUFFER, HOOTSUITE, SPROUT, PUBLER, GENERIC)}


def get(name: str) -> Preset:
    """The preset called `name`; ValueError names the known ones."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown preset '{name}'; use one of {', '.join(PRESETS)}") from None


def files(preset: Preset, schedule: Schedule) -> dict[str, list[Post]]:
    """The posts of each output file, keyed by a file-name suffix ('' for a single file).

    Ideas are never uploaded, whatever --status says: they are reminders, not posts.
    """
    posts = not_ideas(schedule.posts)
    if not preset.per_channel:
        return {"": posts}
    grouped: dict[str, list[Post]] = {}
    for post in posts:
        grouped.setdefault(post.channel, []).append(post)
    return grouped


def to_csv(preset: Preset, posts: list[Post], *, safe: bool = True, bom: bool = False) -> bytes:
    """The bytes of one preset file: RFC 4180, CRLF, UTF-8, formula cells neutralised."""
    from smmplan.export.to_csv import neutralise, write_rows

    rows = (preset.row(post) for post in posts)
    if safe:
        rows = ([neutralise(cell) for cell in cells] for cells in rows)
    return write_rows(preset.header, rows, bom=bom)


def check(preset: Preset, schedule: Schedule) -> list[Violation]:
    """Every post of `schedule` that breaks a rule of `preset`."""
    found: list[Violation] = []
    for suffix, posts in files(preset, schedule).items():
        where = f"channel '{suffix}'" if suffix else "the file"
        found += _check_file(preset, posts, where)
    return found


def _check_file(preset: Preset, posts: list[Post], where: str) -> list[Violation]:
    found: list[Violation] = []
    tool = preset.tool
    if preset.max_rows is not None and len(posts) > preset.max_rows:
        first_over = posts[preset.max_rows]
        found.append(
            Violation(
                first_over,
                "row limit",
                f"{tool} takes at most {preset.max_rows} posts per upload; {where} has "
                f"{len(posts)} (from {first_over.date} {first_over.time} on): build a shorter "
                "window, e.g. --month",
            )
        )
    for post in posts:
        found += _check_post(preset, post)
    if preset.min_gap_minutes is not None:
        found += _check_gaps(preset, posts, where)
    return found


def _check_post(preset: Preset, post: Post) -> list[Violation]:
    found: list[Violation] = []
    minute = int(post.time[3:])
    if preset.minute_step and minute % preset.minute_step:
        found.append(
            Violation(
                post,
                f"{preset.minute_step}-minute grid",
                f"{preset.tool} schedules on a {preset.minute_step}-minute grid; "
                f"'{post.title}' on {post.date} at {post.time} (channel '{post.channel}') "
                "is not on it: move the slot or the post's time",
            )
        )
    if preset.max_media is not None and len(post.media) > preset.max_media:
        found.append(
            Violation(
                post,
                "one image per post",
                f"{preset.tool}'s upload takes {preset.max_media} image URL per post; "
                f"'{post.title}' on {post.date} (channel '{post.channel}') has "
                f"{len(post.media)} media files",
            )
        )
    return found


def _check_gaps(preset: Preset, posts: list[Post], where: str) -> list[Violation]:
    found: list[Violation] = []
    gap = preset.min_gap_minutes or 0
    ordered = sorted(posts, key=lambda p: p.utc)
    for before, after in zip(ordered, ordered[1:], strict=False):
        minutes = (_instant(after) - _instant(before)).total_seconds() / 60
        if minutes < gap:
            found.append(
                Violation(
                    after,
                    f"{gap} minutes apart",
                    f"{preset.tool} needs posts at least {gap} minutes apart; '{after.title}' "
                    f"on {after.date} at {after.time} is {minutes:.0f} minute(s) after "
                    f"'{before.title}' in {where}",
                )
            )
    return found


def _instant(post: Post) -> datetime:
    return datetime.fromisoformat(post.utc)


def problems(violations: list[Violation], schedule: Schedule) -> list[Problem]:
    """Violations as positioned problems, at the calendar entry that made each post."""
    if not violations:  # the usual case: no need to read the calendar again
        return []
    from smmplan.load.source import read_source

    source = read_source(Path(schedule.calendar.path), Collector())
    found: list[Problem] = []
    for item in violations:
        path, line, col = schedule.calendar.path, 1, 1
        if source is not None:
            path, line, col = source.at(_entry_path(source.located.data, item.post))
        found.append(
            Problem(
                path, line, col, "error", Code.PRESET_RULE.value, f"[{item.rule}] {item.message}"
            )
        )
    return sorted(set(found))


def _entry_path(data: dict[str, Any], post: Post) -> KeyPath:
    """Where the entry behind `post` is written; the channel key when it cannot be told."""
    lists: dict[str, tuple[KeyPath, str]] = {
        "draft": (("posts",), "title"),
        "theme": (("themes",), "name"),
        "observance": (("holidays", "observances"), "name"),
    }
    if post.source == "holiday":
        return ("holidays", "greeting")
    if post.source in lists:
        key, label = lists[post.source]
        entries: Any = data
        for part in key:
            entries = entries.get(part) if isinstance(entries, dict) else None
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and _entry_id(entry, label) == post.source_id:
                return (*key, index)
    return ("channels", post.channel)


def _entry_id(entry: dict[str, Any], label: str) -> str:
    from smmplan.load.vocab import slugify

    given = entry.get("id") or slugify(str(entry.get(label) or ""))
    return str(given)
