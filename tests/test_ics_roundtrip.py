"""A planned calendar exported as ICS and read back the way a calendar app reads it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from calendars_for_tests import calendar, plan_text, schedule_of
from icalendar import Calendar

from smmplan.export import ExportOptions, export
from smmplan.model import Schedule

STAMP = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

EXAMPLE = calendar(
    """\
    language: ca
    vars: {promo: NADAL10}
    channels:
      instagram:
        network: instagram
        account: "@casacafe"
        slots:
          - {days: [weekdays], times: ["09:30", "18:00"]}
      x:
        network: x
        timezone: Europe/London
        slots:
          - {rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", times: ["17:00"]}
    themes:
      - name: Motivation Monday
        days: [mon]
        text: "Start the week with a cortado"
        hashtags: ["#MotivationMonday"]
        pillar: inspiration
      - name: Tip Tuesday
        days: [tue]
        template: tip.j2
    holidays:
      country: ES
      subdivision: CT
      greeting: {text: "Bon {{ post.title }}!", channels: [instagram]}
      observances:
        - {name: Human Rights Day, date: "12-10", text: "Rights, \\"quoted\\"; and, commas"}
    posts:
      - id: xmas-blend-launch
        date: 2026-12-15
        time: "10:00"
        title: Christmas blend launch
        text: |
          Our Christmas blend is here ☕🎄
          Code {{ vars.promo }}.
        hashtags: ["#ChristmasBlend"]
        media: [media/xmas.jpg]
        link: https://casacafe.example/xmas
        status: approved
      - id: friday-giveaway
        rrule: "FREQ=WEEKLY;BYDAY=FR"
        channels: [instagram]
        text: "Giveaway Friday!"
    """,
    period="{start: 2026-12-01, end: 2026-12-31}",
)


@pytest.fixture
def schedule(tmp_path) -> Schedule:  # type: ignore[no-untyped-def]
    planned = plan_text(tmp_path, EXAMPLE, templates={"tip.j2": "Tip for {{ day.date }}\n"})
    assert [p for p in planned.problems if p.level == "error"] == []
    return schedule_of(planned)


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def _ics(schedule: Schedule) -> bytes:
    return export("ics", schedule, ExportOptions(dtstamp=STAMP))


def test_the_example_has_every_kind_of_entry(schedule):
    assert {p.source for p in schedule.posts} == {"draft", "theme", "holiday", "observance"}
    assert {d.kind for d in schedule.days} == {"holiday", "observance"}
    assert {p.channel for p in schedule.posts} == {"instagram", "x"}


def test_every_post_is_a_timed_event_at_its_utc_instant(schedule):
    timed = {
        str(e["UID"]): e
        for e in events(_ics(schedule))
        if isinstance(e.decoded("DTSTART"), datetime)
    }
    assert len(timed) == len(schedule.posts)
    for post in schedule.posts:
        event = timed[f"{post.id}@smmplan"]
        start = event.decoded("DTSTART")
        assert start.utcoffset() == timedelta(0)
        assert start == datetime.strptime(post.utc, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert event.decoded("DTEND") - start == timedelta(minutes=15)
        assert str(event["SUMMARY"]) == f"[{post.channel}] {post.title}"
        assert str(event["DESCRIPTION"]).startswith(post.text)
        assert event.decoded("DTSTAMP") == STAMP


def test_utc_in_the_file_is_written_with_z(schedule):
    text = _ics(schedule).decode()
    for post in schedule.posts:
        compact = post.utc.replace("-", "").replace(":", "")
        assert f"DTSTART:{compact}" in text


def test_description_carries_media_and_link_and_status_follows_the_post(schedule):
    by_uid = {str(e["UID"]): e for e in events(_ics(schedule))}
    launch = next(p for p in schedule.posts if p.source_id == "xmas-blend-launch")
    event = by_uid[f"{launch.id}@smmplan"]
    description = str(event["DESCRIPTION"])
    assert description.startswith("Our Christmas blend is here ☕🎄\nCode NADAL10.")
    assert "media/xmas.jpg" in description and "https://casacafe.example/xmas" in description
    assert str(event["STATUS"]) == "CONFIRMED"
    giveaway = next(p for p in schedule.posts if p.source_id == "friday-giveaway")
    assert str(by_uid[f"{giveaway.id}@smmplan"]["STATUS"]) == "TENTATIVE"


def test_uids_are_unique_and_made_from_post_ids(schedule):
    uids = [str(e["UID"]) for e in events(_ics(schedule))]
    assert len(uids) == len(set(uids))
    post_uids = {f"{p.id}@smmplan" for p in schedule.posts}
    assert post_uids <= set(uids)
    assert len(uids) == len(schedule.posts) + len(schedule.days)


def test_holidays_and_observances_are_transparent_all_day_events(schedule):
    all_day = [e for e in events(_ics(schedule)) if not isinstance(e.decoded("DTSTART"), datetime)]
    got = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in all_day)
    expected = sorted((date.fromisoformat(d.date), d.name) for d in schedule.days)
    assert got == expected
    assert (date(2026, 12, 26), "Sant Esteve") in got
    assert (date(2026, 12, 10), "Human Rights Day") in got
    for event in all_day:
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"
    assert {str(e["UID"]) for e in all_day} == {f"{d.id}@smmplan" for d in schedule.days}


def test_calendar_has_prodid_and_version(schedule):
    parsed = Calendar.from_ical(_ics(schedule))
    assert str(parsed["VERSION"]) == "2.0"
    assert "smmplan" in str(parsed["PRODID"])


def test_two_exports_are_byte_identical(schedule, tmp_path):
    again = schedule_of(
        plan_text(tmp_path / "again", EXAMPLE, templates={"tip.j2": "Tip for {{ day.date }}\n"})
    )
    assert _ics(schedule) == _ics(schedule) == _ics(again)
