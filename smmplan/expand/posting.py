"""From placed claims to rendered posts: the post fields, the text, the post's stable id."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, time
from functools import lru_cache
from typing import Any

from smmplan.cache.render_memo import MISSING
from smmplan.expand.campaigning import apply, tagged_link
from smmplan.load import schema, vocab
from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.load.schema.publishing import media_alts, media_paths
from smmplan.load.zones import localize
from smmplan.model import POST_FIELDS, Post
from smmplan.problems import Code, Collector
from smmplan.render.renderer import Renderer, RenderError

Report = Callable[..., None]  # the planner's report(path, code, message, *, level)
# What a template reads as `post`: every field but the text it is writing.
_POST_IN_CONTEXT = frozenset(POST_FIELDS) - {"text"}


@dataclass
class Claim:
    """A post placed on a channel at a local date and time, before rendering."""

    source: str  # draft | observance | holiday | theme | evergreen
    source_id: str
    path: KeyPath  # where the entry is written, for problems
    entry: Any  # the schema entry (Draft, Observance, Greeting, Theme)
    title: str


@dataclass
class Day:
    slots: list[time]
    taken: dict[time, Claim] = field(default_factory=dict)
    extra: dict[time, Claim] = field(default_factory=dict)

    def first_free(self) -> time | None:
        return next((t for t in self.slots if t not in self.taken), None)

    def busy(self, at: time) -> bool:
        return at in self.taken or at in self.extra

    def place(self, at: time, claim: Claim) -> None:
        (self.taken if at in self.slots else self.extra)[at] = claim


def post_id(calendar_id: str, source: str, source_id: str, channel: str, when: str) -> str:
    """Stable across runs and machines: a hash of what identifies the post."""
    key = "\x1f".join((calendar_id, source, source_id, channel, when))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def occasion(claim: Claim, day: date, at: time) -> str:
    """Which of its entry's posts a post is, never its position among other posts.

    A dated draft has one post per channel, so moving it keeps its id (and its ICS UID: a
    subscribed calendar app moves the event in place); a repeating draft and a holiday are
    told apart by date, an observance by year (by date when it repeats within one), a theme
    by date and slot, as a theme posts in every free slot of its days.
    """
    entry = claim.entry
    if claim.source == "draft":
        return day.isoformat() if entry.rrule else ""
    if claim.source == "observance":
        return day.isoformat() if entry.rrule else str(day.year)
    if claim.source == "theme":
        return f"{day.isoformat()}T{at.hour:02d}:{at.minute:02d}"
    return day.isoformat()


class PostWriter:
    """Renders the claims of a filled slot table into posts; problems go to `out`."""

    def __init__(
        self,
        checked: Checked,
        renderer: Renderer,
        out: Collector,
        report: Report,
        names: dict[date, list[str]],
    ) -> None:
        self.c = checked
        self.m: schema.Calendar = checked.model
        self.renderer = renderer
        self.out = out
        self.report = report
        self.names = names  # the holiday and observance names of each day
        self._field_cache: dict[tuple[int, str, str], dict[str, Any]] = {}
        # What a template reads as `calendar` (and `vars`): the same for every post.
        self._calendar = {
            "id": checked.id,
            "name": checked.model.name,
            "timezone": checked.model.timezone,
            "language": checked.model.language,
            "vars": checked.model.vars,
        }

    def posts(self, days: dict[str, dict[date, Day]]) -> list[Post]:
        """Every claimed slot of `days` (channel -> date -> slots) as a post, in time order."""
        posts = [
            post
            for channel, table in days.items()
            for day, slots in table.items()
            for at, claim in sorted({**slots.taken, **slots.extra}.items())
            if (post := self._post(channel, day, at, claim)) is not None
        ]
        posts.sort(key=lambda p: (p.utc, p.channel, p.id))
        return posts

    def _post(self, channel_key: str, day: date, at: time, claim: Claim) -> Post | None:
        channel = self.m.channels[channel_key]
        tz_name = channel.timezone or self.m.timezone
        clock, utc, in_gap = _clock(day, at, tz_name)
        if in_gap:
            self.report(
                self._time_path(claim, channel_key),
                Code.DST_GAP,
                f"{day} {at:%H:%M} does not exist in {tz_name} (clocks go forward); "
                f"posting at {clock}",
                level="warning",
            )
        fields = self._fields(claim, channel_key, channel.network)
        names = self.names.get(day, [])
        iso_day = day.isoformat()
        the_id = post_id(
            self.c.id, claim.source, claim.source_id, channel_key, occasion(claim, day, at)
        )
        link = fields["link"]
        if fields["utm"] is not None:
            link = tagged_link(link, fields["utm"], the_id)
        post = Post(
            date=iso_day,
            time=clock,
            timezone=tz_name,
            utc=utc,
            weekday=vocab.WEEKDAY_NAMES[day.weekday()],
            channel=channel_key,
            network=channel.network,
            account=channel.account,
            source=claim.source,
            source_id=claim.source_id,
            title=claim.title,
            text="",
            hashtags=list(fields["hashtags"]),
            media=list(fields["media_paths"]),
            link=link,
            format=fields["format"],
            pillar=fields["pillar"],
            status=fields["status"],
            owner=fields["owner"],
            campaign=fields["campaign"],
            budget=fields["budget"],
            day_names=names,
            id=the_id,
            first_comment="",
            alt_text=list(fields["alt_text"]),
            origin=self.c.source.at(claim.path),
        )
        body = self._render(claim, fields, post, day, names)
        if body is None:
            return None
        post.text = self.renderer.published(body, fields["tags_key"])
        if fields["first_comment"]:
            comment = {"template": None, "text": fields["first_comment"]}
            comment["path_key"] = ("first_comment",)
            rendered = self._render(claim, {**fields, **comment}, post, day, names)
            if rendered is None:
                return None
            post.first_comment = rendered.strip()
        return post

    def _fields(self, claim: Claim, channel: str, network: str) -> dict[str, Any]:
        """The post fields an entry gives on one channel, worked out once per entry and channel."""
        key = (id(claim.entry), claim.source_id, channel)
        found = self._field_cache.get(key)
        if found is None:
            found = self._field_cache[key] = _shared(
                apply(_fields(claim, channel, network), self.c), self.m
            )
        return found

    def _time_path(self, claim: Claim, channel: str) -> KeyPath:
        if claim.source in ("draft", "observance") and getattr(claim.entry, "time", None):
            return (*claim.path, "time")
        return ("channels", channel, "slots")

    def _render(
        self, claim: Claim, fields: dict[str, Any], post: Post, day: date, names: list[str]
    ) -> str | None:
        template, text = fields["template"], fields["text"]
        if template is None and text is None:
            return ""

        values = Values(post, day, names, self._calendar)
        try:
            return self.renderer.render(
                template=template, text=text, context=values.context, lookup=values.lookup
            )
        except RenderError as exc:
            self._render_problem(exc, claim, fields)
            return None

    def _render_problem(self, exc: RenderError, claim: Claim, fields: dict[str, Any]) -> None:
        code = (
            Code.TEMPLATE_LIMIT
            if exc.limit
            else Code.TEMPLATE_SYNTAX
            if exc.syntax
            else Code.TEMPLATE_NOT_FOUND
            if exc.not_found
            else Code.TEMPLATE_RENDER
        )
        key = fields["path_key"]
        file, line, col = self.c.source.at((*claim.path, *key))
        entry = f"{claim.source} '{claim.source_id}' ({file}:{line})"
        if fields["template"] and not exc.not_found:
            template_file = self.renderer.display(fields["template"])
            self.out.add(template_file, exc.line, 1, code, f"{exc} (used by {entry})")
        else:
            self.out.add(
                file,
                line + (exc.line - 1 if fields["text"] else 0),
                col,
                code,
                f"{exc} (in {entry})",
            )


def _fields(claim: Claim, channel: str, network: str) -> dict[str, Any]:
    """Text, template, hashtags and format of a claim, with theme variants applied."""
    entry = claim.entry
    values: dict[str, Any] = {
        "text": getattr(entry, "text", None),
        "template": getattr(entry, "template", None),
        "hashtags": getattr(entry, "hashtags", []),
        "format": getattr(entry, "format", "text"),
        "path_key": ("template",) if getattr(entry, "template", None) else ("text",),
        "media": getattr(entry, "media", []),
        "link": getattr(entry, "link", ""),
        "pillar": getattr(entry, "pillar", ""),
        "status": getattr(entry, "status", "planned"),
        "owner": getattr(entry, "owner", ""),
        "campaign": getattr(entry, "campaign", ""),
        "budget": getattr(entry, "budget", None),
        "first_comment": getattr(entry, "first_comment", None),
    }
    # Only themes have variants; asking a pydantic model for a field it lacks is slow.
    variants = entry.variants if isinstance(entry, schema.Theme) else {}
    key = channel if channel in variants else network if network in variants else None
    if key is not None:
        variant: schema.Variant = variants[key]
        if variant.text is not None or variant.template is not None:
            values["text"], values["template"] = variant.text, variant.template
            values["path_key"] = ("variants", key, "template" if variant.template else "text")
        if variant.hashtags is not None:
            values["hashtags"] = variant.hashtags
        if variant.format is not None:
            values["format"] = variant.format
        if variant.campaign:
            values["campaign"] = variant.campaign
    return values


def _shared(fields: dict[str, Any], model: schema.Calendar) -> dict[str, Any]:
    """What every post of one entry on one channel shares, worked out once."""
    campaign = model.campaigns.get(fields["campaign"])
    # A campaign's UTM parameters name each post (utm_content): only then is the link per post.
    fields["utm"] = campaign if fields["link"] and campaign and campaign.utm else None
    fields["media_paths"] = media_paths(fields["media"])
    fields["alt_text"] = media_alts(fields["media"])
    fields["tags_key"] = tuple(fields["hashtags"])
    return fields


@lru_cache(maxsize=8192)  # channels post at the same times on the same days
def _clock(day: date, at: time, tz_name: str) -> tuple[str, str, bool]:
    """The local HH:MM, the UTC instant (formatted) and whether the time fell in a DST gap.

    (Formatted from the fields: strftime is a noticeable cost over a year of posts.)
    """
    local, in_gap = localize(day, at, tz_name)
    utc = local.astimezone(UTC)
    return (
        f"{local.hour:02d}:{local.minute:02d}",
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
        f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z",
        in_gap,
    )


@dataclass
class Values:
    """What a post's template may read: the whole context, or one value of it."""

    post: Post
    day: date
    names: list[str]
    calendar: dict[str, Any]

    def context(self) -> dict[str, Any]:
        return {
            "post": {k: v for k, v in self.post.as_dict().items() if k != "text"},
            "calendar": self.calendar,
            "vars": self.calendar["vars"],
            "day": self._day(),
        }

    def lookup(self, obj: str, attr: str) -> Any:
        """One value of context() without building it: a reused text needs only these."""
        if obj == "post":
            return getattr(self.post, attr) if attr in _POST_IN_CONTEXT else MISSING
        if obj == "day":
            return self._day().get(attr, MISSING)
        if obj == "vars":
            return self.calendar["vars"].get(attr, MISSING)
        return self.calendar.get(attr, MISSING) if obj == "calendar" else MISSING

    def _day(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "weekday": self.post.weekday, "names": self.names}
