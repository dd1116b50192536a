"""`show`, `stats` and `holidays` as a user sees them: 80 columns, no colour, golden text.

After an intended change of layout, regenerate the expected files and review the diff:

    SMMPLAN_REGEN=1 python -m pytest tests/test_workflow_views.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from calendars_for_tests import assert_golden, write_repo
from typer.testing import CliRunner

from smmplan.cli import app

GOLDEN = Path(__file__).parent / "golden_views"

# December 2026 in Madrid: public holidays (8th, 25th), a blackout day, an observance,
# Instagram slots that no theme fills on Wednesdays and Saturdays, owners and budgets.
CALENDAR = """\
smmplan: 1
id: studio
name: Studio Nord
timezone: Europe/Madrid
language: en
period: {start: 2026-12-01, end: 2026-12-31}
channels:
  instagram:
    network: instagram
    account: "@studionord"
    slots:
      - {days: [mon, wed, fri], times: ["09:30"]}
      - {days: [sat], times: ["11:00", "18:00"]}
  linkedin:
    network: linkedin
    slots:
      - {days: [tue], times: ["08:00"]}
themes:
  - name: Motivation Monday
    days: [mon]
    text: "New week!"
    format: photo
    pillar: inspiration
  - name: Tip Tuesday
    days: [tue]
    channels: [linkedin]
    text: "A tip."
    format: text
    pillar: education
  - name: Feature Friday
    days: [fri]
    text: "Our feature."
    format: carousel
    pillar: product
holidays:
  country: ES
  observances:
    - {name: Human Rights Day, date: "12-10", text: "Rights for all.", channels: [instagram]}
  blackout:
    - {date: 2026-12-24, reason: closed}
posts:
  - title: Winter sale
    date: 2026-12-05
    channels: [instagram]
    text: "Sale!"
    format: photo
    pillar: product
    status: approved
    owner: ana
    campaign: winter
    budget: 25
  - title: Sale last day
    date: 2026-12-12
    time: "11:00"
    text: "Last day of the sale."
    format: reel
    pillar: product
    status: review
    owner: ana
    campaign: winter
    budget: 15.5
  - title: Year in review
    date: 2026-12-29
    channels: [linkedin]
    text: "Our year."
    status: draft
    owner: bo
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, CALENDAR, name="studio.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_show_month_grid(repo: Path) -> None:
    code, out, err = run("show", "--month", "2026-12")
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out  # no colour codes: every marker is a letter or a word
    assert "│X blackout│" in out and " ? empty" in out and "H Immacula" in out
    assert_golden(GOLDEN / "show-2026-12.txt", out)


def test_show_agenda(repo: Path) -> None:
    code, out, err = run("show", "calendars/studio.yaml", "--agenda", "--month", "2026-12")
    assert code == 0, err
    assert "Thursday, December 24, 2026  X blackout: closed" in out
    assert "09:30  instagram  ? unfilled slot" in out
    assert_golden(GOLDEN / "agenda-2026-12.txt", out)


def test_stats(repo: Path) -> None:
    code, out, err = run("stats", "--month", "2026-12")
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= 80
    assert_golden(GOLDEN / "stats-2026-12.txt", out)


def test_stats_counts_work_left_per_owner_and_budget_per_campaign(repo: Path) -> None:
    _, out, _ = run("stats", "--month", "2026-12")
    owners = {line.split()[0]: line.split()[1:3] for line in out.splitlines() if "ana" in line}
    # ana: the sale post (approved) and the last-day post on both channels (review).
    assert owners["ana"] == ["3", "2"]
    # 25 once on Instagram, 15.5 on each of the two channels.
    assert any(line.split()[:4] == ["winter", "2026-12", "3", "56"] for line in out.splitlines())


def test_show_on_a_calendar_with_errors_lists_them_and_exits_1(repo: Path) -> None:
    (repo / "calendars" / "studio.yaml").write_text(
        CALENDAR.replace("timezone: Europe/Madrid", "timezone: Europe/Madird"), encoding="utf-8"
    )
    code, out, err = run("show")
    assert code == 1
    assert "calendars/studio.yaml:4:11: error E112" in err
    assert out == ""


def test_show_month_must_be_a_month(repo: Path) -> None:
    code, _, err = run("show", "--month", "December")
    assert code == 2
    assert "YYYY-MM" in err


def test_holidays_lists_a_country_in_its_language() -> None:
    code, out, _ = run(
        "holidays", "--country", "es", "--subdivision", "CT", "--year", "2026", "--language", "ca"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Festius oficials ES-CT 2026"
    assert "2026-12-26  ds.  Sant Esteve" in lines
    assert "2026-09-11  dv.  Diada Nacional de Catalunya" in lines


def test_holidays_with_a_calendar_adds_its_observances(repo: Path) -> None:
    code, out, _ = run("holidays", "calendars/studio.yaml", "--year", "2026")
    assert code == 0
    assert out.splitlines() == [
        "Observances of Studio Nord 2026",
        "2026-12-10  Thu  Human Rights Day",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "XX"], "not a country"),
        (["--country", "ES", "--subdivision", "ZZ"], "not one of ES's"),
        (["--country", "ES", "--language", "xx"], "holiday names come in"),
        ([], "give --country"),
    ],
)
def test_holidays_usage_errors(args: list[str], message: str) -> None:
    code, _, err = run("holidays", *args)
    assert code == 2
    assert message in err


def test_show_speaks_the_calendar_language(repo: Path) -> None:
    calendar = repo / "calendars" / "studio.yaml"
    calendar.write_text(
        calendar.read_text(encoding="utf-8").replace("language: en", "language: ca"),
        encoding="utf-8",
    )
    code, out, err = run("show", "calendars/studio.yaml", "--agenda", "--month", "2026-12")
    assert code == 0, err
    assert "dijous, 24 de desembre del 2026  X sense publicacions: closed" in out
    code, out, err = run("show", "calendars/studio.yaml", "--month", "2026-12")
    assert code == 0, err
    assert "desembre del 2026" in out
    assert "dl." in out and "dg." in out  # Monday and Sunday column headings
