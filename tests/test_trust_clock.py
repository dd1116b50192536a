"""One clock: `--today`, else SMMPLAN_TODAY, else the real date, for every command that asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from calendars_for_tests import calendar, write_repo
from typer.testing import CliRunner

from smmplan import clock
from smmplan.cli import app
from smmplan.problems import UsageError

pytestmark = pytest.mark.dates

# A draft on 8 December that never got past review: W318 once today is after it.
LATE_DRAFT = calendar(
    """\
    channels:
      x: {network: x, slots: [{days: [daily], times: ["09:00"]}]}
    posts:
      - {title: Late, date: 2026-12-08, channels: [x], text: Hello, status: draft}
    """,
    period="{start: 2026-12-07, end: 2026-12-13}",
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, LATE_DRAFT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_takes_today_from_the_environment(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-09")
    assert "W318" in run("validate")[1]
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-01")
    assert "W318" not in run("validate")[1]


def test_the_today_option_wins_over_the_environment(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-01")
    assert "W318" in run("validate", "--today", "2026-12-09")[1]


@pytest.mark.parametrize("value", ["tomorrow", "2026-12-32", "20261209", "2026-12-9", "09/12/2026"])
def test_a_bad_date_in_the_environment_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", value)
    code, out, err = run("validate")
    assert (code, out) == (2, "")
    assert f"SMMPLAN_TODAY environment variable '{value}' is not a date (YYYY-MM-DD" in err


def test_a_bad_today_option_is_a_usage_error(repo: Path) -> None:
    code, _, err = run("validate", "--today", "2026-12-9")
    assert code == 2 and "--today '2026-12-9' is not a date" in err


def test_init_plans_the_month_after_the_environment_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2028-02-29")
    assert run("init", str(tmp_path), "--name", "Shop")[0] == 0
    text = (tmp_path / "calendars" / "shop.yaml").read_text(encoding="utf-8")
    assert "period: {start: 2028-03-01, end: 2028-03-31}" in text


def test_holidays_lists_the_year_of_the_environment_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2031-06-01")
    code, out, _ = run("holidays", "--country", "NL")
    assert code == 0
    assert out.startswith("Public holidays NL 2031\n") and "2031-12-25  Thu" in out


def test_the_clock_reads_option_then_environment_then_the_date() -> None:
    assert clock.today("2027-12-15", {"SMMPLAN_TODAY": "2028-02-29"}) == date(2027, 12, 15)
    assert clock.today(None, {"SMMPLAN_TODAY": "2028-02-29"}) == date(2028, 2, 29)
    assert clock.today(None, {"SMMPLAN_TODAY": ""}) == clock.today(None, {})
    with pytest.raises(UsageError, match="SMMPLAN_TODAY"):
        clock.today(None, {"SMMPLAN_TODAY": "2028-02-30"})
