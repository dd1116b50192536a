"""Observance packs: the shipped UN list, and `holidays.packs` in a calendar."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from calendars_for_tests import calendar, error_codes, line_of, plan_text, schedule_of

from smmplan.load import packs, vocab
from smmplan.load.recurrence import depends_on_anchor, rrule_dates

DEC = "{start: 2026-12-01, end: 2026-12-31}"
DAILY = """\
channels:
  ig:
    network: instagram
    slots: [{days: [daily], times: ["09:00"]}]
"""


def un_file() -> dict:  # type: ignore[type-arg]
    from importlib import resources

    text = resources.files("smmplan.load.packs").joinpath("un.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_un_pack_names_its_source_and_when_it_was_checked() -> None:
    data = un_file()
    assert data["source"] == "https://www.un.org/en/observances/list-days-weeks"
    assert isinstance(data["checked"], date)
    assert packs.names() == ["un"]


def test_un_pack_days_are_valid_observances_with_unique_ids() -> None:
    pack = packs.load("un")
    ids = pack.ids()
    assert len(ids) > 150
    assert len(set(ids)) == len(ids)
    assert all(vocab.ID_RE.fullmatch(day_id) for day_id in ids)
    for day in pack.days:
        assert day.date is not None or day.rrule, day.id
        assert all(vocab.parse_hashtag(tag) == tag for tag in day.hashtags)


def test_un_pack_rules_need_no_start_date_and_fall_once_a_year() -> None:
    rules = [day for day in packs.load("un").days if day.rrule]
    assert rules
    for day in rules:
        assert day.rrule is not None and not depends_on_anchor(day.rrule), day.id
        dates = rrule_dates(day.rrule, date(2026, 1, 1), date(2027, 1, 1), date(2027, 12, 31))
        # World Migratory Bird Day is the one day the UN marks twice a year.
        assert len(dates) == (2 if day.id == "migratory-bird-day" else 1), day.id


@pytest.mark.parametrize(
    ("day_id", "expected"),
    [
        ("human-rights-day", "2026-12-10"),
        ("water-day", "2026-03-22"),
        ("cooperatives-day", "2026-07-04"),  # first Saturday of July
        ("road-traffic-victims-day", "2026-11-15"),  # third Sunday of November
        ("maritime-day", "2026-09-24"),  # last Thursday of September
    ],
)
def test_un_pack_days_fall_on_their_dates(tmp_path, day_id: str, expected: str) -> None:
    text = calendar(DAILY + "holidays: {packs: [un]}\n")
    schedule = schedule_of(plan_text(tmp_path, text, expected, expected))
    assert day_id in {event.source_id for event in schedule.days}


def test_pack_days_post_at_the_first_free_slot_with_their_name_and_hashtags(tmp_path) -> None:
    text = calendar(DAILY + "holidays: {packs: [{name: un, posts: true}]}\n", period=DEC)
    schedule = schedule_of(plan_text(tmp_path, text))
    post = next(p for p in schedule.posts if p.source_id == "human-rights-day")
    assert (post.date, post.time, post.source) == ("2026-12-10", "09:00", "observance")
    assert post.title == "Human Rights Day"
    assert post.text == "Human Rights Day\n\n#HumanRightsDay"
    assert post.status == "idea"
    assert "Human Rights Day" in post.day_names


def test_calendar_observance_with_the_same_id_replaces_the_pack_day(tmp_path) -> None:
    body = """\
holidays:
  packs: [un]
  observances:
    - {id: human-rights-day, name: Dia dels Drets Humans, date: "12-10", text: Drets}
"""
    schedule = schedule_of(plan_text(tmp_path, calendar(DAILY + body, period=DEC)))
    posts = [p for p in schedule.posts if p.date == "2026-12-10"]
    assert [(p.title, p.text, p.status) for p in posts] == [
        ("Dia dels Drets Humans", "Drets", "planned")
    ]
    names = [e.name for e in schedule.days if e.date == "2026-12-10"]
    assert names == ["Dia dels Drets Humans"]


def test_skipped_pack_days_are_left_out(tmp_path) -> None:
    body = "holidays: {packs: [{name: un, skip: [aids-day, soil-day]}]}\n"
    schedule = schedule_of(plan_text(tmp_path, calendar(DAILY + body, period=DEC)))
    ids = {e.source_id for e in schedule.days} | {p.source_id for p in schedule.posts}
    assert "aids-day" not in ids and "soil-day" not in ids
    assert "volunteer-day" in ids  # the other day of 5 December stays


def test_pack_with_posts_false_only_names_the_days(tmp_path) -> None:
    body = "holidays: {packs: [{name: un, posts: false}]}\n"
    schedule = schedule_of(plan_text(tmp_path, calendar(DAILY + body, period=DEC)))
    assert not [p for p in schedule.posts if p.source == "observance"]
    assert "Human Rights Day" in {e.name for e in schedule.days}
    assert len(schedule.unfilled) == 31


def test_pack_day_without_a_free_slot_warns_at_the_pack_entry(tmp_path) -> None:
    # 5 December has two UN days and one slot: the second stays a name of the day.
    text = calendar(DAILY + "holidays: {packs: [{name: un, posts: true}]}\n", period=DEC)
    planned = plan_text(tmp_path, text, "2026-12-05", "2026-12-05")
    schedule = schedule_of(planned)
    assert [p.source_id for p in schedule.posts] == ["volunteer-day"]
    assert {e.source_id for e in schedule.days} == {"volunteer-day", "soil-day"}
    warnings = [p for p in planned.problems if p.code == "W301"]
    assert [(p.line, "pack day 'soil-day'" in p.message) for p in warnings] == [
        (line_of(text, "packs:"), True)
    ]


def test_pack_channels_limit_its_posts(tmp_path) -> None:
    channels = DAILY + "  x:\n    network: x\n    slots: [{days: [daily], times: ['10:00']}]\n"
    body = "holidays: {packs: [{name: un, channels: [x], posts: true}]}\n"
    schedule = schedule_of(plan_text(tmp_path, calendar(channels + body, period=DEC)))
    assert {p.channel for p in schedule.posts if p.source == "observance"} == {"x"}


def test_unknown_pack_is_an_error_at_its_line(tmp_path) -> None:
    text = calendar(DAILY + "holidays:\n  packs: [un, unesco]\n", period=DEC)
    planned = plan_text(tmp_path, text)
    problem = next(p for p in planned.problems if p.code == "E122")
    assert problem.line == line_of(text, "unesco")
    assert "no observance pack 'unesco'" in problem.message and "un" in problem.message


def test_unknown_skipped_day_is_an_error_with_a_hint(tmp_path) -> None:
    text = calendar(
        DAILY + "holidays:\n  packs:\n    - name: un\n      skip: [human-right-day]\n", period=DEC
    )
    planned = plan_text(tmp_path, text)
    assert error_codes(planned) == ["E122"]
    problem = planned.problems[0]
    assert problem.line == line_of(text, "human-right-day")
    assert "did you mean 'human-rights-day'?" in problem.message


def test_unknown_pack_channel_is_an_error(tmp_path) -> None:
    text = calendar(DAILY + "holidays: {packs: [{name: un, channels: [tiktok]}]}\n", period=DEC)
    assert error_codes(plan_text(tmp_path, text)) == ["E121"]


def test_a_mistake_inside_a_pack_entry_points_at_the_key_or_value(tmp_path) -> None:
    text = calendar(
        DAILY
        + "holidays:\n  packs:\n    - name: un\n      skp: [tuna-day]\n"
        + "    - name: un\n      posts: maybe\n",
        period=DEC,
    )
    planned = plan_text(tmp_path, text)
    at = {(p.line, p.col) for p in planned.problems if "skp" in p.message or "posts" in p.message}
    lines = text.splitlines()
    skp, posts = line_of(text, "skp:"), line_of(text, "posts: maybe")
    assert at == {
        (skp, lines[skp - 1].index("skp") + 1),
        (posts, lines[posts - 1].index("maybe") + 1),
    }
