"""`build` over several calendars: a progress bar on a terminal, none in a pipe or a log."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.cli import building as terminal

CALENDAR = """\
smmplan: 1
name: Shop {n}
timezone: Europe/Madrid
period: {{start: 2026-12-01, end: 2026-12-07}}
channels:
  ig:
    network: instagram
    slots:
      - {{days: daily, times: ["09:30"]}}
themes:
  - {{name: Daily, days: daily, text: "Hello"}}
rules: {{disable: [W315, W319]}}  # the same text every day is what lint would flag
"""


@pytest.fixture
def calendars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    folder = tmp_path / "calendars"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    files = []
    for n in (1, 2, 3):
        files.append(folder / f"shop-{n}.yaml")
        files[-1].write_text(CALENDAR.format(n=n), encoding="utf-8")
    return files


def console(*, terminal_: bool) -> tuple[Console, io.StringIO]:
    stream = io.StringIO()
    return Console(file=stream, force_terminal=terminal_, width=80), stream


def test_a_terminal_shows_a_progress_bar_for_several_calendars(calendars: list[Path]) -> None:
    screen, stream = console(terminal_=True)
    outcome = terminal._plan_with_progress(calendars, None, screen)
    assert outcome.ok and len(outcome.planned) == 3
    assert "planning" in stream.getvalue()
    assert "━" in stream.getvalue()  # the bar itself


def test_no_progress_bar_when_output_is_not_a_terminal(calendars: list[Path]) -> None:
    screen, stream = console(terminal_=False)
    outcome = terminal._plan_with_progress(calendars, None, screen)
    assert outcome.ok and len(outcome.planned) == 3
    assert stream.getvalue() == ""


def test_no_progress_bar_for_one_calendar(calendars: list[Path]) -> None:
    screen, stream = console(terminal_=True)
    terminal._plan_with_progress(calendars[:1], None, screen)
    assert stream.getvalue() == ""


def test_build_in_a_pipe_lists_the_files_and_draws_no_bar(calendars: list[Path]) -> None:
    result = CliRunner().invoke(app, ["build", "--format", "csv"])
    assert result.exit_code == 0
    assert "planning" not in result.stderr and "━" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("wrote ")] == [
        f"wrote build/shop-{n}/2026-12-01_2026-12-07.csv" for n in (1, 2, 3)
    ]


def test_written_paths_in_a_pipe_are_printed_whole_and_as_given(calendars: list[Path]) -> None:
    """One path per line, however long, and brackets in it are not read as markup."""
    out = "build/" + "a-long-folder-name-" * 5 + "[red]x[/red]"
    result = CliRunner().invoke(app, ["build", "--format", "csv", "--out", out])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("wrote ")] == [
        f"wrote {out}/shop-{n}/2026-12-01_2026-12-07.csv" for n in (1, 2, 3)
    ]
