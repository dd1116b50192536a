"""Start-up: `--version` and `validate` of a calendar of plain texts import only what they use.

Jinja, Babel, holidays, icalendar, rich and the exporters cost a large share of a cold run;
`python -X importtime` lists every module a run imported, so a new top-level import of one of
them on these paths fails here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("jinja2", "babel", "holidays", "icalendar", "rich", "smmplan.export")

PLAIN = """\
smmplan: 1
id: plain
name: Plain shop
timezone: Europe/Madrid
period: {start: 2026-03-01, end: 2026-03-31}
channels:
  ig:
    network: instagram
    slots:
      - {days: [mon, wed, fri], times: ["09:30"]}
themes:
  - {name: Tips, days: [mon, wed, fri], text: "A tip for the week.", hashtags: ["#tips"]}
posts:
  - {title: Launch, date: 2026-03-10, time: "12:00", channels: [ig], text: "We open today."}
"""


def imported(args: list[str], cwd: Path) -> set[str]:
    """The modules a run of smmplan imports, from `python -X importtime`."""
    env = {**os.environ, "SMMPLAN_CACHE_DIR": str(cwd / "cache"), "SMMPLAN_TODAY": "2026-02-01"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smmplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", result.stderr, re.M))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(f"{h}.") for h in HEAVY))


def test_version_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    assert heavy(imported(["--version"], tmp_path)) == []


@pytest.mark.slow
def test_validate_of_plain_texts_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    modules = imported(["validate", "--no-cache", "--jobs", "1"], tmp_path)
    assert "smmplan.load.schema" in modules  # the run did check the calendar
    assert heavy(modules) == []
    commands = sorted(m for m in modules if m.startswith("smmplan.cli."))
    assert commands == ["smmplan.cli.base", "smmplan.cli.check"]  # no other command's module


@pytest.mark.slow
def test_the_guard_sees_a_heavy_import(tmp_path: Path) -> None:
    """A calendar with a template does import Jinja: the parsing above finds it."""
    (tmp_path / "calendars").mkdir()
    text = PLAIN.replace("We open today.", "We open on {{ post.date }}.")
    (tmp_path / "calendars" / "plain.yaml").write_text(text, encoding="utf-8")
    assert "jinja2" in heavy(imported(["validate", "--no-cache", "--jobs", "1"], tmp_path))


@pytest.mark.slow
def test_build_in_a_pipe_does_not_import_rich(tmp_path: Path) -> None:
    """CI logs and hooks read plain lines: the terminal's tables are not loaded for them."""
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    modules = imported(["build", "--no-cache", "--jobs", "1", "--format", "csv"], tmp_path)
    assert "smmplan.export" in modules  # the run did write a file
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]
