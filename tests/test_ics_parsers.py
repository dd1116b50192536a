"""The ICS of the example calendars read by independent parsers and a real calendar client.

`ical` (a second Python parser), ical.js (the parser inside Thunderbird, run with node from
tests/icaljs/, installed by `npm ci` in .ci/run) and khal (`import --batch`, then `list`) must
each give back every post's UID and UTC start, and every day event's date, as the schedule says.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan.cli import app

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
ICALJS = Path(__file__).resolve().parent / "icaljs"
Starts = dict[str, str]  # UID -> "YYYY-MM-DDTHH:MMZ" (posts) or "YYYY-MM-DD" (day events)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Starts]]:
    """Each example calendar's ICS file and the starts its JSON schedule says it holds."""
    out = tmp_path_factory.mktemp("ics-parsers")
    previous = Path.cwd()
    os.chdir(PROJECT)
    try:
        result = CliRunner().invoke(
            app,
            ["build", "--format", "ics,json", "--out", str(out)],
            env={"SOURCE_DATE_EPOCH": "1767225600"},
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    found = []
    for ics in sorted(out.rglob("*.ics")):
        schedule = json.loads(ics.with_suffix(".json").read_text(encoding="utf-8"))
        starts = {f"{p['id']}@smmplan": p["utc"][:16] + "Z" for p in schedule["posts"]}
        starts.update({f"{d['id']}@smmplan": d["date"] for d in schedule["days"]})
        found.append((ics, starts))
    calendars = list((PROJECT / "calendars").glob("[!_]*.yaml"))
    assert len(found) == len(calendars) and all(starts for _, starts in found)
    return found


def _start(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat()


def test_the_ical_package_reads_back_every_start(built: list[tuple[Path, Starts]]) -> None:
    from ical.calendar_stream import IcsCalendarStream

    for ics, expected in built:
        calendar = IcsCalendarStream.calendar_from_ics(ics.read_text(encoding="utf-8"))
        assert {str(e.uid): _start(e.dtstart) for e in calendar.events} == expected, ics.name


def test_ical_js_reads_back_every_start(built: list[tuple[Path, Starts]]) -> None:
    node = shutil.which("node")
    assert node, "node is needed: .ci/run installs it"
    assert (ICALJS / "node_modules" / "ical.js").is_dir(), "run `npm ci` in tests/icaljs"
    for ics, expected in built:
        result = subprocess.run(
            [node, str(ICALJS / "read-ics.mjs"), str(ics)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        events = [json.loads(line) for line in result.stdout.splitlines()]
        # ical.js writes UTC times as 2026-12-01T08:30:00Z and dates as 2026-12-01.
        read = {
            e["uid"]: e["start"][:16] + "Z" if "T" in e["start"] else e["start"] for e in events
        }
        assert read == expected, ics.name


def _khal(config: Path, *args: str) -> str:
    command = [sys.executable, "-m", "khal", "-c", str(config), *args]
    env = {**os.environ, "XDG_DATA_HOME": str(config.parent / "data"), "TZ": "UTC"}
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=True, env=env
    )
    return result.stdout


KHAL_CONFIG = """\
[calendars]
[[plan]]
path = {vdir}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%MZ
longdatetimeformat = %Y-%m-%dT%H:%MZ
local_timezone = UTC
default_timezone = UTC
[default]
default_calendar = plan
"""


def test_khal_imports_the_plan_and_lists_every_start(
    built: list[tuple[Path, Starts]], tmp_path: Path
) -> None:
    for index, (ics, expected) in enumerate(built):
        vdir = tmp_path / f"vdir{index}"
        vdir.mkdir()
        config = tmp_path / f"khal{index}.conf"
        config.write_text(KHAL_CONFIG.format(vdir=vdir), encoding="utf-8")
        _khal(config, "import", "--batch", str(ics))
        days = sorted({value[:10] for value in expected.values()})
        span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
        listed = _khal(
            config, "list", "--format", "{uid} {start}", "--day-format", "", days[0], f"{span}d"
        )
        read = dict(line.split(" ", 1) for line in listed.splitlines() if line.strip())
        assert read == expected, ics.name


BACKSLASHES = r"Save to C:\New\notes; then a\,b, and \\ stays"


def test_ical_js_reads_text_with_backslashes_exactly_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A written backslash-N is text, not a line break (icalendar's own escaping breaks it)."""
    from calendars_for_tests import calendar, write_repo

    node = shutil.which("node")
    assert node, "node is needed: .ci/run installs it"
    body = f"""\
    channels:
      ig: {{network: instagram, slots: [{{days: daily, times: ["09:00"]}}]}}
    posts:
      - title: 'Title: {BACKSLASHES}'
        date: 2026-12-01
        text: '{BACKSLASHES}
          Second line.'
    """
    write_repo(tmp_path, calendar(body, period="{start: 2026-12-01, end: 2026-12-01}"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "--format", "ics", "-o", "plan.ics"])
    assert result.exit_code == 0, result.output
    read = subprocess.run(
        [node, str(ICALJS / "read-ics.mjs"), "plan.ics"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    (event,) = [json.loads(line) for line in read.stdout.splitlines()]
    assert event["summary"] == f"[ig] Title: {BACKSLASHES}"
    assert event["description"] == f"{BACKSLASHES} Second line."
