"""A scheduler's rules over the posts it would upload, as positioned problems (E501, E507,
E508). `validate` runs them for a declared `scheduler:`, `build --preset` for its preset."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from smmplan.export.presets import Preset
from smmplan.export.presets.selection import by_file, is_url, pick
from smmplan.lint.limits import (
    Counting,
    counting_name,
    hashtag_count,
    limit_for,
    link_count,
    text_length,
)
from smmplan.model import Post, Schedule
from smmplan.problems import Code, Problem


@dataclass(frozen=True)
class Violation:
    """A post that breaks one rule of a preset."""

    post: Post
    rule: str  # the preset's name for the rule, e.g. "5-minute grid"
    message: str
    code: Code = Code.PRESET_RULE


def check(
    preset: Preset,
    schedule: Schedule,
    *,
    statuses: tuple[str, ...] = (),
    today: date | None = None,
    posts: list[Post] | None = None,
    plan: str = "",
) -> list[Violation]:
    """Every post that `preset` would upload from `schedule` and that breaks one of its rules."""
    return _broken(preset, schedule, pick(preset, schedule, statuses, today, posts).posts, plan)


def _broken(preset: Preset, schedule: Schedule, picked: list[Post], plan: str) -> list[Violation]:
    """The rules of `preset` that the posts it would upload break."""
    found: list[Violation] = []
    for suffix, in_file in by_file(preset, picked).items():
        where = f"channel '{suffix}'" if suffix else "the file"
        found += _check_file(preset, in_file, where)
    found += _plan_limit(preset, picked, plan or next(iter(preset.plans), ""))
    for post in picked:
        found += _check_post(preset, post, schedule.publishing.get(post.channel, {}))
    return found


def problems(violations: list[Violation]) -> list[Problem]:
    """Violations as errors at the calendar entry that made each post."""
    found = {
        Problem(*item.post.origin, "error", item.code.value, f"[{item.rule}] {item.message}")
        for item in violations
    }
    return sorted(found)


def _check_file(preset: Preset, posts: list[Post], where: str) -> list[Violation]:
    found: list[Violation] = []
    if preset.max_rows is not None and len(posts) > preset.max_rows:
        over = posts[preset.max_rows]
        found.append(
            Violation(
                over,
                "row limit",
                f"{preset.tool} takes at most {preset.max_rows} posts per upload; {where} has "
                f"{len(posts)} (from {over.date} {over.time} on): build a shorter window, "
                "e.g. --month",
            )
        )
    if preset.min_gap_minutes is not None:
        found += _check_gaps(preset, posts, where)
    return found


def _plan_limit(preset: Preset, posts: list[Post], plan: str) -> list[Violation]:
    most = preset.plans.get(plan)
    if most is None:
        return []
    found: list[Violation] = []
    per_channel: dict[str, list[Post]] = {}
    for post in posts:
        per_channel.setdefault(post.channel, []).append(post)
    for channel, mine in per_channel.items():
        if len(mine) > most:
            over = mine[most]
            found.append(
                Violation(
                    over,
                    f"{plan} plan",
                    f"{preset.tool}'s {plan} plan takes {most} posts per channel in one "
                    f"upload; channel '{channel}' has {len(mine)} (from {over.date} "
                    f"{over.time} on): build a shorter window or declare the plan you have",
                )
            )
    return found


def _check_post(preset: Preset, post: Post, publishing: dict[str, Any]) -> list[Violation]:
    found: list[Violation] = []
    said = f"'{post.title}' on {post.date} at {post.time} (channel '{post.channel}')"
    if preset.minute_step and int(post.time[3:]) % preset.minute_step:
        step = preset.minute_step
        found.append(
            Violation(
                post,
                f"{step}-minute grid",
                f"{preset.tool} schedules on a {step}-minute grid; {said} is not on it: "
                "move the slot or the post's time",
            )
        )
    if preset.max_media is not None and len(post.media) > preset.max_media:
        found.append(
            Violation(
                post,
                "one image per post" if preset.max_media == 1 else "media per post",
                f"{preset.tool}'s upload takes {preset.max_media} media URL(s) per post; "
                f"{said} has {len(post.media)} media files",
            )
        )
    found += _check_media(preset, post, publishing, said)
    found += _check_limits(post, publishing.get("limits") or {}, said)
    return found


def _check_media(
    preset: Preset, post: Post, publishing: dict[str, Any], said: str
) -> list[Violation]:
    found: list[Violation] = []
    for path in post.media:
        extension = posixpath.splitext(path.split("?", 1)[0].lower())[1]
        if extension in preset.refused_media:
            found.append(
                Violation(
                    post,
                    "image format",
                    f"{preset.tool} refuses {extension} images; {said} has '{path}': "
                    "convert it to JPEG or PNG",
                )
            )
        if preset.public_urls and not is_url(path) and not publishing.get("media_base_url"):
            found.append(
                Violation(
                    post,
                    "public media URL",
                    f"{preset.tool} fetches media from public URLs; {said} has '{path}': "
                    "add 'media_base_url: https://…/' to the calendar or channel, or write "
                    "the media as an https:// URL",
                    Code.MEDIA_NOT_PUBLIC,
                )
            )
    return found


def _check_limits(post: Post, overrides: dict[str, Any], said: str) -> list[Violation]:
    """Text, caption, hashtags and links of the text and of the first comment."""
    table = limit_for(post.network)
    counting: Counting = table.counting if table else "codepoints"
    text = overrides.get("text") or (table.text if table else None)
    caption = overrides.get("caption") or (table.caption if table else None)
    most = {
        "characters": (caption if post.media and caption else text),
        "hashtags": overrides.get("hashtags") or (table.hashtags if table else None),
        "links": overrides.get("links") or (table.links if table else None),
    }
    found: list[Violation] = []
    for what, value in (("text", post.text), ("first comment", post.first_comment)):
        counts = {
            "characters": text_length(value, counting) if most["characters"] else 0,
            "hashtags": hashtag_count(value),
            "links": link_count(value),
        }
        for kind, limit in most.items():
            if limit is not None and counts[kind] > limit:
                unit = counting_name(counting) if kind == "characters" else kind
                found.append(
                    Violation(
                        post,
                        f"{post.network} {kind}",
                        f"the {what} of {said} has {counts[kind]} {unit}; {post.network} "
                        f"takes {limit}: shorten it or give the channel 'limits:'",
                        Code.SCHEDULER_LIMIT,
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


@dataclass(frozen=True)
class Declared:
    """What the schedulers a calendar declares find, and which posts they checked."""

    problems: list[Problem]
    # The posts whose text, first comment, hashtags and links they measured (E508): lint's
    # W310 and W311 leave these out rather than report the same excess twice.
    limits_checked: frozenset[str]


def declared(schedule: Schedule, today: date | None) -> Declared:
    """The rules of each scheduler the calendar or its channels declare, over their posts."""
    from smmplan.export.presets import schedulers

    found: list[Violation] = []
    checked: set[str] = set()
    by_scheduler: dict[tuple[str, str], list[Post]] = {}
    for post in schedule.posts:
        settings = schedule.publishing.get(post.channel, {})
        if settings.get("scheduler"):
            key = (settings["scheduler"], settings.get("plan") or "")
            by_scheduler.setdefault(key, []).append(post)
    for (name, plan), posts in by_scheduler.items():
        preset = schedulers()[name]
        picked = pick(preset, schedule, (), today, posts).posts
        found += _broken(preset, schedule, picked, plan)
        checked.update(post.id for post in picked)
    return Declared(problems(found), frozenset(checked))
