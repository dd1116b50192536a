"""Hypothesis over generated calendars: expansion is deterministic, bounded and consistent."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from calendars_for_tests import write_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan.pipeline import Planned, Window, plan_one

pytestmark = pytest.mark.slow

# With DST (north and south), a half-hour offset, a 45-minute offset, a half-hour DST shift.
ZONES = [
    "UTC",
    "Europe/Madrid",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
]
DAY_WORDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# Times in the hours DST skips or repeats (01:00-02:59 local) come up often.
times = st.one_of(
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
    st.builds(time, st.integers(1, 2), st.integers(0, 59)),
    st.builds(time, st.just(2), st.integers(0, 59)),
)

# 2026 DST changes: New York 03-08 and 11-01, Europe 03-29 and 10-25, Sydney and Lord Howe
# 04-05 and 10-04. Windows often start shortly before one of them.
DST_CHANGES = [date(2026, m, d) for m, d in [(3, 8), (3, 29), (4, 5), (10, 4), (10, 25), (11, 1)]]
starts = st.one_of(
    st.builds(lambda n: date(2026, 1, 1) + timedelta(days=n), st.integers(0, 400)),
    st.builds(lambda d, n: d - timedelta(days=n), st.sampled_from(DST_CHANGES), st.integers(0, 20)),
)


@st.composite
def channels(draw: st.DrawFn) -> dict[str, dict]:  # type: ignore[type-arg]
    found: dict[str, dict] = {}  # type: ignore[type-arg]
    for n in range(draw(st.integers(1, 3))):
        slots = []
        for _ in range(draw(st.integers(1, 3))):
            days = draw(st.lists(st.sampled_from(DAY_WORDS), min_size=1, max_size=7, unique=True))
            if draw(st.booleans()) and len(days) == 7:
                days = ["daily"]
            slot_times = draw(st.lists(times, min_size=1, max_size=3, unique=True))
            slots.append({"days": days, "times": slot_times})
        zone = draw(st.one_of(st.none(), st.sampled_from(ZONES)))
        found[f"ch{n}"] = {"zone": zone, "slots": slots}
    return found


@st.composite
def themes(draw: st.DrawFn, channel_keys: list[str]) -> list[dict]:  # type: ignore[type-arg]
    # Each weekday goes to at most one theme, so no two themes can clash.
    owner = draw(st.lists(st.integers(-1, 2), min_size=7, max_size=7))
    found = []
    for n in range(3):
        days = [DAY_WORDS[d] for d in range(7) if owner[d] == n]
        if not days:
            continue
        chans = draw(
            st.one_of(
                st.none(),
                st.lists(st.sampled_from(channel_keys), min_size=1, unique=True),
            )
        )
        found.append({"name": f"Theme {n}", "days": days, "channels": chans})
    return found


@st.composite
def calendars(draw: st.DrawFn) -> tuple[str, date, date]:
    chans = draw(channels())
    start = draw(starts)
    end = start + timedelta(days=draw(st.integers(0, 60)))
    lines = [
        "smmplan: 1",
        "id: generated",
        "name: Generated",
        f"timezone: {draw(st.sampled_from(ZONES))}",
        "channels:",
    ]
    for key, channel in chans.items():
        lines += [f"  {key}:", "    network: other"]
        if channel["zone"]:
            lines.append(f"    timezone: {channel['zone']}")
        lines.append("    slots:")
        for slot in channel["slots"]:
            days = ", ".join(slot["days"])
            slot_times = ", ".join(f'"{t:%H:%M}"' for t in slot["times"])
            lines.append(f"      - {{days: [{days}], times: [{slot_times}]}}")
    theme_list = draw(themes(list(chans)))
    if theme_list:
        lines.append("themes:")
        for theme in theme_list:
            days = ", ".join(theme["days"])
            lines.append(f"  - name: {theme['name']}")
            lines.append(f"    days: [{days}]")
            lines.append('    text: "{{ post.title }} on {{ day.date }}"')
            if theme["channels"]:
                lines.append(f"    channels: [{', '.join(theme['channels'])}]")
    return "\n".join(lines) + "\n", start, end


def run(text: str, start: date, end: date) -> Planned:
    root = Path(tempfile.mkdtemp(prefix="smmplan-prop-"))
    try:
        return plan_one(write_repo(root, text), Window(start, end))
    finally:
        shutil.rmtree(root)


FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(calendars())
def test_expansion_is_deterministic(case):  # type: ignore[no-untyped-def]
    text, start, end = case
    first, second = run(text, start, end), run(text, start, end)
    assert first.schedule is not None, [p.as_text() for p in first.problems]
    assert second.schedule is not None
    assert [p.as_dict() for p in first.schedule.posts] == [
        p.as_dict() for p in second.schedule.posts
    ]
    assert first.schedule.unfilled == second.schedule.unfilled
    assert [(p.line, p.code, p.message) for p in first.problems] == [
        (p.line, p.code, p.message) for p in second.problems
    ]


@FAST
@given(calendars())
def test_posts_stay_in_the_window_have_unique_ids_and_consistent_utc(case):  # type: ignore[no-untyped-def]
    text, start, end = case
    planned = run(text, start, end)
    assert planned.schedule is not None, [p.as_text() for p in planned.problems]
    # W309: a generated theme may fall on days its channels have no slot on.
    assert {p.code for p in planned.problems} <= {"W302", "W309"}
    posts = planned.schedule.posts
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids))
    for post in posts:
        assert start.isoformat() <= post.date <= end.isoformat()
        back = datetime.strptime(post.utc, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        local = back.astimezone(ZoneInfo(post.timezone))
        assert (local.date().isoformat(), f"{local:%H:%M}") == (post.date, post.time)
        assert post.weekday == f"{date.fromisoformat(post.date):%A}"
    for slot in planned.schedule.unfilled:
        assert start.isoformat() <= slot.date <= end.isoformat()


@FAST
@given(calendars())
def test_every_slot_occurrence_is_a_post_or_unfilled(case):  # type: ignore[no-untyped-def]
    text, start, end = case
    planned = run(text, start, end)
    schedule = planned.schedule
    assert schedule is not None, [p.as_text() for p in planned.problems]
    expected = _slot_occurrences(text, start, end)
    moved = {p.message for p in planned.problems if p.code == "W302"}
    got = [(p.channel, p.date, p.time) for p in schedule.posts]
    got += [(u.channel, u.date, u.time) for u in schedule.unfilled]
    assert len(got) == len(expected)
    for channel, day, at in set(got) - expected:
        # Only a wall-clock time that DST skipped may differ from its slot, with a warning.
        assert any(day in message for message in moved), (channel, day, at)


def _slot_occurrences(text: str, start: date, end: date) -> set[tuple[str, str, str]]:
    """(channel, date, time) of every slot occurrence, read back from the generated YAML."""
    import yaml

    data = yaml.safe_load(text)
    found = set()
    span = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    for key, channel in data["channels"].items():
        for slot in channel["slots"]:
            words = slot["days"]
            weekdays = set(range(7)) if words == ["daily"] else {DAY_WORDS.index(w) for w in words}
            for day in span:
                if day.weekday() in weekdays:
                    found |= {(key, day.isoformat(), t) for t in slot["times"]}
    return found


# Each zone with its 2026 changes; Lord Howe moves its clocks by half an hour.
ZONE_CHANGES = {
    "Europe/Madrid": [date(2026, 3, 29), date(2026, 10, 25)],
    "America/New_York": [date(2026, 3, 8), date(2026, 11, 1)],
    "Australia/Sydney": [date(2026, 4, 5), date(2026, 10, 4)],
    "Australia/Lord_Howe": [date(2026, 4, 5), date(2026, 10, 4)],
}


@st.composite
def dst_calendars(draw: st.DrawFn) -> tuple[str, date, date, list[str]]:
    zone = draw(st.sampled_from(sorted(ZONE_CHANGES)))
    change = draw(st.sampled_from(ZONE_CHANGES[zone]))
    start = change - timedelta(days=draw(st.integers(0, 10)))
    end = change + timedelta(days=draw(st.integers(0, 10)))
    slot_times = draw(st.lists(times, min_size=1, max_size=4, unique=True))
    listed = ", ".join(f'"{t:%H:%M}"' for t in slot_times)
    text = (
        "smmplan: 1\nid: dst\nname: DST\ntimezone: UTC\n"
        f"channels:\n  ch:\n    network: other\n    timezone: {zone}\n"
        f"    slots: [{{days: [daily], times: [{listed}]}}]\n"
        "themes:\n  - {name: Daily, days: [daily], text: hi}\n"
    )
    return text, start, end, [f"{t:%H:%M}" for t in slot_times]


@FAST
@given(dst_calendars())
def test_dst_changes_keep_posts_on_their_local_day_and_warn_for_skipped_times(case):  # type: ignore[no-untyped-def]
    text, start, end, slot_times = case
    planned = run(text, start, end)
    assert planned.schedule is not None, [p.as_text() for p in planned.problems]
    posts = planned.schedule.posts
    days = (end - start).days + 1
    assert len(posts) == days * len(slot_times)
    assert len({p.id for p in posts}) == len(posts)
    assert {p.date for p in posts} == {(start + timedelta(days=n)).isoformat() for n in range(days)}
    # A wall-clock time that does not survive a round trip through UTC is in a DST gap.
    zone = ZoneInfo(posts[0].timezone)
    in_gap = [
        (day, slot)
        for day in (start + timedelta(days=n) for n in range(days))
        for slot in slot_times
        if (naive := datetime.combine(day, time.fromisoformat(slot)))
        != naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    ]
    warnings = [p for p in planned.problems if p.code == "W302"]
    assert len(warnings) == len(in_gap)
    for post in posts:
        local = (
            datetime.strptime(post.utc, "%Y-%m-%dT%H:%M:%SZ")
            .replace(tzinfo=UTC)
            .astimezone(ZoneInfo(post.timezone))
        )
        assert (local.date().isoformat(), f"{local:%H:%M}") == (post.date, post.time)
    for day, slot in in_gap:
        # A skipped time is read with the offset before the gap, so it moves forward, same day.
        assert any(f"{day} {slot} does not exist" in w.message for w in warnings)
        assert any(p.date == day.isoformat() and p.time > slot for p in posts)
