"""What a calendar plans that its schedule does not hold: one warning and one record each.

Every item is a warning at the entry (W301, W304, W306-W309) and a `LeftOut` on the schedule,
which the JSON export lists and `build` counts. The kinds:

- `outside-period` (W306): a dated draft outside the calendar's `period` (without a period,
  outside the window): no build of the calendar includes it.
- `skip-unused` (W307): a `skip:` date that is not a date of the draft.
- `no-date` (W308): a recurring draft none of whose dates falls in the period (or window), or
  all of whose dates there are skipped or blackout days.
- `no-slot` (W301, W304): an observance, a pack day with `posts: true` or a holiday greeting
  that finds no free slot on a channel on its day.
- `theme-unused` (W309): a theme that fills no slot in a window that holds all its weekdays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from smmplan.load import vocab
from smmplan.load.recurrence import rrule_dates
from smmplan.model import LeftOut
from smmplan.problems import Code, Collector

if TYPE_CHECKING:
    from smmplan.load import schema
    from smmplan.load.checks import Checked
    from smmplan.load.positions import KeyPath
    from smmplan.load.source import Source

# The codes whose problems each name one left-out item (validate --format json marks them).
CODES = frozenset(
    code.value
    for code in (
        Code.OBSERVANCE_NO_SLOT,
        Code.GREETING_NO_SLOT,
        Code.DRAFT_OUTSIDE_PERIOD,
        Code.SKIP_UNUSED,
        Code.DRAFT_NO_DATE,
        Code.THEME_UNUSED,
    )
)


@dataclass
class LeftOutLog:
    """Reports each left-out item as a warning and keeps it for the schedule."""

    source: Source
    out: Collector
    items: list[LeftOut] = field(default_factory=list)

    def add(
        self, path: KeyPath, code: Code, kind: str, entry: tuple[str, str], message: str
    ) -> None:
        """`entry` is the (source, source_id) of what is left out."""
        file, line, col = self.source.at(path)
        self.out.add(file, line, col, code, message, level="warning")
        self.items.append(LeftOut(code.value, kind, *entry, message, file, line, col))


@dataclass
class ThemeUse:
    """How a theme met the window: its (channel, day) pairs, their slots, the slots it filled."""

    days: int = 0
    slots: int = 0
    filled: int = 0


def check_drafts(checked: Checked, start: date, end: date, log: LeftOutLog) -> None:
    """W306-W308: drafts with no date in the calendar's period nor in the window [start, end].

    A draft outside this window but inside the period is not left out: another window of the
    period builds it.
    """
    period = checked.model.period
    spans = [(start, end)] + ([(period.start, period.end)] if period else [])
    anchor = period.start if period else start
    for index, draft in enumerate(checked.model.posts):
        draft_id = checked.draft_ids[index]
        if draft.rrule:
            _recurring(checked, index, draft, spans, draft.start or anchor, log)
        elif draft.date and not any(first <= draft.date <= last for first, last in spans):
            log.add(
                ("posts", index, "date"),
                Code.DRAFT_OUTSIDE_PERIOD,
                "outside-period",
                ("draft", draft_id),
                f"'{draft_id}' is dated {draft.date}, outside {_span_name(checked, spans)}; "
                "no build includes it: move it, or widen the period",
            )
        _unused_skips(checked, index, draft, draft.start or anchor, log)


def _recurring(
    checked: Checked,
    index: int,
    draft: schema.Draft,
    spans: list[tuple[date, date]],
    anchor: date,
    log: LeftOutLog,
) -> None:
    draft_id = checked.draft_ids[index]
    dates = [day for span in spans for day in rrule_dates(draft.rrule or "", anchor, *span)]
    kept = [day for day in dates if day not in draft.skip and day not in checked.blackout]
    if kept:
        return
    why = (
        "every one of its dates there is skipped or a blackout day"
        if dates
        else "its rule gives no date there"
    )
    log.add(
        ("posts", index, "rrule"),
        Code.DRAFT_NO_DATE,
        "no-date",
        ("draft", draft_id),
        f"'{draft_id}' has no post in {_span_name(checked, spans)}: {why}; "
        "check its rrule, start and skip",
    )


def _unused_skips(
    checked: Checked, index: int, draft: schema.Draft, anchor: date, log: LeftOutLog
) -> None:
    draft_id = checked.draft_ids[index]
    for at, day in enumerate(draft.skip):
        if draft.rrule and rrule_dates(draft.rrule, anchor, day, day):
            continue
        what = "a date of its rule" if draft.rrule else "used: only recurring drafts skip dates"
        weekday = vocab.WEEKDAY_NAMES[day.weekday()]
        log.add(
            ("posts", index, "skip", at),
            Code.SKIP_UNUSED,
            "skip-unused",
            ("draft", draft_id),
            f"skip date {day} ({weekday}) of '{draft_id}' is not {what}, so it skips nothing; "
            "correct the date or remove it",
        )


def check_themes(
    checked: Checked, uses: dict[int, ThemeUse], weekdays: set[int], log: LeftOutLog
) -> None:
    """W309: a theme that fills no slot in a window holding every one of its weekdays.

    In a window shorter than a week, a daily theme whose channel posts on Mondays only is not
    left out; it just has no Monday there.
    """
    for index, theme in enumerate(checked.model.themes):
        use = uses.get(index, ThemeUse())
        if use.filled or not use.days or not {d for g in theme.days for d in g} <= weekdays:
            continue
        theme_id = checked.theme_ids[index]
        why = (
            "every slot on its days is taken by drafts, observances or greetings"
            if use.slots
            else "its channels have no slot on its days"
        )
        log.add(
            ("themes", index),
            Code.THEME_UNUSED,
            "theme-unused",
            ("theme", theme_id),
            f"theme '{theme.name}' fills no slot in the window: {why}; "
            "add slots on its days, or change its days or channels",
        )


def _span_name(checked: Checked, spans: list[tuple[date, date]]) -> str:
    """The period when the calendar has one (a build of it is what counts), else the window."""
    what, (first, last) = (
        ("the calendar's period", spans[-1]) if checked.model.period else ("the window", spans[0])
    )
    return f"{what} {first} – {last}"
