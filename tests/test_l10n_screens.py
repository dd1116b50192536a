"""`show`, `stats` and `holidays` speak the calendar's language: no English label is left."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan import l10n
from smmplan.cli import app

ENGLISH = tomllib.loads((l10n.DATA / "en.toml").read_text(encoding="utf-8"))

# The labels the screens print: every key of the terminal screens, the statuses they list.
SCREEN_KEYS = [
    key
    for key in ENGLISH
    if key.startswith(("stats_", "col_", "show_", "mark_", "source_", "agenda_"))
] + ["none_given", "nobody", "no_paid_posts", "unfilled_slot", "day_no_posts"]
SCREEN_KEYS += ["planned", "draft", "review", "approved"]

# Neutral words everywhere the user writes, so that only smmplan's labels could be English.
CALENDAR = """\
smmplan: 1
id: lab
name: Lab Zeta
timezone: Europe/Madrid
language: {language}
period: {{start: 2026-12-01, end: 2026-12-31}}
channels:
  instagram:
    network: instagram
    slots:
      - {{days: [mon, wed], times: ["09:30"]}}
  linkedin:
    network: linkedin
    slots:
      - {{days: [tue], times: ["08:00"]}}
themes:
  - name: Zeta
    days: [mon, tue]
    text: "Zeta."
    format: photo
    pillar: alpha
holidays:
  country: ES
  observances:
    - {{name: Zeta Day, date: "12-10", text: "Zeta.", channels: [instagram]}}
  blackout:
    - {{date: 2026-12-24, reason: zeta}}
campaigns:
  winter:
    name: Winter
    start: 2026-12-01
    end: 2026-12-20
    channels: [instagram]
    budget: {{amount: 100, currency: EUR}}
posts:
  - title: Omega
    date: 2026-12-07
    channels: [instagram]
    text: "Omega."
    status: review
    owner: ana
    campaign: winter
    budget: 25
  - title: Kappa
    date: 2026-12-15
    channels: [linkedin]
    text: "Kappa."
    status: approved
"""


def wording(label: str) -> list[str]:
    """The words of a label around its placeholders ("{name}: {start} to {end}" → ["to"])."""
    parts = (literal.strip(" :/") for literal, *_ in string.Formatter().parse(label))
    return [part for part in parts if any(char.isalpha() for char in part)]


def found(words: str, text: str) -> bool:
    """Whether `words` stand in `text` as words, not inside longer ones."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("code", ["ca", "es", "el", "hi", "nl", "zh-Hant"])
def test_stats_and_show_have_no_english_label(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, CALENDAR.format(language=code), name="lab.yaml")
    monkeypatch.chdir(tmp_path)
    words = l10n.language(code)
    shown = "\n".join(
        run(command, "--month", "2026-12", *extra)
        for command, *extra in (["stats"], ["show"], ["show", "--agenda"])
    )
    # Where a language writes a word as English does ("total", "idea"), it is its own word.
    english = {ENGLISH[key] for key in SCREEN_KEYS if words.label(key) != ENGLISH[key]}
    left = sorted(part for text in english for part in wording(text) if found(part, shown))
    assert left == []
    assert words.label("stats_by_status") in shown and words.label("mark_blackout") in shown


def test_holidays_without_a_calendar_speak_the_language_asked_for() -> None:
    out = run("holidays", "--country", "NL", "--year", "2026", "--language", "nl")
    assert out.splitlines()[0] == "Officiële feestdagen NL 2026"
    assert "2026-12-25  vr  Eerste kerstdag" in out.splitlines()


def test_holidays_of_a_calendar_speak_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, CALENDAR.format(language="es"), name="lab.yaml")
    monkeypatch.chdir(tmp_path)
    out = run("holidays", "calendars/lab.yaml", "--year", "2026")
    assert out.splitlines() == ["Días señalados de Lab Zeta 2026", "2026-12-10  jue  Zeta Day"]
