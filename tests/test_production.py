"""The production workflow: due dates in working days, who does each step, overdue steps,
and `smmplan tasks` in every format."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from calendars_for_tests import calendar, line_of, plan_text, schedule_of, write_repo
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.model import Task

TEAM = """\
holidays: {country: ES}
workdays_holidays: true
channels:
  ig:
    network: instagram
    slots: [{days: daily, times: ["09:30"]}]
themes:
  - {name: Daily, days: daily, text: hello}
production:
  - {id: shoot, name: photo, role: photographer, lead: 1}
  - {id: write, role: writer, lead: 2, done: review}
  - {id: approve, role: client, lead: 1}
people:
  ana: {name: Ana, roles: [writer], days_off: [2027-01-05, 2027-01-18..2027-01-19]}
  pep: {name: Pep, roles: [photographer]}
  cli: {name: Client, roles: [client], email: boss@example.com}
"""
LEADS = (("approve", 1, None), ("write", 2, "approve"), ("shoot", 1, "write"))


def spanish_holidays() -> set[date]:
    import holidays

    return set(holidays.country_holidays("ES", years=[2026, 2027]))


def expected_due(anchor: date, lead: int, off: set[date]) -> date:
    """Independently: the lead-th working day before `anchor` (lead 0: the last one up to it)."""
    closed = spanish_holidays() | off
    days = [anchor - timedelta(days=n) for n in range(0, 60)]
    working = [d for d in days if d.weekday() < 5 and d not in closed]
    return working[0] if lead == 0 else [d for d in working if d < anchor][lead - 1]


def tasks_by_post(tasks: list[Task]) -> dict[str, dict[str, Task]]:
    found: dict[str, dict[str, Task]] = {}
    for task in tasks:
        found.setdefault(task.post_date, {})[task.step] = task
    return found


def test_due_dates_skip_weekends_holidays_and_days_off(tmp_path: Path) -> None:
    planned = plan_text(tmp_path, calendar(TEAM), "2027-01-01", "2027-01-31")
    found = tasks_by_post(schedule_of(planned).tasks)
    ana_off = {date(2027, 1, 5), date(2027, 1, 18), date(2027, 1, 19)}
    assert len(found) == 29  # themes keep off New Year and Epiphany
    for post_date, steps in found.items():
        dates = {"post": date.fromisoformat(post_date)}
        for step, lead, before in LEADS:
            off = ana_off if step == "write" else set()
            dates[step] = expected_due(dates[before or "post"], lead, off)
            assert steps[step].due == dates[step].isoformat(), (post_date, step)
    # Friday 8 January: approve Thursday 7; write 2 working days before, past Epiphany (6),
    # Ana's day off (5), Monday 4, the weekend and New Year's Day: 31 December; the shoot 30.
    friday = found["2027-01-08"]
    assert [friday[s].due for s in ("shoot", "write", "approve")] == [
        "2026-12-30",
        "2026-12-31",
        "2027-01-07",
    ]
    # A Monday post: every step falls in the week before.
    monday = found["2027-01-25"]
    assert [monday[s].due for s in ("shoot", "write", "approve")] == [
        "2027-01-19",
        "2027-01-20",
        "2027-01-22",
    ]


def test_a_workweek_with_saturdays(tmp_path: Path) -> None:
    text = calendar(TEAM + "workweek: [mon, tue, wed, thu, fri, sat]\n")
    planned = plan_text(tmp_path, text, "2027-01-10", "2027-01-11")
    monday = tasks_by_post(schedule_of(planned).tasks)["2027-01-11"]
    assert monday["approve"].due == "2027-01-09"  # Saturday


PAIR = TEAM.replace(
    "  pep: {name: Pep, roles: [photographer]}\n",
    "  pep: {name: Pep, roles: [photographer]}\n"
    "  eva: {name: Eva, roles: [photographer], days_off: [2027-01-13]}\n",
)


def test_assignment_takes_turns_skips_who_is_off_and_keeps_its_person(tmp_path: Path) -> None:
    planned = plan_text(tmp_path, calendar(PAIR), "2027-01-01", "2027-01-31")
    shoots = [t for t in schedule_of(planned).tasks if t.step == "shoot"]
    assert {t.person for t in shoots} == {"pep", "eva"}
    assert all(t.person != "eva" for t in shoots if t.due == "2027-01-13")
    again = plan_text(tmp_path / "again", calendar(PAIR), "2027-01-01", "2027-01-31")
    assert schedule_of(again).tasks == schedule_of(planned).tasks
    later = plan_text(tmp_path / "later", calendar(PAIR), "2027-01-20", "2027-01-31")
    people = {t.post_id: t.person for t in shoots}
    assert all(people[t.post_id] == t.person for t in schedule_of(later).tasks if t.step == "shoot")


def test_the_owner_with_the_role_does_the_step(tmp_path: Path) -> None:
    text = calendar(
        PAIR.replace("themes:\n  - {name: Daily, days: daily, text: hello}\n", "")
        + "posts:\n  - {title: Menu, date: 2027-01-15, text: hi, owner: Eva}\n"
    )
    tasks = schedule_of(plan_text(tmp_path, text, "2027-01-01", "2027-01-31")).tasks
    assert [t.person for t in tasks if t.step == "shoot"] == ["eva"]


BAD = [
    ("lead: 1}", "lead: 2.5}", "E802", "2.5"),
    ("role: client,", "role: clients,", "E803", "role: clients"),
    ("role: client, lead: 1}", "role: client, lead: 1, before: shoot}", "E804", "before: shoot"),
    ("role: client, lead: 1}", "role: client, lead: 1, before: shot}", "E805", "before: shot"),
]


@pytest.mark.parametrize(("old", "new", "code", "needle"), BAD)
def test_bad_workflows_are_reported_where_written(
    tmp_path: Path, old: str, new: str, code: str, needle: str
) -> None:
    text = calendar(TEAM.replace(old, new, 1))
    planned = plan_text(tmp_path, text, "2027-01-01", "2027-01-31")
    found = [(p.line, p.code) for p in planned.problems if p.level == "error"]
    assert (line_of(text, needle), code) in found
    assert planned.schedule is None


def test_holidays_as_days_off_need_a_country(tmp_path: Path) -> None:
    text = calendar(TEAM.replace("holidays: {country: ES}\n", ""))
    planned = plan_text(tmp_path, text, "2027-01-01", "2027-01-31")
    assert [(p.line, p.code) for p in planned.problems] == [
        (line_of(text, "workdays_holidays"), "E807")
    ]


def test_someone_off_for_the_whole_window(tmp_path: Path) -> None:
    text = calendar(
        TEAM.replace(
            "{name: Pep, roles: [photographer]}",
            "{name: Pep, roles: [photographer], days_off: 2027-01-01..2027-02-28}",
        )
    )
    planned = plan_text(tmp_path, text, "2027-01-01", "2027-01-31")
    found = {(p.code, p.line) for p in planned.problems}
    assert ("W802", line_of(text, "2027-01-01..")) in found
    assert ("E808", line_of(text, "role: photographer")) in found


def test_a_fragment_shared_by_clients_gives_the_workflow(tmp_path: Path) -> None:
    shared = TEAM[TEAM.index("production:") :]
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "_team.yaml").write_text(shared + "workweek: [mon, tue]\n")
    head = TEAM[: TEAM.index("production:")]
    text = calendar(head + "include: [_team.yaml]\n")
    planned = plan_text(tmp_path, text, "2027-01-14", "2027-01-14")
    thursday = tasks_by_post(schedule_of(planned).tasks)["2027-01-14"]
    assert thursday["approve"].due == "2027-01-12"  # a Tuesday: the team works Mon and Tue


OVERDUE = TEAM.replace(
    "themes:\n  - {name: Daily, days: daily, text: hello}\n",
    "posts:\n  - {title: Spring menu, date: 2027-03-05, text: hi, status: draft}\n",
)


def run(root: Path, *args: str, today: str = "2027-03-04") -> tuple[int, str]:
    result = CliRunner().invoke(
        app, list(args), env={"SMMPLAN_TODAY": today}, catch_exceptions=False
    )
    return result.exit_code, result.stdout


def test_overdue_steps_warn_and_fail_with_strict_deadlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = calendar(OVERDUE)
    write_repo(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    code, out = run(tmp_path, "validate", "--month", "2027-03")
    post_line = line_of(text, "Spring menu")
    assert code == 0
    assert (
        f"calendars/x.yaml:{post_line}:5: warning W801 write for 'Spring menu' on ig (Ana) was "
        "due 2027-03-02, post is still draft" in out
    )
    code, out = run(tmp_path, "validate", "--month", "2027-03", "--deadlines", "strict")
    assert code == 1
    assert f"x.yaml:{post_line}:5: error E801 photo for 'Spring menu'" in out
    code, out = run(
        tmp_path, "validate", "--month", "2027-03", "--deadlines", "strict", today="2027-03-01"
    )
    assert code == 0 and "801" not in out


def test_tasks_today_lists_what_is_due_and_still_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, calendar(OVERDUE))
    monkeypatch.chdir(tmp_path)
    code, out = run(tmp_path, "tasks", "--today")
    assert code == 0
    lines = [line.split("  ")[0] for line in out.splitlines()[1:]]
    assert lines == ["2027-03-01", "2027-03-02", "2027-03-04"]
    assert "overdue" in out.splitlines()[1] and out.splitlines()[3].endswith("today")
    code, out = run(tmp_path, "tasks", "--today", "--person", "cli", "--format", "json")
    assert [(t["step"], t["due"]) for t in json.loads(out)["tasks"]] == [("approve", "2027-03-04")]


def test_tasks_as_ics_todos_with_due_dates_and_stable_uids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import icalendar

    write_repo(tmp_path, calendar(TEAM))
    monkeypatch.chdir(tmp_path)
    code, out = run(
        tmp_path,
        "tasks",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--format",
        "ics",
        today="2026-12-01",
    )
    assert code == 0
    todos = icalendar.Calendar.from_ical(out).walk("VTODO")
    assert todos
    dues = [todo.decoded("DUE") for todo in todos]
    assert all(date(2027, 1, 4) <= due <= date(2027, 1, 10) for due in dues)
    assert dues == sorted(dues)
    uids = [str(todo["UID"]) for todo in todos]
    assert len(set(uids)) == len(uids)
    _, again = run(
        tmp_path,
        "tasks",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--format",
        "ics",
        today="2026-12-02",
    )
    assert (
        uids[-3:] == [str(t["UID"]) for t in icalendar.Calendar.from_ical(again).walk("VTODO")][-3:]
    )
    approvals = [t for t in todos if "approve" in str(t["SUMMARY"])]
    assert str(approvals[0]["ATTENDEE"]) == "mailto:boss@example.com"


@pytest.mark.parametrize("fmt", ["csv", "md", "table"])
def test_tasks_in_a_pipe_are_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    write_repo(tmp_path, calendar(OVERDUE))
    monkeypatch.chdir(tmp_path)
    code, out = run(tmp_path, "tasks", "--week", "--format", fmt)
    assert code == 0 and "Spring menu" in out and "\x1b" not in out


def test_tasks_for_people_speak_the_calendars_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table and Markdown are read by the team: title, columns and states in Catalan for
    Catalan calendars; CSV and JSON are read by tools and keep their English names."""
    write_repo(tmp_path, calendar(OVERDUE + "language: ca\n"))
    monkeypatch.chdir(tmp_path)
    code, out = run(tmp_path, "tasks", "--today", "--format", "md")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Tasques, 2027-03-04"
    assert lines[2].startswith("| termini | calendari | publicació | canal | pas | persona |")
    assert lines[4].endswith("| endarrerida |") and lines[-1].endswith("| avui |")
    code, out = run(tmp_path, "tasks", "--today")  # a pipe: plain columns
    assert out.splitlines()[0].split()[:3] == ["termini", "calendari", "publicació"]
    assert "endarrerida" in out and "overdue" not in out
    code, out = run(tmp_path, "tasks", "--today", "--format", "csv")
    assert out.splitlines()[0] == "due,calendar,post,channel,step,person,post_date,state"
    assert out.splitlines()[1].endswith(",overdue")
    code, out = run(tmp_path, "tasks", "--today", "--format", "json")
    assert json.loads(out)["tasks"][0]["state"] == "overdue"
    code, out = run(tmp_path, "tasks", "--today", "--format", "md", today="2027-06-01")
    assert out.splitlines()[-1] == "No hi ha res pendent."


def test_tasks_of_calendars_in_several_languages_are_listed_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, calendar(OVERDUE + "language: ca\n").replace("id: test", "id: a"))
    spanish = calendar(OVERDUE + "language: es\n").replace("id: test", "id: b")
    write_repo(tmp_path, spanish, name="b.yaml")
    monkeypatch.chdir(tmp_path)
    code, out = run(tmp_path, "tasks", "--today", "--format", "md")
    assert code == 0
    assert out.splitlines()[0] == "# Tasks, 2027-03-04"
    assert out.splitlines()[2].startswith("| due | calendar | post | channel | step | person |")
    assert {line.split(" | ")[1] for line in out.splitlines()[4:]} == {"a", "b"}


def test_a_calendar_with_errors_lists_no_task_and_builds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, calendar(OVERDUE.replace("role: client,", "role: clients,")))
    monkeypatch.chdir(tmp_path)
    assert run(tmp_path, "tasks", "--today")[0] == 1
    assert run(tmp_path, "build", "--month", "2027-03")[0] == 1
    assert not (tmp_path / "build").exists()


def test_the_plans_show_each_posts_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_repo(tmp_path, calendar(OVERDUE + "language: ca\n"))
    monkeypatch.chdir(tmp_path)
    assert run(tmp_path, "build", "--month", "2027-03", "--format", "md,html")[0] == 0
    md = next((tmp_path / "build").rglob("*.md")).read_text(encoding="utf-8")
    assert (
        "**Producció:** photo 2027-03-01 (Pep) · write 2027-03-02 (Ana) · "
        "approve 2027-03-04 (Client)" in md
    )
    html = next((tmp_path / "build").rglob("*.html")).read_text(encoding="utf-8")
    assert "photo 2027-03-01 (Pep)" in html
