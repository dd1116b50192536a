"""From a checked calendar and a window to dated, rendered posts (docs/expansion.md)."""

from __future__ import annotations

from datetime import date, time, timedelta

from smmplan.expand import campaigning, evergreen, evergreen_report, leftout
from smmplan.expand.posting import Claim, Day, PostWriter, post_id
from smmplan.load import schema, vocab
from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.load.publishing import publishing_of
from smmplan.load.recurrence import rrule_dates
from smmplan.load.vocab import YearlyDate
from smmplan.model import CalendarInfo, DayEvent, Post, Schedule, Unfilled
from smmplan.problems import Code, Collector
from smmplan.render.renderer import Renderer

MAX_SLOTS = 200_000  # slot occurrences of one calendar in one window


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
        self.days: dict[str, dict[date, Day]] = {}
        self.holidays: dict[date, list[str]] = {}
        self.observed: dict[date, list[str]] = {}
        self.day_events: list[DayEvent] = []
        self.left_out = leftout.LeftOutLog(checked.source, out)
        self.theme_uses: dict[int, leftout.ThemeUse] = {}
        self.overfull = False

    def report(self, path: KeyPath, code: Code, message: str, *, level: str = "error") -> None:
        file, line, col = self.c.source.at(path)
        self.out.add(file, line, col, code, message, level=level)  # type: ignore[arg-type]

    def run(self) -> Schedule:
        self._place()
        if self.overfull:  # reported; placing posts into a partial table would only add noise
            return self._schedule([], [])
        weekdays = {day.weekday() for day in self.dates}
        leftout.check_themes(self.c, self.theme_uses, weekdays, self.left_out)
        resting = evergreen.fill(self.c, self.start, self.days, self._skipped(), self._history)
        evergreen_report.resting(self.c, resting, self.out)
        names = {
            day: self.holidays.get(day, []) + self.observed.get(day, [])
            for day in {*self.holidays, *self.observed}
        }
        writer = PostWriter(self.c, self.renderer, self.out, self.report, names)
        posts = writer.posts(self.days)
        campaigning.check_posts(self.c, posts, self.out)
        return self._schedule(posts, self._unfilled())

    def _place(self) -> None:
        """Claim slots: drafts, observances, greetings, then themes."""
        self._slots()
        if self.overfull:
            return
        self._public_holidays()
        observances = self._observance_dates()
        self._drafts()
        leftout.check_drafts(self.c, self.start, self.end, self.left_out)
        self._observances(observances)
        self._greetings()
        self._themes()

    def _skipped(self) -> set[date]:
        """Days whose free slots stay free: public holidays when themes skip them."""
        return set(self.holidays) if self.m.holidays.on_holiday == "skip" else set()

    def _history(self, start: date, end: date) -> tuple[dict[str, dict[date, Day]], set[date]]:
        """The claimed slots of an earlier span, for the evergreen rotation to replay."""
        earlier = _Planner(self.c, start, end, self.renderer, Collector())
        earlier.anchor = self.anchor
        earlier._place()
        return earlier.days, earlier._skipped()

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
            left_out=self.left_out.items,
            campaigns=campaigning.summary(self.m),
            publishing=publishing_of(self.m),
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
                day: Day(sorted(table.get(day, ())))
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
            claim = Claim(
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

    def _place_draft(self, claim: Claim, channel: str, day: date) -> None:
        slots = self.days[channel].get(day)
        if slots is None:  # a blackout day (docs/expansion.md); dated drafts there are E203
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
            claim = Claim("observance", source_id, path, entry, entry.title or entry.name)
            for day in dates[index]:
                for channel in self.c.channels_of(entry.channels):
                    self._place_special(
                        claim, channel, day, entry.time, Code.OBSERVANCE_NO_SLOT, packed=packed
                    )

    def _greetings(self) -> None:
        greeting = self.m.holidays.greeting
        if greeting is None:
            return
        for day, names in self.holidays.items():
            title = " / ".join(names)
            claim = Claim(
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
        claim: Claim,
        channel: str,
        day: date,
        at: time | None,
        code: Code,
        *,
        packed: bool = False,
    ) -> None:
        slots = self.days[channel].get(day)
        if slots is None:  # a blackout day: the calendar said nothing posts on it
            return
        chosen = at if at is not None else slots.first_free()
        if chosen is not None and not slots.busy(chosen):
            slots.place(chosen, claim)
            return
        why = f"{chosen:%H:%M} is taken" if chosen else "no free slot" if slots.slots else "no slot"
        what, fix = (
            (f"pack day '{claim.source_id}'", "add a slot, or the pack's 'channels' or 'skip'")
            if packed
            else (f"'{claim.title}'", "add a slot, or give it a 'time' or 'channels'")
        )
        self.left_out.add(
            claim.path,
            code,
            "no-slot",
            ("pack" if packed else claim.source, claim.source_id),
            f"{what} is left out on channel '{channel}' on {day}: {why} ({fix})",
        )

    # 6. themes ----------------------------------------------------------------
    def _themes(self) -> None:
        by_day: dict[tuple[int, str], int] = {}
        for index, theme in enumerate(self.m.themes):
            for channel in self.c.channels_of(theme.channels):
                for group in theme.days:
                    for weekday in group:
                        by_day.setdefault((weekday, channel), index)
        claims = [
            Claim("theme", self.c.theme_ids[i], ("themes", i), theme, theme.name)
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
                use = self.theme_uses.setdefault(found, leftout.ThemeUse())
                use.days += 1
                use.slots += len(slots.slots)
                for at in slots.slots:
                    if at not in slots.taken:
                        slots.taken[at] = claims[found]
                        use.filled += 1

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
