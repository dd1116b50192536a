"""The month view: one self-contained HTML page per calendar and window.

A grid per month (weeks Monday to Sunday) with each day's posts, themes and holidays, then every
post in full. No scripts and nothing fetched: the style sheet is inlined and local images are
embedded as data: URIs, so the file can be mailed, opened offline and printed (A4 landscape).
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from smmplan.export import Format, register
from smmplan.export.steps import steps_by_post
from smmplan.export.to_csv import format_budget
from smmplan.export.to_markdown import (
    STATUS_ORDER,
    _summary,
    hashtags_not_in_text,
    layout_template,
    time_label,
)
from smmplan.l10n import LABELS, Language, language
from smmplan.model import Post, Schedule

TEMPLATE_NAME = "plan.html.j2"
STYLE_NAME = "plan.css"
# Larger files would make the page heavy to mail; they are listed by path instead.
EMBED_LIMIT = 1_000_000
EMBED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
CHANNEL_COLOURS = 8  # the style sheet has ch-0 … ch-7
SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")


@dataclass(frozen=True, slots=True)
class MediaView:
    path: str
    data_uri: str  # "" when the file is missing, too large or not an image
    alt: str = ""  # the alt text the calendar gives


# Not frozen: a frozen dataclass sets each field through object.__setattr__, a cost per post
# larger than the rest of the view's making. Nothing changes a view once made.
@dataclass(slots=True)
class PostView:
    id: str
    time: str
    channel: str
    channel_class: str
    network: str
    account: str
    title: str
    status: str
    status_label: str
    owner: str
    format: str
    source: str
    text: str
    hashtags: str
    media: list[MediaView]
    link: str
    link_is_safe: bool
    budget: str
    steps: str = ""  # the production steps: "photo 2027-03-01 (Ana) · ..."
    first_comment: str = ""


@dataclass(slots=True)
class DayView:
    day: int
    date: str
    heading: str
    in_window: bool
    blackout: str | None = None
    holidays: list[str] = field(default_factory=list)
    observances: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    posts: list[PostView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MonthView:
    id: str
    title: str
    weeks: list[list[DayView | None]]  # None pads the first and last week


def to_html(schedule: Schedule) -> bytes:
    """The month view of `schedule` as UTF-8 HTML."""
    text = layout_template(_shipped(TEMPLATE_NAME), autoescape=True).render(_context(schedule))
    return (text.rstrip("\n") + "\n").encode("utf-8")


def _shipped(name: str) -> str:
    return resources.files("smmplan.export").joinpath("templates", name).read_text(encoding="utf-8")


def _context(schedule: Schedule) -> dict[str, Any]:
    lang = language(schedule.calendar.language)
    channels = list(schedule.channels) or sorted({p.channel for p in schedule.posts})
    days = _days(schedule, lang, channels)
    return {
        "lang": lang,
        "t": {key: lang.label(key) for key in LABELS["en"]},
        "title": lang.label("plan_title", name=schedule.calendar.name),
        "heading": _isolated(lang.label("plan_title", name="{name}"), schedule.calendar.name),
        "window": f"{lang.date_text(schedule.start)} – {lang.date_text(schedule.end)}",
        "weekdays": lang.weekdays(),
        "months": _months(schedule, days),
        "listed": [day for _, day in sorted(days.items()) if day.posts],
        "summary": _summary(schedule.posts, channels),
        "statuses": [s for s in STATUS_ORDER if any(p.status == s for p in schedule.posts)],
        "channels": [(key, _channel_class(key, channels)) for key in channels],
        "style": _shipped(STYLE_NAME),
    }


def _isolated(label: str, name: str) -> Any:
    """The label with the calendar's name in <bdi>, so a Latin name reads right in Arabic."""
    from markupsafe import Markup, escape

    return Markup(escape(label)).format(name=Markup("<bdi>{}</bdi>").format(name))


def _months(schedule: Schedule, days: dict[date, DayView]) -> list[MonthView]:
    lang = language(schedule.calendar.language)
    views = []
    for first in schedule.month_starts():
        following = (first + timedelta(days=32)).replace(day=1)
        cells: list[DayView | None] = [None] * first.weekday()
        cells += [days[first + timedelta(n)] for n in range((following - first).days)]
        cells += [None] * (-len(cells) % 7)
        weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
        views.append(MonthView(first.strftime("m-%Y-%m"), lang.month_title(first), weeks))
    return views


def _days(schedule: Schedule, lang: Language, channels: list[str]) -> dict[date, DayView]:
    """Every day of every month the window touches, with what happens on it."""
    first = schedule.start.replace(day=1)
    last = (schedule.end.replace(day=1) + timedelta(days=32)).replace(day=1)
    days = {
        day: DayView(
            day=day.day,
            date=day.isoformat(),
            heading=lang.date_text(day, "full"),
            in_window=schedule.start <= day <= schedule.end,
            blackout=schedule.blackout.get(day.isoformat()),
        )
        for day in (first + timedelta(n) for n in range((last - first).days))
    }
    for event in sorted(schedule.days, key=lambda e: (e.date, e.id)):
        view = days[date.fromisoformat(event.date)]
        names = view.holidays if event.kind == "holiday" else view.observances
        if event.name not in names:
            names.append(event.name)
    post_view = _PostViews(schedule, lang, channels)
    # Stable sort: posts at the same time keep the expander's order.
    for post in sorted(schedule.posts, key=lambda p: (p.date, p.time)):
        view = days[date.fromisoformat(post.date)]
        view.posts.append(post_view(post))
        if post.source == "theme" and post.title not in view.themes:
            view.themes.append(post.title)
    return days


class _PostViews:
    """Makes the view of each post; labels, colours and media are looked up once per schedule."""

    def __init__(self, schedule: Schedule, lang: Language, channels: list[str]) -> None:
        self.lang = lang
        self.zone = schedule.calendar.timezone
        self.steps = steps_by_post(schedule.tasks)
        self.root = _media_root(schedule.calendar.path)
        self.channels = channels
        self.classes = {key: _channel_class(key, channels) for key in channels}
        self.labels: dict[str, str] = {}
        self.media: dict[str, MediaView] = {}

    def __call__(self, post: Post) -> PostView:
        status_label = self.labels.get(post.status)
        if status_label is None:
            status_label = self.labels[post.status] = self.lang.label(post.status)
        return PostView(
            id=post.id,
            time=time_label(post, self.zone),
            channel=post.channel,
            channel_class=self.classes.get(post.channel)
            or _channel_class(post.channel, self.channels),
            network=post.network,
            account=post.account,
            title=post.title,
            status=post.status,
            status_label=status_label,
            owner=post.owner,
            format=post.format,
            source=post.source,
            text=post.text,
            hashtags=" ".join(hashtags_not_in_text(post)),
            media=self.media_views(post) if post.media else [],
            link=post.link,
            # A javascript: or data: link would run when clicked: such links are shown as text.
            link_is_safe=post.link.lower().startswith(SAFE_LINK_SCHEMES),
            budget=format_budget(post.budget),
            steps=self.steps.get(post.id, ""),
            first_comment=post.first_comment,
        )

    def media_views(self, post: Post) -> list[MediaView]:
        views = []
        for path, alt in zip(post.media, post.alt_text or [""] * len(post.media), strict=False):
            # A picture used by many posts is read and encoded once.
            found = self.media.get(path)
            if found is None:
                found = self.media[path] = _media(path, self.root)
            views.append(replace(found, alt=alt))
        return views


def _channel_class(channel: str, channels: list[str]) -> str:
    index = channels.index(channel) if channel in channels else len(channels)
    return f"ch-{index % CHANNEL_COLOURS}"


def _media_root(calendar_path: str) -> Path | None:
    if not calendar_path:
        return None
    from smmplan.paths import find_root

    return find_root(Path(calendar_path)).resolve()


def _media(path: str, root: Path | None) -> MediaView:
    """The file's bytes as a data: URI when it is a small image inside the calendar repo."""
    if root is None:
        return MediaView(path, "")
    target = (root / path).resolve()
    kind = mimetypes.guess_type(target.name)[0]
    # Media paths come from the calendar: never read a file outside its repo.
    if not target.is_relative_to(root) or kind not in EMBED_TYPES or not target.is_file():
        return MediaView(path, "")
    try:
        if target.stat().st_size > EMBED_LIMIT:
            return MediaView(path, "")
        data = target.read_bytes()
    except OSError:
        return MediaView(path, "")
    return MediaView(path, f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}")


register(
    Format(
        "html",
        "a month view to open in a browser and print",
        lambda schedule, options: to_html(schedule),
        signatures=(b"<!DOCTYPE html>\n<!-- smmplan month view -->",),
        default=False,
        order=50,
        cacheable=False,
    )
)
