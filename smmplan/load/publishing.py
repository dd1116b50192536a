"""Publishing settings as each channel sees them, and the checks of media items (E504, W502).

A channel's own `scheduler:`, `media_base_url:` and `require_alt_text:` win over the
calendar's; `approval:` is the calendar's.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from smmplan.load import schema
from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.problems import Code, Collector

VIDEO_EXTENSIONS = (".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv")
# Networks whose posting takes a description for a video as well as for an image (Bluesky's
# app.bsky.embed.video has `alt`; Mastodon's media attachments take a description of any
# kind). "other" is unknown, so it is not judged.
VIDEO_ALT_NETWORKS = ("bluesky", "mastodon", "other")


def publishing_of(model: schema.Calendar) -> dict[str, dict[str, Any]]:
    """Per channel: scheduler name and plan, media_base_url, require_alt_text, approval."""
    found: dict[str, dict[str, Any]] = {}
    for key, channel in model.channels.items():
        scheduler = channel.scheduler or model.scheduler
        alt = channel.require_alt_text
        found[key] = {
            "scheduler": scheduler.name if scheduler else "",
            "plan": scheduler.plan if scheduler else "",
            "media_base_url": channel.media_base_url or model.media_base_url or "",
            "require_alt_text": model.require_alt_text if alt is None else alt,
            "approval": model.approval,
            # Its fields are plain numbers: no serializer to build for them on the first run.
            "limits": {name: value for name, value in channel.limits if value is not None},
        }
    return found


def is_video(path: str) -> bool:
    return posixpath.splitext(path.split("?", 1)[0].lower())[1] in VIDEO_EXTENSIONS


def check_media(checked: Checked, out: Collector) -> None:
    """E504: alt text on a video for a network that takes none; W502: an image without alt
    text on a channel that requires it."""
    model = checked.model
    settings = publishing_of(model)
    for path, item, channels in _media_items(model):
        networks = sorted({model.channels[c].network for c in checked.channels_of(channels)})
        if isinstance(item, schema.MediaItem) and item.alt and is_video(item.path):
            refusing = [n for n in networks if n not in VIDEO_ALT_NETWORKS]
            if refusing:
                file, line, col = checked.source.at((*path, "alt"))
                out.add(
                    file,
                    line,
                    col,
                    Code.VIDEO_ALT,
                    f"'{item.path}' is a video and {', '.join(refusing)} takes no alt text "
                    "for videos: remove 'alt' (describe the video in the text or captions)",
                )
            continue
        wanted = [c for c in checked.channels_of(channels) if settings[c]["require_alt_text"]]
        media_path = item if isinstance(item, str) else item.path
        if wanted and not is_video(media_path) and not _alt(item):
            file, line, col = checked.source.at(path)
            out.add(
                file,
                line,
                col,
                Code.ALT_TEXT_MISSING,
                f"'{media_path}' has no alt text and channel '{wanted[0]}' requires it: write "
                f"it as {{path: {media_path}, alt: <what the image shows>}}",
                level="warning",
            )


def _alt(item: str | schema.MediaItem) -> str:
    return "" if isinstance(item, str) else (item.alt or "").strip()


def _media_items(
    model: schema.Calendar,
) -> Iterator[tuple[KeyPath, str | schema.MediaItem, list[str] | None]]:
    """Every media item of drafts and observances, where it is written and its channels."""
    holders: list[tuple[KeyPath, Any]] = [(("posts", i), d) for i, d in enumerate(model.posts)]
    holders += [
        (("holidays", "observances", i), o) for i, o in enumerate(model.holidays.observances)
    ]
    for prefix, entry in holders:
        for index, item in enumerate(entry.media):
            yield (*prefix, "media", index), item, entry.channels
