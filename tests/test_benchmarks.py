"""The benchmark script runs end to end on tiny inputs (its figures are not checked here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _table(script: str, *args: str) -> list[list[str]]:
    """The cells of each row of the Markdown table a benchmark script prints."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.split("|")[1:-1]] for row in rows]


def test_benchmark_script_runs_on_tiny_inputs() -> None:
    rows = _table("bench.py", "--quick", "--only", "latency,large,many,peer")
    cases = [row[0] for row in rows[1:]]
    assert any(case.startswith("large calendar (") and "posts): validate" in case for case in cases)
    assert "large calendar: build csv,ics,md,json" in cases
    assert "large calendar: build csv,ics,md,json, unchanged" in cases
    assert "smmplan validate (examples, one calendar edited)" in cases
    assert "smmplan build, all formats (examples, one calendar edited)" in cases
    assert "2 calendars: validate --no-cache" in cases
    assert "2 calendars, one edited: validate" in cases
    assert any(case.startswith("50 one-off posts to ICS: smmplan") for case in cases)


def test_exporter_benchmark_runs_and_names_every_format() -> None:
    table = _table("bench_export.py", "--cases", "month", "--repeat", "1")
    rows = [row for row in table if row[0] == "month"]
    assert sorted(row[2] for row in rows) == ["csv", "html", "ics", "json", "md"]
    assert all(int(row[1]) == 191 and float(row[3]) > 0 for row in rows)
