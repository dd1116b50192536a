"""The evergreen library fills quiet slots: checked against a re-computation from the rules of
docs/expansion.md written here, and across window edges."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

from calendars_for_tests import calendar, line_of, plan_text, posts_of, schedule_of, write_repo

from smmplan.pipeline import Window, plan_one

# Slots: ig Monday to Saturday at 10:00 and Saturday also 17:00; x Tuesday and Thursday 09:00.
# Monday on ig belongs to a theme, so the rotation sees the other slots.
BODY = """\
channels:
  ig:
    network: instagram
    slots:
      - days: [weekdays, sat]
        times: ["10:00"]
      - days: [sat]
        times: ["17:00"]
  x:
    network: x
    slots:
      - days: [tue, thu]
        times: ["09:00"]
themes:
  - name: Monday tip
    days: [mon]
    channels: [ig]
    text: "Monday tip"
evergreen:
  fill: true
  library:
    - {id: alpha, text: "Alpha", weight: 2, cooldown: 5}
    - {id: beta, text: "Beta", cooldown: 4}
    - {id: gamma, text: "Gamma", cooldown: 10, channels: [ig]}
    - {id: delta, text: "Delta", weight: 0.5, cooldown: 3, not_before: 2027-02-10}
    - {id: eps, text: "Eps", cooldown: 6, channels: [x], not_after: 2027-04-15}
"""
LIBRARY = [
    {"id": "alpha", "weight": 2, "cooldown": 5},
    {"id": "beta", "weight": 1, "cooldown": 4},
    {"id": "gamma", "weight": 1, "cooldown": 10, "channels": ["ig"]},
    {"id": "delta", "weight": Fraction(1, 2), "cooldown": 3, "not_before": date(2027, 2, 10)},
    {"id": "eps", "weight": 1, "cooldown": 6, "channels": ["x"], "not_after": date(2027, 4, 15)},
]
PERIOD = "{start: 2027-01-01, end: 2027-04-30}"


def free_slots(start: date, end: date) -> list[tuple[date, str, str]]:
    """The slots no theme takes, in the documented order: date, time, channel order."""
    found = []
    day = start
    while day <= end:
        weekday = day.weekday()
        if 1 <= weekday <= 5:
            found.append((day, "10:00", "ig"))
        if weekday == 5:
            found.append((day, "17:00", "ig"))
        if weekday in (1, 3):
            found.append((day, "09:00", "x"))
        day += timedelta(days=1)
    return sorted(found, key=lambda s: (s[0], s[1], ["ig", "x"].index(s[2])))


def recompute(start: date, end: date) -> dict[tuple[str, str, str], str]:
    """The rules as docs/expansion.md states them, from the period's start."""
    uses: Counter[tuple[str, str]] = Counter()
    last: dict[tuple[str, str], date] = {}
    used_on: dict[date, set[str]] = {}
    chosen = {}
    for day, at, channel in free_slots(date(2027, 1, 1), end):
        best = None
        for post in LIBRARY:
            key = (channel, post["id"])
            if "channels" in post and channel not in post["channels"]:
                continue
            if post.get("not_before", date.min) > day or post.get("not_after", date.max) < day:
                continue
            if key in last and (day - last[key]).days < post["cooldown"]:
                continue
            if post["id"] in used_on.get(day, set()):
                continue
            score = Fraction(uses[key]) / Fraction(post["weight"])
            if best is None or score < best[0]:
                best = (score, post["id"])
        if best is None:
            continue
        uses[(channel, best[1])] += 1
        last[(channel, best[1])] = day
        used_on.setdefault(day, set()).add(best[1])
        if day >= start:
            chosen[(day.isoformat(), at, channel)] = best[1]
    return chosen


def evergreen_of(planned) -> dict[tuple[str, str, str], str]:
    return {
        (p.date, p.time, p.channel): p.source_id
        for p in posts_of(planned)
        if p.source == "evergreen"
    }


def build(tmp_path: Path, start: str, end: str):
    path = write_repo(tmp_path, calendar(BODY, period=PERIOD))
    return plan_one(path, Window(date.fromisoformat(start), date.fromisoformat(end)))


def test_the_choice_matches_an_independent_recomputation(tmp_path: Path) -> None:
    planned = build(tmp_path, "2027-03-01", "2027-04-30")
    assert evergreen_of(planned) == recompute(date(2027, 3, 1), date(2027, 4, 30))


def test_march_then_april_gives_the_april_of_march_and_april_at_once(tmp_path: Path) -> None:
    both = evergreen_of(build(tmp_path, "2027-03-01", "2027-04-30"))
    april = evergreen_of(build(tmp_path, "2027-04-01", "2027-04-30"))
    assert april == {slot: post for slot, post in both.items() if slot[0] >= "2027-04"}
    assert april  # the window is not empty


def test_cooldowns_and_one_use_a_day_hold_and_weights_share_the_slots(tmp_path: Path) -> None:
    chosen = evergreen_of(build(tmp_path, "2027-01-01", "2027-04-30"))
    cooldown = {post["id"]: post["cooldown"] for post in LIBRARY}
    last: dict[tuple[str, str], date] = {}
    per_day = Counter()
    for (day, _, channel), post in sorted(chosen.items()):
        when = date.fromisoformat(day)
        if (channel, post) in last:
            assert (when - last[(channel, post)]).days >= cooldown[post]
        last[(channel, post)] = when
        per_day[(day, post)] += 1
    assert max(per_day.values()) == 1


def test_weights_share_the_slots(tmp_path: Path) -> None:
    text = calendar(
        """\
channels:
  ig:
    network: instagram
    slots:
      - {days: [daily], times: ["10:00"]}
evergreen:
  fill: true
  library:
    - {id: often, text: "Often", weight: 2, cooldown: 0}
    - {id: seldom, text: "Seldom", cooldown: 0}
""",
        period="{start: 2027-03-01, end: 2027-03-30}",
    )
    counts = Counter(p.source_id for p in posts_of(plan_text(tmp_path, text)))
    assert counts == {"often": 20, "seldom": 10}


def test_the_same_calendar_gives_the_same_choice(tmp_path: Path) -> None:
    first = evergreen_of(build(tmp_path, "2027-02-01", "2027-03-31"))
    assert first == evergreen_of(build(tmp_path, "2027-02-01", "2027-03-31"))


def test_an_exhausted_library_leaves_slots_unfilled_and_says_why(tmp_path: Path) -> None:
    text = calendar(
        """\
channels:
  ig:
    network: instagram
    slots:
      - days: [daily]
        times: ["10:00"]
evergreen:
  fill: true
  library:
    - {id: only, text: "Only", cooldown: 7}
""",
        period="{start: 2027-03-01, end: 2027-03-14}",
    )
    planned = plan_text(tmp_path, text)
    assert [p.date for p in posts_of(planned)] == ["2027-03-01", "2027-03-08"]
    assert len(schedule_of(planned).unfilled) == 12
    (warning,) = [p for p in planned.problems if p.code == "W705"]
    assert warning.line == line_of(text, "library:")
    assert warning.message.startswith("12 free slot(s) on channel 'ig' stay unfilled")


def test_per_channel_fill_with(tmp_path: Path) -> None:
    text = calendar(
        """\
channels:
  ig:
    network: instagram
    fill_with: evergreen
    slots:
      - {days: [mon], times: ["10:00"]}
  x:
    network: x
    slots:
      - {days: [mon], times: ["10:00"]}
evergreen:
  library:
    - {id: only, text: "Only", cooldown: 0}
""",
        period="{start: 2027-03-01, end: 2027-03-14}",
    )
    planned = plan_text(tmp_path, text)
    assert {(p.channel, p.source) for p in posts_of(planned)} == {("ig", "evergreen")}


def test_bad_weight_cooldown_and_missing_start_are_positioned_errors(tmp_path: Path) -> None:
    text = calendar(
        """\
channels:
  ig:
    network: instagram
    slots:
      - {days: [mon], times: ["10:00"]}
evergreen:
  fill: true
  library:
    - id: a
      text: "A"
      weight: 0
    - id: b
      text: "B"
      cooldown: -3
""",
    )
    planned = plan_text(tmp_path, text, "2027-03-01", "2027-03-31")
    assert {(p.code, p.line) for p in planned.problems} == {
        ("E709", line_of(text, "weight: 0")),
        ("E710", line_of(text, "cooldown: -3")),
    }
    fixed = text.replace("weight: 0", "weight: 1").replace("cooldown: -3", "cooldown: 3")
    planned = plan_text(tmp_path, fixed, "2027-03-01", "2027-03-31")
    assert [(p.code, p.line) for p in planned.problems] == [("E714", line_of(fixed, "evergreen:"))]
