"""The expansion rules of docs/expansion.md, one calendar at a time through `plan_one`.

December 2026 starts on a Tuesday: Mondays are 7, 14, 21, 28; Fridays 4, 11, 18, 25.
"""

from __future__ import annotations

import pathlib
import shutil
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from calendars_for_tests import (
    calendar,
    codes,
    dates_of,
    error_codes,
    line_of,
    plan_text,
    posts_of,
    schedule_of,
    slots_of,
    write_repo,
)

from smmplan.model import Unfilled
from smmplan.pipeline import plan_one

DEC = "{start: 2026-12-01, end: 2026-12-31}"
MONDAYS = ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]

# One channel, two slots on weekdays, a theme on every day.
WEEKDAY_CAFE = """\
channels:
  ig:
    network: instagram
    slots:
      - days: [weekdays]
        times: ["09:30", "18:00"]
themes:
  - name: Coffee tip
    days: [daily]
    text: "Tip of the day"
"""


def cafe(extra: str = "", *, period: str = DEC) -> str:
    return calendar(WEEKDAY_CAFE + extra, period=period)


def one_slot_channel(days: str, times: str = '["09:00"]') -> str:
    return calendar(
        f"""\
        channels:
          ig:
            network: instagram
            slots:
              - days: {days}
                times: {times}
        themes:
          - name: Daily
            days: [daily]
            text: "hi"
        """,
        period=DEC,
    )


def on(planned, day: str, channel: str | None = None):  # type: ignore[no-untyped-def]
    return [
        p for p in posts_of(planned) if p.date == day and (channel is None or p.channel == channel)
    ]


# 1. slot occurrences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "weekdays"),
    [
        ("[mon, Wednesday, FRI]", {0, 2, 4}),
        ("[MONDAY]", {0}),
        ("[weekdays]", {0, 1, 2, 3, 4}),
        ("[Weekends]", {5, 6}),
        ("[daily]", set(range(7))),
        ("sat", {5}),
        ("[tue, weekends]", {1, 5, 6}),
    ],
)
def test_slot_days_give_every_matching_date_in_the_window(tmp_path, days, weekdays):
    planned = plan_text(tmp_path, one_slot_channel(days))
    assert codes(planned) == []
    expected = [f"2026-12-{n:02d}" for n in range(1, 32) if date(2026, 12, n).weekday() in weekdays]
    assert dates_of(planned) == expected
    assert {p.time for p in posts_of(planned)} == {"09:00"}


def test_each_time_of_a_slot_gives_a_post(tmp_path):
    planned = plan_text(tmp_path, one_slot_channel("[mon]", '["09:30", "19:00", "12:15"]'))
    assert slots_of(planned) == [
        (day, at, "theme") for day in MONDAYS for at in ("09:30", "12:15", "19:00")
    ]


def test_two_slots_with_the_same_time_on_one_day_give_one_post(tmp_path):
    text = calendar(
        """\
        channels:
          ig:
            network: instagram
            slots:
              - {days: [mon], times: ["09:00"]}
              - {days: [weekdays], times: ["09:00", "17:00"]}
        themes:
          - {name: Daily, days: [daily], text: hi}
        """,
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    assert slots_of(plan_text(tmp_path, text)) == [
        ("2026-12-07", "09:00", "theme"),
        ("2026-12-07", "17:00", "theme"),
    ]


RRULE_SLOT = """\
channels:
  x:
    network: x
    slots:
      - rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
        {start}times: ["17:00"]
themes:
  - {{name: Daily, days: [daily], text: hi}}
"""


def test_rrule_slot_is_anchored_at_period_start(tmp_path):
    text = calendar(RRULE_SLOT.format(start=""), period=DEC)
    assert dates_of(plan_text(tmp_path, text)) == ["2026-12-01", "2026-12-15", "2026-12-29"]


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-12-10", "2026-12-31"), ("2026-12-08", "2026-12-29"), ("2026-12-15", "2026-12-15")],
)
def test_rrule_slot_part_of_the_month_gives_the_same_dates_as_the_whole(tmp_path, start, end):
    text = calendar(RRULE_SLOT.format(start=""), period=DEC)
    whole = [d for d in ["2026-12-01", "2026-12-15", "2026-12-29"] if start <= d <= end]
    planned = plan_text(tmp_path, text, start, end)
    assert dates_of(planned) == whole
    assert {p.utc[11:] for p in posts_of(planned)} == {"16:00:00Z"}


def test_rrule_slot_with_its_own_start(tmp_path):
    text = calendar(RRULE_SLOT.format(start="start: 2026-12-08\n        "), period=DEC)
    assert dates_of(plan_text(tmp_path, text)) == ["2026-12-08", "2026-12-22"]
    assert dates_of(plan_text(tmp_path, text, "2026-12-16", "2026-12-31")) == ["2026-12-22"]


def test_rrule_slot_with_its_own_start_needs_no_period(tmp_path):
    text = calendar(RRULE_SLOT.format(start="start: 2026-12-08\n        "))
    planned = plan_text(tmp_path, text, "2026-12-20", "2027-01-10")
    assert dates_of(planned) == ["2026-12-22", "2027-01-05"]


def test_rrule_slot_depending_on_its_anchor_without_period_or_start_is_an_error(tmp_path):
    text = calendar(RRULE_SLOT.format(start=""))
    planned = plan_text(tmp_path, text, "2026-12-01", "2026-12-31")
    assert error_codes(planned) == ["E206"]
    assert planned.problems[0].line == line_of(text, "rrule:")
    assert planned.schedule is None


def test_a_window_outside_the_period_still_uses_the_period_anchor(tmp_path):
    text = calendar(RRULE_SLOT.format(start=""), period=DEC)
    assert dates_of(plan_text(tmp_path, text, "2027-01-01", "2027-01-31")) == [
        "2027-01-12",
        "2027-01-26",
    ]


# 2. blackout ---------------------------------------------------------------------------------


def test_blackout_day_has_no_posts_from_any_source(tmp_path):
    text = cafe(
        """\
holidays:
  country: ES
  on_holiday: keep
  greeting: {text: "Happy {{ post.title }}"}
  observances:
    - {name: Sweater Day, date: "12-24"}
    - {name: Monthly recap, rrule: "FREQ=MONTHLY;BYMONTHDAY=25"}
  blackout:
    - {date: 2026-12-25, reason: closed}
    - {date: 2026-12-24}
posts:
  - id: friday
    rrule: "FREQ=WEEKLY;BYDAY=FR"
    time: "12:00"
    text: Friday!
"""
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == []
    assert on(planned, "2026-12-24") == []
    assert on(planned, "2026-12-25") == []
    # The same sources do post on other days.
    assert {p.source for p in posts_of(planned)} == {"theme", "draft", "holiday"}
    assert [p.date for p in posts_of(planned) if p.source == "draft"] == [
        "2026-12-04",
        "2026-12-11",
        "2026-12-18",
    ]
    blacked = {"2026-12-24", "2026-12-25"}
    assert not [u for u in schedule_of(planned).unfilled if u.date in blacked]


def test_dated_draft_on_a_blackout_day_is_an_error(tmp_path):
    text = cafe(
        """\
holidays:
  blackout:
    - {date: 2026-12-24, reason: closed}
posts:
  - title: Eve
    date: 2026-12-24
    text: hi
"""
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E203"]
    problem = planned.problems[0]
    assert problem.line == line_of(text, "    date: 2026-12-24")
    assert "closed" in problem.message
    assert planned.schedule is None


# 3. drafts -----------------------------------------------------------------------------------


def test_draft_at_a_slot_time_takes_the_slot(tmp_path):
    text = cafe(
        """\
posts:
  - title: Launch
    date: 2026-12-07
    time: "09:30"
    channels: [ig]
    text: New blend
"""
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    posts = on(planned, "2026-12-07")
    assert [(p.time, p.source, p.title) for p in posts] == [
        ("09:30", "draft", "Launch"),
        ("18:00", "theme", "Coffee tip"),
    ]
    assert posts[0].text == "New blend"
    assert posts[0].status == "draft"
    assert posts[0].source_id == "launch"


def test_draft_at_another_time_is_an_extra_post(tmp_path):
    text = cafe(
        """\
posts:
  - {title: Noon, date: 2026-12-07, time: "12:00", text: Lunch}
"""
    )
    posts = on(plan_text(tmp_path, text), "2026-12-07")
    assert [(p.time, p.source) for p in posts] == [
        ("09:30", "theme"),
        ("12:00", "draft"),
        ("18:00", "theme"),
    ]


def test_draft_without_time_takes_the_first_free_slot(tmp_path):
    text = cafe(
        """\
posts:
  - {title: Untimed, date: 2026-12-07, text: a}
  - {title: Other untimed, date: 2026-12-08, text: b}
  - {title: Timed, date: 2026-12-08, time: "09:30", text: c}
"""
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    assert [(p.time, p.title) for p in on(planned, "2026-12-07")] == [
        ("09:30", "Untimed"),
        ("18:00", "Coffee tip"),
    ]
    # The timed draft keeps its slot even though it is listed later.
    assert [(p.time, p.title) for p in on(planned, "2026-12-08")] == [
        ("09:30", "Timed"),
        ("18:00", "Other untimed"),
    ]


def test_draft_without_time_on_a_day_without_slots_is_an_error(tmp_path):
    text = cafe(
        """\
posts:
  - title: Saturday
    date: 2026-12-05
    text: hi
"""
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E204"]
    assert planned.problems[0].line == line_of(text, "date: 2026-12-05")
    assert planned.schedule is None


def test_draft_with_time_on_a_day_without_slots_posts_at_that_time(tmp_path):
    text = cafe("posts:\n  - {title: Sat, date: 2026-12-05, time: '11:00', text: hi}\n")
    assert [(p.time, p.source) for p in on(plan_text(tmp_path, text), "2026-12-05")] == [
        ("11:00", "draft")
    ]


def test_two_drafts_at_the_same_channel_and_minute_are_an_error(tmp_path):
    text = cafe(
        """\
posts:
  - {title: One, date: 2026-12-07, time: "12:00", text: a}
  - {title: Two, date: 2026-12-07, time: "12:00", text: b}
"""
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E205"]
    assert "one" in planned.problems[0].message and "two" in planned.problems[0].message
    assert planned.schedule is None


def test_two_drafts_at_the_same_minute_on_different_channels_are_fine(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [mon], times: ["09:30"]}]}
          x: {network: x, slots: [{days: [mon], times: ["09:30"]}]}
        posts:
          - {title: One, date: 2026-12-07, time: "09:30", channels: [ig], text: a}
          - {title: Two, date: 2026-12-07, time: "09:30", channels: [x], text: b}
        """,
        period=DEC,
    )
    posts = posts_of(plan_text(tmp_path, text))
    assert [(p.channel, p.title) for p in posts] == [("ig", "One"), ("x", "Two")]


def test_draft_without_channels_posts_on_every_channel(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, account: "@cafe", slots: [{days: [mon], times: ["09:30"]}]}
          x: {network: x, slots: [{days: [mon], times: ["10:00"]}]}
        posts:
          - {title: Both, date: 2026-12-07, text: a}
        """,
        period=DEC,
    )
    posts = posts_of(plan_text(tmp_path, text))
    assert [(p.channel, p.network, p.account, p.time) for p in posts] == [
        ("ig", "instagram", "@cafe", "09:30"),
        ("x", "x", "", "10:00"),
    ]


def test_recurring_draft_by_rrule_with_skip(tmp_path):
    text = cafe(
        """\
posts:
  - id: friday-giveaway
    rrule: "FREQ=WEEKLY;BYDAY=FR"
    skip: [2026-12-11, 2026-12-25]
    channels: [ig]
    text: "Giveaway Friday!"
    status: approved
"""
    )
    planned = plan_text(tmp_path, text)
    drafts = [p for p in posts_of(planned) if p.source == "draft"]
    assert [(p.date, p.time, p.title, p.status) for p in drafts] == [
        ("2026-12-04", "09:30", "friday-giveaway", "approved"),
        ("2026-12-18", "09:30", "friday-giveaway", "approved"),
    ]
    # The skipped Fridays keep their theme posts.
    assert [p.source for p in on(planned, "2026-12-11")] == ["theme", "theme"]


def test_draft_fields_reach_the_post(tmp_path):
    text = cafe(
        """\
vars: {promo: XMAS10}
posts:
  - title: Christmas blend launch
    date: 2026-12-07
    text: "Code {{ vars.promo }} on {{ day.weekday }}"
    hashtags: ["#ChristmasBlend", Coffee]
    media: [media/xmas.jpg]
    link: https://cafe.example/xmas
    format: carousel
    status: review
    owner: anna
    campaign: xmas-2026
    budget: 40
"""
    )
    post = on(plan_text(tmp_path, text), "2026-12-07")[0]
    assert post.title == "Christmas blend launch"
    assert post.source_id == "christmas-blend-launch"
    assert post.text == "Code XMAS10 on Monday\n\n#ChristmasBlend #Coffee"
    assert post.hashtags == ["#ChristmasBlend", "#Coffee"]
    assert (post.media, post.link, post.format) == (
        ["media/xmas.jpg"],
        "https://cafe.example/xmas",
        "carousel",
    )
    assert (post.status, post.owner, post.campaign, post.budget) == (
        "review",
        "anna",
        "xmas-2026",
        40,
    )
    assert (post.weekday, post.timezone, post.utc) == (
        "Monday",
        "Europe/Madrid",
        "2026-12-07T08:30:00Z",
    )


# 4. observances ------------------------------------------------------------------------------


def test_observance_takes_the_first_free_slot_and_a_later_one_the_next(tmp_path):
    text = cafe(
        """\
holidays:
  observances:
    - {name: Human Rights Day, date: "12-10", hashtags: ["#HumanRightsDay"], text: Rights}
    - {name: Mountain Day, date: "12-10", title: Go climb, text: "{{ post.title }}!"}
"""
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    posts = on(planned, "2026-12-10")
    assert [(p.time, p.source, p.source_id, p.title, p.text, p.status) for p in posts] == [
        ("09:30", "observance", "human-rights-day", "Human Rights Day", _tags("Rights"), "planned"),
        ("18:00", "observance", "mountain-day", "Go climb", "Go climb!", "planned"),
    ]
    assert posts[0].day_names == ["Human Rights Day", "Go climb"]


def _tags(body: str) -> str:
    return f"{body}\n\n#HumanRightsDay"


def test_observance_after_a_draft_takes_the_next_free_slot(tmp_path):
    text = cafe(
        """\
holidays:
  observances:
    - {name: Mountain Day, date: 2026-12-11, text: Up}
posts:
  - {title: Morning, date: 2026-12-11, time: "09:30", text: a}
"""
    )
    posts = on(plan_text(tmp_path, text), "2026-12-11")
    assert [(p.time, p.source) for p in posts] == [("09:30", "draft"), ("18:00", "observance")]


def test_observance_with_its_own_time(tmp_path):
    text = cafe(
        """\
holidays:
  observances:
    - {name: Mountain Day, date: "12-11", time: "12:00", text: Up}
"""
    )
    posts = on(plan_text(tmp_path, text), "2026-12-11")
    assert [(p.time, p.source) for p in posts] == [
        ("09:30", "theme"),
        ("12:00", "observance"),
        ("18:00", "theme"),
    ]


def test_observance_without_a_free_slot_is_a_warning_and_left_out(tmp_path):
    text = cafe(
        """\
holidays:
  observances:
    - {name: Mountain Day, date: "12-11", text: Up}
    - {name: Sunday Day, date: "12-13", text: Sun}
posts:
  - {title: A, date: 2026-12-11, time: "09:30", text: a}
  - {title: B, date: 2026-12-11, time: "18:00", text: b}
"""
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == ["W301", "W301"]
    assert {p.level for p in planned.problems} == {"warning"}
    assert sorted(p.line for p in planned.problems) == [
        line_of(text, "Mountain Day"),
        line_of(text, "Sunday Day"),
    ]
    assert [p.source for p in posts_of(planned) if p.source == "observance"] == []
    assert [p.source for p in on(planned, "2026-12-11")] == ["draft", "draft"]


def test_observance_dates_yearly_once_and_rrule(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:00", "18:00"]}]}
        holidays:
          observances:
            - {name: New Year, date: "01-01", text: a}
            - {name: Launch day, date: 2027-01-15, text: b}
            - {name: Old launch, date: 2025-12-20, text: c}
            - {name: First Friday, rrule: "FREQ=MONTHLY;BYDAY=1FR", text: d}
        """,
        period="{start: 2026-12-01, end: 2027-01-31}",
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    observed = [(p.date, p.time, p.title) for p in posts_of(planned) if p.source == "observance"]
    assert observed == [
        ("2026-12-04", "09:00", "First Friday"),
        ("2027-01-01", "09:00", "New Year"),
        ("2027-01-01", "18:00", "First Friday"),
        ("2027-01-15", "09:00", "Launch day"),
    ]


def test_observance_on_the_same_day_as_another_takes_the_next_slot_or_warns(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:00"]}]}
        holidays:
          observances:
            - {name: New Year, date: "01-01", text: a}
            - {name: First Friday, rrule: "FREQ=MONTHLY;BYDAY=1FR", text: d}
        """,
        period="{start: 2027-01-01, end: 2027-01-01}",
    )
    planned = plan_text(tmp_path, text)
    assert [(p.date, p.title) for p in posts_of(planned)] == [("2027-01-01", "New Year")]
    assert codes(planned) == ["W301"]
    assert planned.problems[0].line == line_of(text, "First Friday")


# 5. public holidays --------------------------------------------------------------------------

CATALAN_HOLIDAYS = """\
language: ca
holidays:
  country: ES
  subdivision: CT
  on_holiday: {on_holiday}
{greeting}"""


def holiday_cafe(on_holiday: str = "skip", greeting: str = "") -> str:
    body = WEEKDAY_CAFE.replace(
        "    slots:\n", "    slots:\n      - {days: [sat], times: ['11:00']}\n"
    )
    return calendar(
        body + CATALAN_HOLIDAYS.format(on_holiday=on_holiday, greeting=greeting), period=DEC
    )


def test_public_holidays_have_their_catalan_names(tmp_path):
    planned = plan_text(tmp_path, holiday_cafe())
    assert codes(planned) == []
    days = {(d.date, d.kind): d.name for d in schedule_of(planned).days}
    assert days[("2026-12-08", "holiday")] == "Immaculada Concepció"
    assert days[("2026-12-26", "holiday")] == "Sant Esteve"
    # The holidays package calls Christmas "Nativitat del Senyor" in Catalan; both are Catalan.
    assert days[("2026-12-25", "holiday")] in {"Nadal", "Nativitat del Senyor"}
    assert set(days) == {
        ("2026-12-08", "holiday"),
        ("2026-12-25", "holiday"),
        ("2026-12-26", "holiday"),
    }


def test_on_holiday_skip_gives_no_theme_posts_that_day(tmp_path):
    planned = plan_text(tmp_path, holiday_cafe("skip"))
    for day in ("2026-12-08", "2026-12-25", "2026-12-26"):
        assert on(planned, day) == []
    assert [p.time for p in on(planned, "2026-12-09")] == ["09:30", "18:00"]


def test_on_holiday_keep_keeps_theme_posts(tmp_path):
    planned = plan_text(tmp_path, holiday_cafe("keep"))
    posts = on(planned, "2026-12-08")
    assert [(p.time, p.source) for p in posts] == [("09:30", "theme"), ("18:00", "theme")]
    assert posts[0].day_names == ["Immaculada Concepció"]
    assert [p.time for p in on(planned, "2026-12-26")] == ["11:00"]


def test_holiday_greeting_posts_at_the_first_free_slot_with_the_holiday_name(tmp_path):
    greeting = '  greeting:\n    text: "Bon {{ post.title }}!"\n    hashtags: [Festa]\n'
    text = holiday_cafe("keep", greeting)
    text += "posts:\n  - {title: Morning, date: 2026-12-08, time: '09:30', text: m}\n"
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    posts = on(planned, "2026-12-08")
    assert [(p.time, p.source, p.title) for p in posts] == [
        ("09:30", "draft", "Morning"),
        ("18:00", "holiday", "Immaculada Concepció"),
    ]
    greeting_post = posts[1]
    assert greeting_post.text == "Bon Immaculada Concepció!\n\n#Festa"
    assert greeting_post.status == "planned"
    assert [(p.date, p.time, p.title) for p in posts_of(planned) if p.source == "holiday"] == [
        ("2026-12-08", "18:00", "Immaculada Concepció"),
        ("2026-12-25", "09:30", _christmas(planned)),
        ("2026-12-26", "11:00", "Sant Esteve"),
    ]


def _christmas(planned):  # type: ignore[no-untyped-def]
    return next(d.name for d in schedule_of(planned).days if d.date == "2026-12-25")


def test_greeting_goes_only_to_its_channels_and_skip_leaves_the_rest_of_the_day_empty(tmp_path):
    text = calendar(
        """\
        language: ca
        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:30", "18:00"]}]}
          x: {network: x, slots: [{days: [daily], times: ["10:00"]}]}
        themes:
          - {name: Daily, days: [daily], text: hi}
        holidays:
          country: ES
          subdivision: CT
          greeting: {text: "Bon dia", channels: [ig]}
        """,
        period="{start: 2026-12-08, end: 2026-12-08}",
    )
    planned = plan_text(tmp_path, text)
    assert [(p.channel, p.time, p.source, p.title) for p in posts_of(planned)] == [
        ("ig", "09:30", "holiday", "Immaculada Concepció"),
    ]


def test_day_names_list_the_holidays_and_observances_of_that_day(tmp_path):
    observance = (
        "  observances:\n"
        "    - {name: Mountain Day, date: '12-08', time: '12:00', text: up}\n"
        "    - {name: Octopus Day, date: '12-09', text: eight}\n"
    )
    planned = plan_text(tmp_path, holiday_cafe("keep", observance))
    assert codes(planned) == []
    assert on(planned, "2026-12-08")
    for post in on(planned, "2026-12-08"):
        assert post.day_names == ["Immaculada Concepció", "Mountain Day"]
    assert on(planned, "2026-12-09")
    for post in on(planned, "2026-12-09"):
        assert post.day_names == ["Octopus Day"]
    assert on(planned, "2026-12-10")
    assert all(p.day_names == [] for p in on(planned, "2026-12-10"))
    kinds = [(d.date, d.kind, d.name) for d in schedule_of(planned).days if d.date <= "2026-12-09"]
    assert kinds == [
        ("2026-12-08", "holiday", "Immaculada Concepció"),
        ("2026-12-08", "observance", "Mountain Day"),
        ("2026-12-09", "observance", "Octopus Day"),
    ]


# 6. themes -----------------------------------------------------------------------------------

TWO_CHANNELS = """\
channels:
  ig: {network: instagram, slots: [{days: [daily], times: ["09:30", "18:00"]}]}
  ig2: {network: instagram, slots: [{days: [daily], times: ["10:00"]}]}
  x: {network: x, slots: [{days: [daily], times: ["12:00"]}]}
"""


def test_themes_fill_free_slots_on_their_weekdays_and_channels(tmp_path):
    text = calendar(
        TWO_CHANNELS
        + """\
themes:
  - name: Motivation Monday
    days: [mon]
    channels: [ig]
    text: Go!
    pillar: inspiration
    format: photo
  - id: tips
    name: Tip Tuesday
    days: [tuesday]
    text: Tip
""",
        period="{start: 2026-12-07, end: 2026-12-13}",
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    got = [(p.date, p.channel, p.time, p.title, p.source_id) for p in posts_of(planned)]
    assert got == [
        ("2026-12-07", "ig", "09:30", "Motivation Monday", "motivation-monday"),
        ("2026-12-07", "ig", "18:00", "Motivation Monday", "motivation-monday"),
        ("2026-12-08", "ig", "09:30", "Tip Tuesday", "tips"),
        ("2026-12-08", "ig2", "10:00", "Tip Tuesday", "tips"),
        ("2026-12-08", "x", "12:00", "Tip Tuesday", "tips"),
        ("2026-12-08", "ig", "18:00", "Tip Tuesday", "tips"),
    ]
    monday = posts_of(planned)[0]
    assert (monday.source, monday.status, monday.pillar, monday.format) == (
        "theme",
        "planned",
        "inspiration",
        "photo",
    )


def test_theme_hashtags_are_appended_after_a_blank_line_unless_in_the_body(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [mon, tue], times: ["09:30"]}]}
        themes:
          - {name: Plain, days: [mon], text: "Hello there", hashtags: ["#Coffee", Gracia]}
          - name: Tagged
            days: [tue]
            text: "Hello #coffee lovers"
            hashtags: ["#Coffee", "#Gracia"]
        """,
        period="{start: 2026-12-07, end: 2026-12-08}",
    )
    posts = posts_of(plan_text(tmp_path, text))
    assert posts[0].text == "Hello there\n\n#Coffee #Gracia"
    assert posts[0].hashtags == ["#Coffee", "#Gracia"]
    assert posts[1].text == "Hello #coffee lovers\n\n#Gracia"


def test_theme_from_a_template_file(tmp_path):
    text = calendar(
        """\
        vars: {website: https://cafe.example}
        channels:
          ig: {network: instagram, slots: [{days: [mon], times: ["09:30"]}]}
        themes:
          - {name: Motivation Monday, days: [mon], template: cafe/monday.j2}
        """,
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    templates = {"cafe/monday.j2": "{{ post.title }} on {{ day.date }}: {{ vars.website }}\n"}
    planned = plan_text(tmp_path, text, templates=templates)
    assert [p.text for p in posts_of(planned)] == [
        "Motivation Monday on 2026-12-07: https://cafe.example"
    ]


def test_theme_variant_for_a_channel_key_beats_one_for_its_network(tmp_path):
    text = calendar(
        TWO_CHANNELS
        + """\
themes:
  - name: Tip
    days: [mon]
    text: default
    hashtags: ["#Tip"]
    variants:
      instagram: {text: "for instagram", format: photo}
      ig2: {text: "for ig2", hashtags: ["#Two"]}
""",
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    posts = {(p.channel, p.time): p for p in posts_of(plan_text(tmp_path, text))}
    assert (posts["ig", "09:30"].text, posts["ig", "09:30"].format) == (
        "for instagram\n\n#Tip",
        "photo",
    )
    assert (posts["ig2", "10:00"].text, posts["ig2", "10:00"].format) == ("for ig2\n\n#Two", "text")
    assert posts["x", "12:00"].text == "default\n\n#Tip"


def test_two_themes_on_one_weekday_and_channel_are_an_error(tmp_path):
    text = calendar(
        TWO_CHANNELS
        + """\
themes:
  - {name: Tip, days: [weekdays], channels: [ig, x], text: a}
  - {name: Fun, days: [sat, wednesday], channels: [x], text: b}
""",
        period=DEC,
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E202"]
    assert planned.problems[0].line == line_of(text, "name: Fun")
    assert "Wednesday" in planned.problems[0].message
    assert planned.schedule is None


def test_two_themes_on_one_weekday_on_different_channels_are_fine(tmp_path):
    text = calendar(
        TWO_CHANNELS
        + """\
themes:
  - {name: Tip, days: [mon], channels: [ig], text: a}
  - {name: Fun, days: [mon], channels: [x, ig2], text: b}
""",
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    posts = posts_of(plan_text(tmp_path, text))
    assert [(p.channel, p.title) for p in posts] == [
        ("ig", "Tip"),
        ("ig2", "Fun"),
        ("x", "Fun"),
        ("ig", "Tip"),
    ]


def test_a_template_error_in_a_theme_points_at_that_theme(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:30"]}]}
        themes:
          - name: Broken
            days: [mon]
            text: "Hi {{ misspelt }}"
          - name: Fine
            days: [tue]
            text: "ok"
        """,
        period="{start: 2026-12-07, end: 2026-12-08}",
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E132"]
    assert planned.problems[0].line == line_of(text, "misspelt")


@pytest.mark.parametrize("key", ["missing", "not found"])
def test_a_render_error_in_a_template_file_points_into_the_file(tmp_path, key):
    """Whatever the failing template's text says, a file that loads is not 'not found'."""
    text = calendar(
        """        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:30"]}]}
        themes:
          - {name: Broken, days: [mon], template: b.j2}
        """,
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    planned = plan_text(tmp_path, text, templates={"b.j2": f"Hi\n{{{{ vars['{key}'] }}}}"})
    assert error_codes(planned) == ["E132"]
    problem = planned.problems[0]
    assert (pathlib.Path(problem.path).name, problem.line) == ("b.j2", 2)


# 7. unfilled ---------------------------------------------------------------------------------


def test_slots_left_free_are_unfilled(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [mon, tue], times: ["09:30", "18:00"]}]}
          x: {network: x, slots: [{days: [tue], times: ["12:00"]}]}
        themes:
          - {name: Monday, days: [mon], channels: [ig], text: a}
        posts:
          - {title: Tue, date: 2026-12-08, time: "18:00", channels: [ig], text: b}
        """,
        period="{start: 2026-12-07, end: 2026-12-08}",
    )
    schedule = schedule_of(plan_text(tmp_path, text))
    assert schedule.unfilled == [
        Unfilled("2026-12-08", "09:30", "ig"),
        Unfilled("2026-12-08", "12:00", "x"),
    ]
    assert len(schedule.posts) == 3


# channel time zones and DST ------------------------------------------------------------------


def test_channel_with_its_own_time_zone(tmp_path):
    text = calendar(
        """\
        channels:
          in: {network: instagram, slots: [{days: [daily], times: ["09:00"]}]}
          uk:
            network: x
            timezone: Europe/London
            slots: [{days: [daily], times: ["09:00", "23:30"]}]
        themes:
          - {name: Daily, days: [daily], text: hi}
        posts:
          - {title: Late, date: 2026-07-01, time: "23:45", channels: [uk], text: late}
        """,
        timezone="Asia/Kolkata",
    )
    planned = plan_text(tmp_path, text, "2026-07-01", "2026-07-01")
    got = [(p.channel, p.date, p.time, p.timezone, p.utc) for p in posts_of(planned)]
    assert got == [
        ("in", "2026-07-01", "09:00", "Asia/Kolkata", "2026-07-01T03:30:00Z"),
        ("uk", "2026-07-01", "09:00", "Europe/London", "2026-07-01T08:00:00Z"),
        ("uk", "2026-07-01", "23:30", "Europe/London", "2026-07-01T22:30:00Z"),
        ("uk", "2026-07-01", "23:45", "Europe/London", "2026-07-01T22:45:00Z"),
    ]
    winter = plan_text(tmp_path, text, "2026-12-01", "2026-12-01")
    assert [(p.channel, p.utc) for p in posts_of(winter)] == [
        ("in", "2026-12-01T03:30:00Z"),
        ("uk", "2026-12-01T09:00:00Z"),
        ("uk", "2026-12-01T23:30:00Z"),
    ]


def test_daily_slot_across_the_autumn_dst_change(tmp_path):
    text = one_slot_channel("[daily]")
    planned = plan_text(tmp_path, text, "2026-10-20", "2026-11-03")
    posts = posts_of(planned)
    assert codes(planned) == []
    assert len(posts) == 15
    assert {p.time for p in posts} == {"09:00"}
    for post in posts:
        expected = "07:00:00Z" if post.date < "2026-10-25" else "08:00:00Z"
        assert post.utc == f"{post.date}T{expected}", post.date


def test_slot_in_the_spring_forward_gap_moves_on_with_a_warning(tmp_path):
    text = one_slot_channel("[sun]", '["02:30"]')
    planned = plan_text(tmp_path, text, "2026-03-22", "2026-04-05")
    assert [(p.date, p.time, p.utc) for p in posts_of(planned)] == [
        ("2026-03-22", "02:30", "2026-03-22T01:30:00Z"),
        ("2026-03-29", "03:30", "2026-03-29T01:30:00Z"),
        ("2026-04-05", "02:30", "2026-04-05T00:30:00Z"),
    ]
    assert codes(planned) == ["W302"]
    assert "2026-03-29" in planned.problems[0].message


def test_draft_in_the_spring_forward_gap_warns_at_its_time(tmp_path):
    text = one_slot_channel("[sun]", '["12:00"]')
    text += "posts:\n  - title: Night\n    date: 2026-03-29\n    time: '02:15'\n    text: n\n"
    planned = plan_text(tmp_path, text, "2026-03-29", "2026-03-29")
    assert [(p.time, p.utc, p.source) for p in posts_of(planned)] == [
        ("03:15", "2026-03-29T01:15:00Z", "draft"),
        ("12:00", "2026-03-29T10:00:00Z", "theme"),
    ]
    assert codes(planned) == ["W302"]
    assert planned.problems[0].line == line_of(text, "time: '02:15'")


def test_ambiguous_fall_back_time_takes_the_first_occurrence(tmp_path):
    text = one_slot_channel("[sun]", '["02:30"]')
    planned = plan_text(tmp_path, text, "2026-10-25", "2026-10-25")
    assert [(p.time, p.utc) for p in posts_of(planned)] == [("02:30", "2026-10-25T00:30:00Z")]
    assert codes(planned) == []


def test_two_slots_that_meet_in_the_dst_gap_do_not_share_an_id(tmp_path):
    # 02:30 does not exist on 2026-03-29 and becomes 03:30, where another slot already is.
    text = one_slot_channel("[sun]", '["02:30", "03:30"]')
    posts = posts_of(plan_text(tmp_path, text, "2026-03-29", "2026-03-29"))
    assert len(posts) == 2
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids)), [(p.time, p.utc, p.id) for p in posts]


# YAML typing ---------------------------------------------------------------------------------


def test_unquoted_times_are_times_not_minutes(tmp_path):
    text = calendar(
        """\
        channels:
          ig:
            network: instagram
            slots:
              - days: [mon]
                times: [9:30, 18:05]
        posts:
          - title: Draft
            date: 2026-12-07
            time: 9:30
            text: hi
          - title: Early
            date: 2026-12-07
            time: 7:05
            text: hi
        """,
        period="{start: 2026-12-07, end: 2026-12-07}",
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    assert slots_of(planned) == [("2026-12-07", "07:05", "draft"), ("2026-12-07", "09:30", "draft")]
    assert schedule_of(planned).unfilled == [Unfilled("2026-12-07", "18:05", "ig")]


def test_country_no_is_norway(tmp_path):
    text = calendar(
        """\
        channels:
          ig: {network: instagram, slots: [{days: [daily], times: ["09:30"]}]}
        themes:
          - {name: Daily, days: [daily], text: hi}
        holidays:
          country: NO
        """,
        period="{start: 2026-12-24, end: 2026-12-27}",
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    assert [d.date for d in schedule_of(planned).days] == ["2026-12-25", "2026-12-26"]
    assert dates_of(planned) == ["2026-12-24", "2026-12-27"]


def test_yes_is_text(tmp_path):
    text = (
        "smmplan: 1\nname: yes\ntimezone: Europe/Madrid\n"
        "period: {start: 2026-12-07, end: 2026-12-07}\n"
        "channels:\n  ig: {network: instagram, slots: [{days: [mon], times: ['09:30']}]}\n"
        "themes:\n  - {name: no, days: [mon], text: on}\n"
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == []
    schedule = schedule_of(planned)
    assert schedule.calendar.name == "yes"
    assert [(p.title, p.text, p.source_id) for p in schedule.posts] == [("no", "on", "no")]


# post ids ------------------------------------------------------------------------------------

ID_CALENDAR = cafe(
    """\
holidays:
  observances:
    - {name: Mountain Day, date: "12-11", text: up}
posts:
  - {id: launch, title: Launch, date: 2026-12-07, time: "10:00", text: Launch}
"""
)


def test_post_ids_are_stable_across_runs_and_folders(tmp_path):
    first = posts_of(plan_text(tmp_path / "a", ID_CALENDAR))
    again = posts_of(plan_text(tmp_path / "a", ID_CALENDAR))
    elsewhere = posts_of(plan_text(tmp_path / "b" / "deeper", ID_CALENDAR))
    assert [p.id for p in first] == [p.id for p in again] == [p.id for p in elsewhere]
    assert [p.as_dict() for p in first] == [p.as_dict() for p in again]


def test_post_ids_are_unique_within_a_schedule(tmp_path):
    posts = posts_of(plan_text(tmp_path, ID_CALENDAR))
    assert len(posts) > 40
    assert len({p.id for p in posts}) == len(posts)


def test_post_id_changes_with_the_time_but_not_with_the_text(tmp_path):
    def launch_id(text: str) -> str:
        shutil.rmtree(tmp_path / "calendars", ignore_errors=True)
        path = write_repo(tmp_path, text)
        planned = plan_one(path, None)
        return next(p.id for p in posts_of(planned) if p.source_id == "launch")

    original = launch_id(ID_CALENDAR)
    assert launch_id(ID_CALENDAR.replace("text: Launch}", 'text: "New words"}')) == original
    assert launch_id(ID_CALENDAR.replace('"10:00"', '"11:00"')) != original
    assert launch_id(ID_CALENDAR.replace("date: 2026-12-07", "date: 2026-12-08")) != original


def test_utc_matches_the_local_time_of_every_post(tmp_path):
    posts = posts_of(plan_text(tmp_path, ID_CALENDAR))
    for post in posts:
        back = datetime.fromisoformat(post.utc).astimezone(ZoneInfo(post.timezone))
        assert (back.date().isoformat(), f"{back:%H:%M}") == (post.date, post.time)


# anchoring and order of other rules ----------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "source"),
    [
        ("posts:\n  - {id: fortnight, rrule: '%s', text: a}\n", "draft"),
        (
            "holidays:\n  observances:\n    - {name: Fortnight, rrule: '%s', text: a}\n",
            "observance",
        ),
    ],
)
def test_rrule_drafts_and_observances_are_anchored_at_period_start(tmp_path, entry, source):
    text = calendar(
        "channels:\n  ig: {network: instagram, slots: [{days: [daily], times: ['09:30']}]}\n"
        + entry % "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        period=DEC,
    )
    whole = plan_text(tmp_path, text)
    assert [p.date for p in posts_of(whole) if p.source == source] == [
        "2026-12-01",
        "2026-12-15",
        "2026-12-29",
    ]
    part = plan_text(tmp_path, text, "2026-12-05", "2026-12-31")
    assert [p.date for p in posts_of(part) if p.source == source] == ["2026-12-15", "2026-12-29"]


def test_included_observances_come_first_for_the_first_free_slot(tmp_path):
    text = cafe(
        """\
include: [_shared.yaml]
holidays:
  observances:
    - {name: Own day, date: "12-10", text: own}
"""
    )
    path = write_repo(tmp_path, text)
    (path.parent / "_shared.yaml").write_text(
        'holidays:\n  observances:\n    - {name: Shared day, date: "12-10", text: shared}\n',
        encoding="utf-8",
    )
    planned = plan_one(path, None)
    assert codes(planned) == []
    assert [(p.time, p.title) for p in on(planned, "2026-12-10")] == [
        ("09:30", "Shared day"),
        ("18:00", "Own day"),
    ]


def test_observance_on_a_skipped_holiday_still_posts(tmp_path):
    observance = "  observances:\n    - {name: Snow Day, date: '12-08', text: snow}\n"
    planned = plan_text(tmp_path, holiday_cafe("skip", observance))
    assert [(p.time, p.source, p.title) for p in on(planned, "2026-12-08")] == [
        ("09:30", "observance", "Snow Day")
    ]


def test_observance_at_its_own_time_already_taken_is_left_out(tmp_path):
    text = cafe(
        """\
holidays:
  observances:
    - {name: Mountain Day, date: "12-11", time: "12:00", text: up}
posts:
  - {title: Noon, date: 2026-12-11, time: "12:00", text: a}
"""
    )
    planned = plan_text(tmp_path, text)
    assert codes(planned) == ["W301"]
    assert [(p.time, p.source) for p in on(planned, "2026-12-11")] == [
        ("09:30", "theme"),
        ("12:00", "draft"),
        ("18:00", "theme"),
    ]


def test_format_date_follows_language_tags_with_a_hyphen(tmp_path: pathlib.Path) -> None:
    from smmplan.render.renderer import Renderer

    (tmp_path / "templates").mkdir()
    rendered = Renderer(tmp_path, "zh-Hant").render(
        template=None, text="{{ '2026-12-24' | format_date('full') }}", context={}
    )
    assert rendered == "2026年12月24日 星期四"
