"""What goes into a scheduler file: the posts by status and date, and their media as URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from smmplan.export.presets import Preset
from smmplan.model import Post, Schedule

# Written unless --status says otherwise; `approval: required` narrows it to "approved".
DEFAULT_STATUSES = ("planned", "draft", "approved")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Characters a URL may hold as they are; "%" keeps an already-encoded URL as it is.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"


@dataclass
class Picked:
    """The posts of one upload, and how many the status and the date left out."""

    posts: list[Post] = field(default_factory=list)
    by_status: int = 0
    by_date: list[Post] = field(default_factory=list)


def statuses_for(channel: dict[str, Any], asked: tuple[str, ...]) -> tuple[str, ...]:
    """The statuses uploaded for a channel: --status, else what its calendar's approval allows."""
    if asked:
        return asked
    return ("approved",) if channel.get("approval") == "required" else DEFAULT_STATUSES


def pick(
    preset: Preset,
    schedule: Schedule,
    asked: tuple[str, ...] = (),
    today: date | None = None,
    posts: list[Post] | None = None,
) -> Picked:
    """The posts of `schedule` (or `posts`) a scheduler file takes, in time order."""
    picked = Picked()
    cutoff = (
        datetime.combine(today, datetime.min.time()) + timedelta(minutes=preset.lead_minutes)
        if today
        else None
    )
    for post in schedule.posts if posts is None else posts:
        if post.status not in statuses_for(schedule.publishing.get(post.channel, {}), asked):
            picked.by_status += 1
        elif cutoff is not None and _local(post) < cutoff:
            picked.by_date.append(post)
        else:
            picked.posts.append(post)
    return picked


def _local(post: Post) -> datetime:
    return datetime.strptime(f"{post.date} {post.time}", "%Y-%m-%d %H:%M")


def by_file(preset: Preset, posts: list[Post]) -> dict[str, list[Post]]:
    """The posts of each output file, keyed by a file-name suffix ('' for a single file)."""
    if not preset.per_channel:
        return {"": posts}
    grouped: dict[str, list[Post]] = {}
    for post in posts:
        grouped.setdefault(post.channel, []).append(post)
    return grouped


def is_url(path: str) -> bool:
    return bool(_SCHEME.match(path))


def media_urls(post: Post, schedule: Schedule) -> list[str]:
    """The post's media as a scheduler fetches them: `media_base_url` + a relative path,
    percent-encoded where needed. Nothing is fetched."""
    base = str(schedule.publishing.get(post.channel, {}).get("media_base_url") or "")
    return [media_url(path, base) for path in post.media]


def media_url(path: str, base: str) -> str:
    if is_url(path):
        return quote(path, safe=_URL_SAFE)
    if not base:
        return path
    relative = path.replace("\\", "/").removeprefix("./").lstrip("/")
    return base.rstrip("/") + "/" + quote(relative, safe=_URL_SAFE)
