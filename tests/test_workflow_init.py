"""`smmplan init`: a new calendar repo that validates and builds, and never overwrites."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan import scaffold
from smmplan.cli import app

# Init plans the month after today; .ci/run runs these again on a leap day.
pytestmark = pytest.mark.dates


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_then_validate_then_build(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-15")  # January opens on a holiday
    code, out, err = run(
        "init",
        "shop",
        "--name",
        "Sol y Sombra",
        "--country",
        "es",
        "--language",
        "es",
        "--timezone",
        "Europe/Madrid",
    )
    assert code == 0, err
    repo = here / "shop"
    for name in (
        "calendars/sol-y-sombra.yaml",
        "templates/motivation.j2",
        ".gitignore",
        ".github/workflows/smmplan.yml",
        ".pre-commit-config.yaml",
    ):
        assert (repo / name).is_file(), name
    assert "build/" in (repo / ".gitignore").read_text().splitlines()
    assert "smmplan validate" in (repo / ".github/workflows/smmplan.yml").read_text()
    assert "entry: smmplan validate" in (repo / ".pre-commit-config.yaml").read_text()
    monkeypatch.chdir(repo)
    code, out, _ = run("validate", "--strict")
    assert (code, out) == (0, "")
    code, _, err = run("build", "--format", "csv,ics,md")
    assert code == 0, err
    built = sorted(
        p.name for p in (repo / "build" / "sol-y-sombra").iterdir() if not p.name.startswith(".")
    )
    assert len(built) == 3 and built[0].endswith(".csv")


def test_the_new_calendar_has_a_theme_every_day_holidays_observances_and_drafts(
    here: Path,
) -> None:
    files = scaffold.plan(
        here, scaffold.Options("Shop", "US", "en", "America/New_York"), today=date(2026, 11, 23)
    )
    text = files[here / "calendars" / "shop.yaml"].decode()
    assert "period: {start: 2026-12-01, end: 2026-12-31}" in text
    for theme in (
        "Motivation Monday",
        "Tip Tuesday",
        "Wisdom Wednesday",
        "Throwback Thursday",
        "Feature Friday",
        "Saturday Spotlight",
        "Sunday Funday",
    ):
        assert f"- name: {theme}" in text
    assert "country: US" in text
    assert text.count("date: 2026-12-") == 2  # the two drafts fall in the planned month


def test_next_month_rolls_over_the_year() -> None:
    assert scaffold.next_month(date(2026, 12, 31)) == (date(2027, 1, 1), date(2027, 1, 31))
    assert scaffold.next_month(date(2027, 1, 31)) == (date(2027, 2, 1), date(2027, 2, 28))


def test_a_second_init_refuses_and_writes_nothing(here: Path) -> None:
    assert run("init", "--name", "Shop")[0] == 0
    before = {p: p.read_bytes() for p in here.rglob("*") if p.is_file()}
    (here / "calendars" / "shop.yaml").write_text("mine", encoding="utf-8")
    code, _, err = run("init", "--name", "Shop")
    assert code == 1
    assert "already exist" in err and "nothing was written" in err
    assert (here / "calendars" / "shop.yaml").read_text() == "mine"
    after = {p for p in here.rglob("*") if p.is_file()}
    assert after == set(before)


def test_init_refuses_when_only_one_target_exists(here: Path) -> None:
    (here / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    code, _, err = run("init", "--name", "Shop")
    assert code == 1
    assert ".gitignore" in err
    assert not (here / "calendars").exists()
    assert (here / ".gitignore").read_text() == "node_modules/\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--country", "XX", "not a country"),
        ("--timezone", "europe/madrid", "case-sensitive"),
        ("--timezone", "Mars/Olympus", "unknown time zone"),
        ("--language", "English", "not a language code"),
        ("--name", " ", "--name is empty"),
    ],
)
def test_init_checks_its_options(here: Path, option: str, value: str, message: str) -> None:
    code, _, err = run("init", option, value)
    assert code == 2
    assert message in err
    assert list(here.iterdir()) == []
