"""From a checked calendar and a window to dated, rendered posts (SPEC section 3)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, time, timedelta
from typing import Any

from smmplan import schema, vocab
from smmplan.checks import Checked
from smmplan.loader import KeyPath
from smmplan.model import CalendarInfo, DayEvent, Post, Schedule, Unfilled
from smmplan.problems import Code, Collector
from smmplan.recurrence import rrule_dates
from smmplan.render import Renderer, RenderError, published_text
from smmplan.vocab import YearlyDate

MAX_SLOTS = 200_000  # slot occurrences of one calendar in one window


@dataclass
class _Claim:
    """A post placed on a channel at a local date and time, before rendering."""

    source: str  # draft | observance | holiday | theme
    source_id: str
    path: KeyPath  # where the entry is written, for problems
    entry: Any  # the schema entry (Draft, Observance, Greeting, Theme)
    title: str


@dataclass
class _Day:
    slots: list[time]
    taken: dict[time, _Claim] = field(default_factory=dict)
    extra: dict[time, _Claim] = field(default_factory=dict)

    def first_free(self) -> time | None:
        return next((t for t in self.slots if t not in self.taken), None)

    def busy(self, at: time) -> bool:
        return at in self.taken or at in self.extra

    def place(self, at: time, claim: _Claim) -> None:
        (self.taken if at in self.slots else self.extra)[at] = claim


def post_id(calendar_id: str, source: str, source_id: str, channel: str, when: str) -> str:
    """Stable across runs and machines: a hash of what identifies the post."""
    key = "\x1f".join((calendar_id, source, source_id, channel, when))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def expand(
    checked: Checked, start: date, end: date, renderer: Renderer, out: Collector
) -> Schedule:
    """The schedule of one calendar over [start, end]; problems go to `out`."""
    return _Planner(checked, start, end, renderer, out).run()


class _Planner:
    def __init__(
        self, checked: Checked, start: date, end: date, renderer: Renderer, out: Collector
    ) -> None:
        self.c = checked
        self.m: schema.Calendar = checked.model
        self.start, self.end = start, end
        self.renderer = renderer
        self.out = out
        self.anchor = self.m.period.start if self.m.period else start
        self.dates = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        self.days: dict[str, dict[date, _Day]] = {}
        self.holidays: dict[date, list[str]] = {}
        self.observed: dict[date, list[str]] = {}
        self.day_events: list[DayEvent] = []
        self._field_cache: dict[tuple[int, str, str], dict[str, Any]] = {}
        self.overfull = False

    def report(self, path: KeyPath, code: Code, message: str, *, level: str = "error") -> None:
        file, line, col = self.c.source.at(path)
        self.out.add(file, line, col, code, message, level=level)  # type: ignore[arg-type]

    def run(self) -> Schedule:
        self._slots()
        if self.overfull:  # reported; placing posts into a partial table would only add noise
            return self._schedule([], [])
        self._public_holidays()
        observances = self._observance_dates()
        self._drafts()
        self._observances(observances)
        self._greetings()
        self._themes()
        return self._schedule(self._posts(), self._unfilled())

    def _schedule(self, posts: list[Post], unfilled: list[Unfilled]) -> Schedule:
        channels = {
            key: {"network": ch.network, "account": ch.account}
            for key, ch in self.m.channels.items()
        }
        info = CalendarInfo(
            self.c.id,
            self.m.name,
            self.m.timezone,
            self.m.language,
            dict(self.m.vars),
            self.c.source.located.path,
        )
        return Schedule(
            info,
            self.start,
            self.end,
            posts,
            sorted(self.day_events, key=lambda e: (e.date, e.kind, e.id)),
            unfilled,
            channels,
            blackout={
                day.isoformat(): reason
                for day, reason in sorted(self.c.blackout.items())
                if self.start <= day <= self.end
            },
        )

    # 1. slots -----------------------------------------------------------------
    def _slots(self) -> None:
        total = 0
        for key, channel in self.m.channels.items():
            table: dict[date, set[time]] = {}
            for slot in channel.slots:
                for day in self._slot_dates(slot):
                    table.setdefault(day, set()).update(slot.times)
            self.days[key] = {
                day: _Day(sorted(table.get(day, ())))
                for day in self.dates
                if day not in self.c.blackout
            }
            total += sum(len(day.slots) for day in self.days[key].values())
            if total > MAX_SLOTS:  # a bound on time and memory, whatever the calendar says
                self.report(
                    ("channels", key),
                    Code.TOO_LARGE,
                    f"the window holds more than {MAX_SLOTS:,} slots; "
                    "build a shorter window or give fewer slot times",
                )
                self.overfull = True
                return

    def _slot_dates(self, slot: schema.Slot) -> list[date]:
        if slot.rrule:
            return rrule_dates(slot.rrule, slot.start or self.anchor, self.start, self.end)
        weekdays = {d for group in slot.days or [] for d in group}
        return [day for day in self.dates if day.weekday() in weekdays]

    # holidays and observances ---------------------------------------------------
    def _public_holidays(self) -> None:
        spec = self.m.holidays
        if not spec.country:
            return
        from smmplan.cache.holidays import holidays_between

        self.holidays = holidays_between(
            spec.country,
            self.start,
            self.end,
            subdivision=spec.subdivision,
            categories=tuple(spec.categories),
            language=self.c.holiday_language,
        )
        for day, names in self.holidays.items():
            for name in names:
                self._day_event(day, "holiday", vocab.slugify(name) or "holiday", name)

    def _day_event(self, day: date, kind: str, source_id: str, name: str) -> None:
        event_id = post_id(self.c.id, kind, source_id, "", day.isoformat())
        self.day_events.append(DayEvent(day.isoformat(), kind, source_id, name, event_id))

    def _observance_entries(self) -> list[tuple[str, schema.Observance, KeyPath, bool]]:
        """The calendar's observances, then its packs' days: id, entry, path, from a pack."""
        own = [
            (self.c.observance_ids[index], entry, ("holidays", "observances", index), False)
            for index, entry in enumerate(self.m.holidays.observances)
        ]
        return own + [(day.id, day.entry, day.path, True) for day in self.c.pack_days]

    def _observance_dates(self) -> list[list[date]]:
        found: list[list[date]] = []
        for source_id, entry, _, _ in self._observance_entries():
            dates = self._occurrences(entry, entry.date)
            found.append(dates)
            name = entry.title or entry.name
            for day in dates:
                self.observed.setdefault(day, []).append(name)
                self._day_event(day, "observance", source_id, name)
        return found

    def _occurrences(self, entry: schema.Observance, when: date | YearlyDate | None) -> list[date]:
        if entry.rrule:
            return rrule_dates(entry.rrule, entry.start or self.anchor, self.start, self.end)
        if isinstance(when, YearlyDate):
            found = []
            for year in range(self.start.year, self.end.year + 1):
                try:
                    day = date(year, when.month, when.day)
                except ValueError:  # 02-29 outside leap years
                    continue
                if self.start <= day <= self.end:
                    found.append(day)
            return found
        return [when] if isinstance(when, date) and self.start <= when <= self.end else []

    # 3. drafts -----------------------------------------------------------------
    def _drafts(self) -> None:
        timed = [(i, d) for i, d in enumerate(self.m.posts) if d.time is not None]
        untimed = [(i, d) for i, d in enumerate(self.m.posts) if d.time is None]
        for index, draft in [*timed, *untimed]:
            claim = _Claim(
                "draft",
                self.c.draft_ids[index],
                ("posts", index),
                draft,
                draft.title or self.c.draft_ids[index],
            )
            for day in self._draft_dates(draft):
                for channel in self.c.channels_of(draft.channels):
                    self._place_draft(claim, channel, day)

    def _draft_dates(self, draft: schema.Draft) -> list[date]:
        if draft.rrule:
            dates = rrule_dates(draft.rrule, draft.start or self.anchor, self.start, self.end)
            skip = set(draft.skip) | set(self.c.blackout)
            return [day for day in dates if day not in skip]
        if draft.date and self.start <= draft.date <= self.end:
            return [draft.date]
        return []

    def _place_draft(self, claim: _Claim, channel: str, day: date) -> None:
        slots = self.days[channel].get(day)
        if slots is None:  # blackout day: SPEC drops it; dated drafts were reported by checks
            return
        draft: schema.Draft = claim.entry
        at = draft.time or slots.first_free()
        where = (
            (*claim.path, "time")
            if draft.time
            else (*claim.path, "date" if draft.date else "rrule")
        )
        if at is None:
            why = "has no slot" if not slots.slots else "has no free slot left"
            self.report(
                where,
                Code.DRAFT_NO_SLOT,
                f"channel '{channel}' {why} on {day} ({vocab.WEEKDAY_NAMES[day.weekday()]}); "
                "give the post a 'time'",
            )
            return
        if slots.busy(at):
            other = slots.taken.get(at) or slots.extra[at]
            self.report(
                where,
                Code.DRAFT_CLASH,
                f"'{claim.source_id}' and '{other.source_id}' are both at {day} "
                f"{at:%H:%M} on channel '{channel}'; move one of them",
            )
            return
        slots.place(at, claim)

    # 4. observances, 5. greetings ----------------------------------------------
    def _observances(self, dates: list[list[date]]) -> None:
        posting = {day.id for day in self.c.pack_days if day.posts}
        for index, (source_id, entry, path, packed) in enumerate(self._observance_entries()):
            if packed and source_id not in posting:
                continue
            claim = _Claim("observance", source_id, path, entry, entry.title or entry.name)
            for day in dates[index]:
                for channel in self.c.channels_of(entry.channels):
                    self._place_special(
                        claim, channel, day, entry.time, Code.OBSERVANCE_NO_SLOT, quiet=packed
                    )

    def _greetings(self) -> None:
        greeting = self.m.holidays.greeting
        if greeting is None:
            return
        for day, names in self.holidays.items():
            title = " / ".join(names)
            claim = _Claim(
                "holiday",
                vocab.slugify(title) or "holiday",
                ("holidays", "greeting"),
                greeting,
                title,
            )
            for channel in self.c.channels_of(greeting.channels):
                self._place_special(claim, channel, day, greeting.time, Code.GREETING_NO_SLOT)

    def _place_special(
        self,
        claim: _Claim,
        channel: str,
        day: date,
        at: time | None,
        code: Code,
        *,
        quiet: bool = False,
    ) -> None:
        slots = self.days[channel].get(day)
        if slots is None:
            return
        chosen = at if at is not None else slots.first_free()
        if (chosen is None or slots.busy(chosen)) and quiet:
            # A pack day without a free slot stays a name of the day: a pack of some
            # two hundred days would otherwise warn on every busy day of the year.
            return
        if chosen is None or slots.busy(chosen):
            why = (
                f"{chosen:%H:%M} is taken"
                if chosen
                else "no free slot"
                if slots.slots
                else "no slot"
            )
            self.report(
                claim.path,
                code,
                f"'{claim.title}' is left out on channel '{channel}' on {day}: {why} "
                "(add a slot, or give it a 'time' or 'channels')",
                level="warning",
            )
            return
        slots.place(chosen, claim)

    # 6. themes ----------------------------------------------------------------
    def _themes(self) -> None:
        by_day: dict[tuple[int, str], int] = {}
        for index, theme in enumerate(self.m.themes):
            for channel in self.c.channels_of(theme.channels):
                for group in theme.days:
                    for weekday in group:
                        by_day.setdefault((weekday, channel), index)
        claims = [
            _Claim("theme", self.c.theme_ids[i], ("themes", i), theme, theme.name)
            for i, theme in enumerate(self.m.themes)
        ]
        skip_holidays = self.m.holidays.on_holiday == "skip"
        for channel, table in self.days.items():
            for day, slots in table.items():
                if skip_holidays and day in self.holidays:
                    continue
                found = by_day.get((day.weekday(), channel))
                if found is None:
                    continue
                for at in slots.slots:
                    if at not in slots.taken:
                        slots.taken[at] = claims[found]

    def _unfilled(self) -> list[Unfilled]:
        skip_holidays = self.m.holidays.on_holiday == "skip"
        return [
            Unfilled(day.isoformat(), f"{at:%H:%M}", channel)
            for channel, table in self.days.items()
            for day, slots in table.items()
            if not (skip_holidays and day in self.holidays)
            for at in slots.slots
            if at not in slots.taken
        ]

    # rendering -----------------------------------------------------------------
    def _posts(self) -> list[Post]:
        posts = [
            post
            for channel, table in self.days.items()
            for day, slots in table.items()
            for at, claim in sorted({**slots.taken, **slots.extra}.items())
            if (post := self._post(channel, day, at, claim)) is not None
        ]
        posts.sort(key=lambda p: (p.utc, p.channel, p.id))
        return posts

    def _post(self, channel_key: str, day: date, at: time, claim: _Claim) -> Post | None:
        from smmplan.zones import localize

        channel = self.m.channels[channel_key]
        tz_name = channel.timezone or self.m.timezone
        local, in_gap = localize(day, at, tz_name)
        if in_gap:
            self.report(
                self._time_path(claim, channel_key),
                Code.DST_GAP,
                f"{day} {at:%H:%M} does not exist in {tz_name} (clocks go forward); "
                f"posting at {local:%H:%M}",
                level="warning",
            )
        fields = self._fields(claim, channel_key, channel.network)
        names = self.holidays.get(day, []) + self.observed.get(day, [])
        # The written wall-clock time names the slot, even when a DST gap moves the post.
        # (Formatting from the fields: strftime is a noticeable cost over a year of posts.)
        iso_day = day.isoformat()
        when = f"{iso_day}T{at.hour:02d}:{at.minute:02d}"
        utc = local.astimezone(UTC)
        post = Post(
            date=iso_day,
            time=f"{local.hour:02d}:{local.minute:02d}",
            timezone=tz_name,
            utc=f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
            f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z",
            weekday=vocab.WEEKDAY_NAMES[day.weekday()],
            channel=channel_key,
            network=channel.network,
            account=channel.account,
            source=claim.source,
            source_id=claim.source_id,
            title=claim.title,
            text="",
            hashtags=list(fields["hashtags"]),
            media=list(fields["media"]),
            link=fields["link"],
            format=fields["format"],
            pillar=fields["pillar"],
            status=fields["status"],
            owner=fields["owner"],
            campaign=fields["campaign"],
            budget=fields["budget"],
            day_names=names,
            id=post_id(self.c.id, claim.source, claim.source_id, channel_key, when),
            origin=self.c.source.at(claim.path),
        )
        body = self._render(claim, fields, post, day, names)
        if body is None:
            return None
        post.text = published_text(body, post.hashtags)
        return post

    def _fields(self, claim: _Claim, channel: str, network: str) -> dict[str, Any]:
        """The post fields an entry gives on one channel, worked out once per entry and channel."""
        key = (id(claim.entry), claim.source_id, channel)
        found = self._field_cache.get(key)
        if found is None:
            found = self._field_cache[key] = _fields(claim, channel, network)
        return found

    def _time_path(self, claim: _Claim, channel: str) -> KeyPath:
        if claim.source in ("draft", "observance") and getattr(claim.entry, "time", None):
            return (*claim.path, "time")
        return ("channels", channel, "slots")

    def _render(
        self, claim: _Claim, fields: dict[str, Any], post: Post, day: date, names: list[str]
    ) -> str | None:
        template, text = fields["template"], fields["text"]
        if template is None and text is None:
            return ""

        def context() -> dict[str, Any]:
            return {
                "post": {k: v for k, v in post.as_dict().items() if k != "text"},
                "calendar": {
                    "id": self.c.id,
                    "name": self.m.name,
                    "timezone": self.m.timezone,
                    "language": self.m.language,
                    "vars": self.m.vars,
                },
                "vars": self.m.vars,
                "day": {"date": day.isoformat(), "weekday": post.weekday, "names": names},
            }

        try:
            return self.renderer.render(template=template, text=text, context=context)
        except RenderError as exc:
            self._render_problem(exc, claim, fields)
            return None

    def _render_problem(self, exc: RenderError, claim: _Claim, fields: dict[str, Any]) -> None:
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


def _fields(claim: _Claim, channel: str, network: str) -> dict[str, Any]:
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
    return values
