"""Markdown approval sheet: the plan a client reads, laid out by a Jinja template.

The template sees `calendar` (id, name, timezone, language, vars), `title`, `t` (the labels
of smmplan.l10n in the calendar's language), `window` (start, end: localized; start_iso,
end_iso), `summary` (statuses, rows of channel/counts/total, totals, total) and `weeks`, each
with `label`, `heading`, `start` and `days`; a day has `heading`, `date`, `themes`,
`holidays`, `observances` and `posts`; a post has the fields of `PostView`.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

from smmplan.export import Format, register
from smmplan.export.steps import steps_by_post
from smmplan.export.to_csv import format_budget
from smmplan.l10n import LABELS, Language, language
from smmplan.model import DayEvent, Post, Schedule
from smmplan.problems import UsageError

TEMPLATE_NAME = "plan.md.j2"
# Workflow order, so the summary reads left to right from idea to published.
STATUS_ORDER = ("planned", "idea", "draft", "review", "approved", "scheduled", "published")


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building the views cost more than laying out the sheet. Nothing changes a view once made.
@dataclass(slots=True)
class PostView:
    """One post as the sheet shows it; `quote` is the text as Markdown blockquote lines."""

    time: str
    time_label: str
    timezone: str
    channel: str
    network: str
    title: str
    status: str
    owner: str
    format: str
    source: str
    quote: str
    hashtags: str
    media: list[str]
    link: str
    budget: str
    steps: str = ""  # the production steps: "photo 2027-03-01 (Ana) · ..."
    first_comment: str = ""  # a blockquote, like the text
    alt_text: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DayView:
    date: str
    heading: str
    themes: list[str] = field(default_factory=list)
    holidays: list[str] = field(default_factory=list)
    observances: list[str] = field(default_factory=list)
    posts: list[PostView] = field(default_factory=list)
    blackout: str | None = None  # the reason ("" when none is given) on a blackout day


@dataclass(slots=True)
class WeekView:
    start: str
    label: str
    heading: str
    days: list[DayView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    channel: str
    counts: list[int]
    total: int


@dataclass(frozen=True, slots=True)
class Summary:
    statuses: list[str]
    rows: list[SummaryRow]
    totals: list[int]
    total: int


def to_markdown(schedule: Schedule, *, template_text: str | None = None) -> bytes:
    """Render the approval sheet with the shipped template, or with `template_text` instead."""
    import jinja2

    source = shipped_template() if template_text is None else template_text
    try:
        text = layout_template(source, autoescape=False).render(_context(schedule))
    except jinja2.TemplateError as exc:
        # Only a --md-template from the command line can get here; the shipped one is tested.
        where = f" (line {exc.lineno})" if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        raise UsageError(f"Markdown template{where}: {exc.message or exc}") from exc
    return (text.rstrip("\n") + "\n").encode("utf-8")


def layout_environment(*, autoescape: bool) -> Any:
    """The Jinja environment of the plan layouts (Markdown, HTML): strict, tidy."""
    import jinja2

    from smmplan.cache import jinja as jinja_cache

    return jinja2.Environment(
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=jinja_cache.bytecode_cache("layouts-1"),
    )


def layout_template(source: str, *, autoescape: bool) -> Any:
    """A layout compiled once per run, and kept compiled between runs."""
    from smmplan.cache.store import cache_dir

    return _layout_template(source, autoescape, str(cache_dir()))


@functools.lru_cache(maxsize=8)
def _layout_template(source: str, autoescape: bool, cache_folder: str) -> Any:
    # `cache_folder` is only part of the key: a changed $SMMPLAN_CACHE_DIR gets its own entry.
    from smmplan.cache import jinja as jinja_cache

    return jinja_cache.from_text(layout_environment(autoescape=autoescape), source)


def shipped_template() -> str:
    """Return the text of the Markdown template that ships in the package."""
    template = resources.files("smmplan.export").joinpath("templates").joinpath(TEMPLATE_NAME)
    return template.read_text(encoding="utf-8")


def _context(schedule: Schedule) -> dict[str, Any]:
    locale = language(schedule.calendar.language)
    info = schedule.calendar
    weeks = _weeks(schedule, locale)
    return {
        "title": locale.label("plan_title", name=info.name),
        "t": {key: locale.label(key) for key in LABELS["en"]},
        "calendar": info.as_dict(),
        "window": {
            "start": locale.date_text(schedule.start),
            "end": locale.date_text(schedule.end),
            "start_iso": schedule.start.isoformat(),
            "end_iso": schedule.end.isoformat(),
        },
        "summary": _summary(schedule.posts, list(schedule.channels)),
        "weeks": weeks,
        "key_days": _key_days(weeks),
    }


def _summary(posts: list[Post], channel_order: list[str]) -> Summary:
    counts = Counter((post.channel, post.status) for post in posts)
    statuses = _ordered({post.status for post in posts}, STATUS_ORDER)
    channels = _ordered({post.channel for post in posts}, channel_order)
    rows = [
        SummaryRow(
            channel=channel,
            counts=[counts[channel, status] for status in statuses],
            total=sum(counts[channel, status] for status in statuses),
        )
        for channel in channels
    ]
    totals = [sum(counts[channel, status] for channel in channels) for status in statuses]
    return Summary(statuses=statuses, rows=rows, totals=totals, total=len(posts))


def _ordered(names: set[str], preferred: list[str] | tuple[str, ...]) -> list[str]:
    """Names in the preferred order first, then the others alphabetically."""
    known = [name for name in preferred if name in names]
    return known + sorted(names - set(known))


def _weeks(schedule: Schedule, locale: Language) -> list[WeekView]:
    days = _days(schedule, locale)
    weeks: dict[date, WeekView] = {}
    for day_date in sorted(days):
        monday = day_date - timedelta(days=day_date.weekday())
        if monday not in weeks:
            label = locale.date_text(monday)
            weeks[monday] = WeekView(
                start=monday.isoformat(),
                label=label,
                heading=locale.label("week_of", date=label),
            )
        weeks[monday].days.append(days[day_date])
    return list(weeks.values())


def _days(schedule: Schedule, locale: Language) -> dict[date, DayView]:
    days: dict[date, DayView] = {}

    def day_view(iso: str) -> DayView:
        key = date.fromisoformat(iso)
        if key not in days:
            days[key] = DayView(date=iso, heading=locale.date_text(key, "full"))
        return days[key]

    for event in sorted(schedule.days, key=lambda e: (e.date, e.id)):
        _add_name(day_view(event.date), event)
    for iso, reason in schedule.blackout.items():
        day_view(iso).blackout = reason
    steps = steps_by_post(schedule.tasks)
    zone = schedule.calendar.timezone
    # Stable sort: posts at the same time keep the expander's order.
    for post in sorted(schedule.posts, key=lambda p: (p.date, p.time)):
        view = day_view(post.date)
        view.posts.append(_post_view(post, zone, steps.get(post.id, "")))
        if post.source == "theme" and post.title not in view.themes:
            view.themes.append(post.title)
    return days


def _key_days(weeks: list[WeekView]) -> list[dict[str, Any]]:
    """Holidays, observances and blackout days of the window, for a short list at the top."""
    return [
        {"label": day.heading, "names": [*day.holidays, *day.observances]}
        for week in weeks
        for day in week.days
        if day.holidays or day.observances
    ]


def _add_name(view: DayView, event: DayEvent) -> None:
    names = view.holidays if event.kind == "holiday" else view.observances
    if event.name not in names:
        names.append(event.name)


def _post_view(post: Post, zone: str, steps: str) -> PostView:
    return PostView(
        time=post.time,
        time_label=time_label(post, zone),
        timezone=post.timezone,
        channel=post.channel,
        network=post.network,
        title=post.title,
        status=post.status,
        owner=post.owner,
        format=post.format,
        source=post.source,
        quote=blockquote(post.text),
        hashtags=" ".join(hashtags_not_in_text(post)),
        media=list(post.media),
        link=post.link,
        budget=format_budget(post.budget),
        steps=steps,
        first_comment=blockquote(post.first_comment),
        alt_text=[alt for alt in post.alt_text if alt],
    )


def time_label(post: Post, zone: str) -> str:
    """The post's time, with its zone when that is not the calendar's `zone`: a channel in
    another zone would otherwise show a misleading time."""
    return post.time if post.timezone == zone else f"{post.time} ({post.timezone})"


def hashtags_not_in_text(post: Post) -> list[str]:
    """The hashtags a plan lists apart: only those the text does not show already."""
    if not post.hashtags:
        return []
    shown = _hashtags_in(post.text)
    return [tag for tag in post.hashtags if tag.casefold() not in shown]


@functools.lru_cache(maxsize=1024)
def _hashtags_in(text: str) -> frozenset[str]:
    # A theme's or greeting's text repeats on every channel and week: it is searched once.
    from smmplan.render.renderer import _HASHTAG_IN_TEXT  # the rule the text was written by

    return frozenset(tag.casefold() for tag in _HASHTAG_IN_TEXT.findall(text))


def blockquote(text: str) -> str:
    """Prefix every line with `> ` so a multi-line text stays inside one blockquote."""
    if not text:
        return ""  # most first comments
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


register(
    Format(
        "md",
        "the monthly plan a client reads and approves",
        lambda schedule, options: to_markdown(schedule, template_text=options.md_template),
        signatures=(b"# ",),
        default=True,
        order=30,
        cacheable=True,
    )
)
