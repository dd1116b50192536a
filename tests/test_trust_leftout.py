"""Nothing planned vanishes (W306-W309, W301 for pack days), and pack days are suggestions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from calendars_for_tests import calendar, line_of, plan_text, schedule_of, write_repo
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.model import Schedule

DEC = "{start: 2026-12-01, end: 2026-12-31}"
WEEK = "{start: 2026-12-07, end: 2026-12-13}"  # Monday to Sunday
IG = """\
channels:
  ig:
    network: instagram
    slots: [{days: [daily], times: ["09:00"]}]
"""


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of `needle` in `text`."""
    line = line_of(text, needle)
    return line, text.splitlines()[line - 1].index(needle) + 1


def warnings(text: str, tmp_path: Path, code: str, *window: str) -> list[tuple[int, int, str]]:
    planned = plan_text(tmp_path, text, *window)
    schedule_of(planned)  # no errors
    return [(p.line, p.col, p.message) for p in planned.problems if p.code == code]


def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-11-20")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / ".cache"))
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# W306 ----------------------------------------------------------------------------------------


OUTSIDE = calendar(
    IG + "posts:\n  - {title: Sale, date: 2027-01-05, text: s}\n"
    "  - {title: Early, date: 2026-12-08, text: e}\n",
    period=WEEK,
)


def test_draft_outside_the_period_warns_at_its_date(tmp_path: Path) -> None:
    found = warnings(OUTSIDE, tmp_path, "W306")
    assert [(line, col) for line, col, _ in found] == [at(OUTSIDE, "2027-01-05")]
    assert "'sale' is dated 2027-01-05, outside the calendar's period" in found[0][2]


def test_draft_in_another_window_of_the_period_is_not_left_out(tmp_path: Path) -> None:
    text = calendar(IG + "posts:\n  - {title: Later, date: 2026-12-20, text: l}\n", period=DEC)
    assert warnings(text, tmp_path, "W306", "2026-12-01", "2026-12-07") == []


def test_draft_outside_the_period_but_in_the_window_is_built(tmp_path: Path) -> None:
    planned = plan_text(tmp_path, OUTSIDE, "2027-01-05", "2027-01-05")
    assert [p.source_id for p in schedule_of(planned).posts] == ["sale"]
    assert not [p for p in planned.problems if p.code == "W306"]


def test_without_a_period_the_window_decides(tmp_path: Path) -> None:
    text = calendar(IG + "posts:\n  - {title: Sale, date: 2027-01-05, text: s}\n")
    found = warnings(text, tmp_path, "W306", "2026-12-01", "2026-12-31")
    assert [(line, col) for line, col, _ in found] == [at(text, "2027-01-05")]
    assert "outside the window 2026-12-01 – 2026-12-31" in found[0][2]


# W307, W308 ----------------------------------------------------------------------------------

MONDAYS = calendar(
    IG
    + """\
posts:
  - title: Monday tip
    rrule: FREQ=WEEKLY;BYDAY=MO
    skip: [2026-12-07, 2026-12-08]
    text: t
  - title: Once
    date: 2026-12-09
    skip: 2026-12-10
    text: o
""",
    period=WEEK,
)


def test_skip_date_that_is_no_occurrence_warns_at_the_date(tmp_path: Path) -> None:
    found = warnings(MONDAYS, tmp_path, "W307")
    assert [(line, col) for line, col, _ in found] == [
        at(MONDAYS, "2026-12-08"),
        at(MONDAYS, "2026-12-10"),
    ]
    assert "2026-12-08 (Tuesday) of 'monday-tip' is not a date of its rule" in found[0][2]
    assert "only recurring drafts skip dates" in found[1][2]


def test_recurring_draft_whose_every_date_is_skipped_warns_at_its_rule(tmp_path: Path) -> None:
    found = warnings(MONDAYS, tmp_path, "W308")
    assert [(line, col) for line, col, _ in found] == [at(MONDAYS, "FREQ=WEEKLY")]
    assert "every one of its dates there is skipped or a blackout day" in found[0][2]


def test_recurring_draft_that_ended_before_the_period_warns(tmp_path: Path) -> None:
    rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130"
    text = calendar(IG + f"posts:\n  - {{title: Old, rrule: '{rule}', text: o}}\n", period=DEC)
    found = warnings(text, tmp_path, "W308")
    assert [(line, col) for line, col, _ in found] == [at(text, f"'{rule}'")]
    assert "its rule gives no date there" in found[0][2]


# W301 for pack days, W309 --------------------------------------------------------------------

SUNDAYS_ONLY = """\
channels:
  ig:
    network: instagram
    slots: [{days: [sun], times: ["09:00"]}]
"""


def test_pack_day_that_asks_for_posts_and_finds_no_slot_warns(tmp_path: Path) -> None:
    text = calendar(
        SUNDAYS_ONLY + "holidays:\n  packs:\n    - {name: un, posts: true}\n", period=DEC
    )
    found = warnings(text, tmp_path, "W301", "2026-12-10", "2026-12-10")
    assert [(line, col) for line, col, _ in found] == [at(text, "{name: un")]
    assert "pack day 'human-rights-day' is left out on channel 'ig' on 2026-12-10" in found[0][2]


def test_theme_whose_days_have_no_slot_warns_at_the_theme(tmp_path: Path) -> None:
    text = calendar(
        SUNDAYS_ONLY
        + "themes:\n  - {name: Sunday, days: [sun], text: s}\n"
        + "  - {name: Tip Tuesday, days: [tue], text: t}\n",
        period=WEEK,
    )
    found = warnings(text, tmp_path, "W309")
    assert [(line, col) for line, col, _ in found] == [at(text, "{name: Tip Tuesday")]
    assert "theme 'Tip Tuesday' fills no slot in the window" in found[0][2]
    assert "its channels have no slot on its days" in found[0][2]


def test_theme_with_none_of_its_days_in_the_window_is_not_reported(tmp_path: Path) -> None:
    text = calendar(SUNDAYS_ONLY + "themes:\n  - {name: Tip Tuesday, days: [tue], text: t}\n")
    assert warnings(text, tmp_path, "W309", "2026-12-13", "2026-12-13") == []


# pack days are suggestions -------------------------------------------------------------------


def test_pack_days_fill_no_slot_but_mark_the_days(tmp_path: Path) -> None:
    text = calendar(
        IG + "themes:\n  - {name: Daily, days: [daily], text: d}\nholidays: {packs: [un]}\n",
        period=DEC,
    )
    schedule = schedule_of(plan_text(tmp_path, text))
    assert {p.source for p in schedule.posts} == {"theme"}
    assert len(schedule.posts) == 31
    assert "human-rights-day" in {e.source_id for e in schedule.days}
    assert "Human Rights Day" in next(p for p in schedule.posts if p.date == "2026-12-10").day_names


def test_pack_days_are_all_day_events_in_the_ics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, calendar(IG + "holidays: {packs: [un]}\n", period=DEC))
    code, out, err = cli(tmp_path, monkeypatch, "build", "--format", "ics", "-o", "-")
    assert code == 0, err
    event = next(e for e in out.split("BEGIN:VEVENT") if "SUMMARY:Human Rights Day" in e)
    assert "DTSTART;VALUE=DATE:20261210" in event and "DTEND;VALUE=DATE:20261211" in event


# outputs -------------------------------------------------------------------------------------

SHOP = calendar(
    IG.replace('"09:00"', '"09:00", "10:00"')  # room for the two UN days of 9 and 12 December
    + """\
holidays:
  packs: [{name: un, posts: true}]
posts:
  - {title: Idea, date: 2026-12-08, time: "12:00", text: idea-text, status: idea}
  - {title: Ready, date: 2026-12-09, time: "12:00", text: ready-text, status: approved}
  - {title: Sale, date: 2027-01-05, text: s}
""",
    period=WEEK,
)


def test_build_json_lists_what_is_left_out_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, SHOP)
    code, out, err = cli(tmp_path, monkeypatch, "build", "--format", "json", "-o", "-")
    assert code == 0, err
    left_out = json.loads(out)["left_out"]
    line, col = at(SHOP, "2027-01-05")
    assert [{k: v for k, v in item.items() if k != "reason"} for item in left_out] == [
        {
            "code": "W306",
            "kind": "outside-period",
            "source": "draft",
            "source_id": "sale",
            "file": "x.yaml",
            "line": line,
            "col": col,
        }
    ]
    assert "outside the calendar's period" in left_out[0]["reason"]


def test_validate_json_marks_left_out_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, SHOP)
    code, out, err = cli(tmp_path, monkeypatch, "validate", "--format", "json")
    assert code == 0, err
    marked = [(p["code"], p["line"]) for p in json.loads(out) if p.get("left_out")]
    assert marked == [("W306", line_of(SHOP, "2027-01-05"))]


def test_build_prints_one_summary_line_per_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, SHOP)
    calm = calendar(IG, period=WEEK).replace("id: test", "id: calm")
    write_repo(tmp_path, calm, name="calm.yaml")
    code, _, err = cli(tmp_path, monkeypatch, "build", "--format", "csv")
    assert code == 0, err
    summaries = [line for line in err.splitlines() if ": " in line and "warning" not in line]
    assert summaries == [
        "calm 2026-12-07..2026-12-13: 0 posts, 7 unfilled slots, 0 items left out",
        # 7 UN days in two slots a day, and two drafts at their own time
        "test 2026-12-07..2026-12-13: 9 posts, 7 unfilled slots, 1 item left out: see validate",
    ]


@pytest.mark.parametrize("preset", ["buffer", "hootsuite", "sprout", "publer", "generic"])
def test_ideas_and_pack_posts_reach_a_preset_file_only_when_status_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, preset: str
) -> None:
    write_repo(tmp_path, SHOP)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-01")
    args = ["build", "--format", "csv", "--preset", preset]
    code, _, err = cli(tmp_path, monkeypatch, *args)
    assert code == 0, err
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "build").rglob("*.csv"))
    assert "ready-text" in text
    assert "idea-text" not in text and "Human Rights Day" not in text
    # docs/presets.md: --status overrides the default, ideas and pack days included.
    code, _, err = cli(tmp_path, monkeypatch, *args, "--status", "idea", "--status", "approved")
    assert code == 0, err
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "build").rglob("*.csv"))
    assert "ready-text" in text and "idea-text" in text and "Human Rights Day" in text


def test_standard_csv_has_ideas_only_with_status_idea(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, SHOP)

    def titles(*extra: str) -> set[str]:
        code, out, err = cli(tmp_path, monkeypatch, "build", "--format", "csv", "-o", "-", *extra)
        assert code == 0, err
        return {row["title"] for row in csv.DictReader(io.StringIO(out))}

    assert titles() == {"Ready"}
    with_ideas = titles("--status", "idea")
    assert "Idea" in with_ideas and "Human Rights Day" in with_ideas
    assert "Ready" not in with_ideas


def test_left_out_items_survive_the_cache(tmp_path: Path) -> None:
    schedule = schedule_of(plan_text(tmp_path, SHOP))
    assert schedule.left_out
    again = Schedule.from_data(json.loads(json.dumps(schedule.to_data())))
    assert again == schedule


def test_theme_is_reported_only_in_a_window_with_all_its_days(tmp_path: Path) -> None:
    text = calendar(SUNDAYS_ONLY + "themes:\n  - {name: Early week, days: [mon, tue], text: d}\n")
    assert warnings(text, tmp_path, "W309", "2026-12-08", "2026-12-10") == []  # Tue to Thu
    assert len(warnings(text, tmp_path, "W309", "2026-12-07", "2026-12-10")) == 1  # Mon to Thu
