"""A post keeps its id and its ICS UID when other posts of the month come, go or move."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from calendars_for_tests import calendar, plan_text, posts_of, schedule_of

from smmplan.export.to_ics import to_ics
from smmplan.model import Post

MONTH = """\
channels:
  ig:
    network: instagram
    slots:
      - {days: [mon, tue, wed, thu, fri], times: ["09:00", "17:00"]}
  li:
    network: linkedin
    slots:
      - {days: [tue, thu], times: ["12:00"]}
themes:
  - {name: Tip Tuesday, days: [tue], text: "Tip {{ day.date }}"}
  - {name: Weekdays, days: [mon, wed, thu, fri], text: "Hello"}
holidays:
  country: ES
  greeting: {channels: [ig], text: "Happy {{ day.names | join(', ') }}"}
  observances:
    - {name: Book Day, date: 03-23, channels: [ig], text: Books}
    - name: Standup
      rrule: "FREQ=WEEKLY;BYDAY=FR"
      start: 2027-03-05
      channels: [ig]
      time: "08:00"
      text: Standup
posts:
  - {id: launch, date: 2027-03-10, time: "10:00", channels: [ig], text: Launch}
  - {id: weekly, rrule: "FREQ=WEEKLY;BYDAY=MO", start: 2027-03-01, channels: [ig], text: Weekly}
"""
PERIOD = "{start: 2027-03-01, end: 2027-03-31}"
ADDED = '  - {id: extra, date: 2027-03-16, time: "11:30", channels: [ig], text: Extra}\n'
TAKES_A_THEME_SLOT = (
    '  - {id: extra, date: 2027-03-16, time: "09:00", channels: [ig], text: Extra}\n'
)


def _posts(tmp_path: Path, body: str) -> dict[str, Post]:
    posts = posts_of(plan_text(tmp_path, calendar(body, period=PERIOD)))
    by_id = {post.id: post for post in posts}
    assert len(by_id) == len(posts), "two posts share an id"
    return by_id


def _uids(tmp_path: Path, body: str) -> set[str]:
    schedule = schedule_of(plan_text(tmp_path, calendar(body, period=PERIOD)))
    return set(re.findall(r"UID:(\w+)@smmplan", to_ics(schedule).decode()))


@pytest.mark.parametrize("added", [ADDED, TAKES_A_THEME_SLOT])
def test_adding_a_post_leaves_every_other_id_and_uid_unchanged(tmp_path: Path, added: str) -> None:
    before = _posts(tmp_path, MONTH)
    after = _posts(tmp_path, MONTH + added)
    assert {p.source for p in before.values()} >= {"draft", "theme", "observance", "holiday"}
    new = set(after) - set(before)
    assert [after[i].source_id for i in new] == ["extra"]
    gone = set(before) - set(after)
    # Only the theme post whose slot the new draft takes leaves; every other post keeps its id.
    assert all(before[i].source == "theme" and before[i].date == "2027-03-16" for i in gone)
    assert len(gone) == (1 if added == TAKES_A_THEME_SLOT else 0)
    assert _uids(tmp_path, MONTH) - _uids(tmp_path, MONTH + added) == gone


def test_a_moved_draft_keeps_its_id_and_uid(tmp_path: Path) -> None:
    before = _posts(tmp_path, MONTH)
    moved = MONTH.replace('date: 2027-03-10, time: "10:00"', 'date: 2027-03-11, time: "15:00"')
    after = _posts(tmp_path, moved)
    assert set(before) == set(after)
    launch = [i for i, p in after.items() if p.source_id == "launch"]
    assert [(after[i].date, after[i].time) for i in launch] == [("2027-03-11", "15:00")]
    assert _uids(tmp_path, MONTH) == _uids(tmp_path, moved)


def test_removing_a_post_leaves_every_other_id_unchanged(tmp_path: Path) -> None:
    before = _posts(tmp_path, MONTH)
    after = _posts(tmp_path, MONTH.replace("  - {id: launch", "  - {id: launch, skip: []"))
    assert before.keys() == after.keys()  # an unrelated edit changes nothing
    without = "\n".join(line for line in MONTH.splitlines() if "id: launch" not in line)
    after = _posts(tmp_path, without)
    assert set(after) < set(before)
    assert {before[i].source_id for i in set(before) - set(after)} == {"launch"}
