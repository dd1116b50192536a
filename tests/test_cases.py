"""Example calendar repos under tests/cases/, run through the real CLI.

Each folder is a small calendar repo (``calendars/``, ``templates/``), run with the folder as the
working directory:

- ``invalid/<NN-name>/``: ``smmplan validate`` and ``smmplan build`` exit 1, print exactly the
  problems of ``expected.txt`` (one ``path:line:col: level CODE`` per line, message left out) in
  sorted order, never a traceback, and ``build`` writes nothing. ``expected-validate.txt``, when
  present, replaces ``expected.txt`` for ``validate`` (problems that only a build finds, such as a
  missing build window). ``messages.txt`` lists text that the printed messages must contain.
- ``hostile/<name>/``: inputs written to attack smmplan (aliases, tags, sandbox escapes, runaway
  templates and recurrences, path tricks); checked exactly like ``invalid/``.
- ``valid/<name>/``: both commands exit 0 and ``build`` writes a file of every format;
  ``output-contains.txt`` and ``output-lacks.txt`` list text the written files must (not) hold.

Regenerating expectations is an explicit opt-in::

    SMMPLAN_REGEN=1 pytest tests/test_cases.py

rewrites ``expected.txt`` (and ``expected-validate.txt`` where present) from the current output.
Check every regenerated position by hand against the calendar text before committing: the line
and column must point at the offending key or value.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan.cli import app

# Validate reads today (W317, W318); its findings here must not depend on it.
pytestmark = pytest.mark.dates

CASES = Path(__file__).parent / "cases"
FORMATS = ("csv", "ics", "md", "json")
REGEN = os.environ.get("SMMPLAN_REGEN") == "1"
PROBLEM = re.compile(
    r"^(?P<path>\S[^:]*):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) (?P<code>[EW]\d{3}) "
)


def _folders(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def _lines(file: Path) -> list[str]:
    if not file.is_file():
        return []
    return [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]


def _run(case: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(case)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _problems(output: str) -> list[tuple[str, int, int, str]]:
    """(path, line, col, 'path:line:col: level CODE') of every problem line, in printed order."""
    found = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        if match:
            path, line_no, col = match["path"], int(match["line"]), int(match["col"])
            short = f"{path}:{line_no}:{col}: {match['level']} {match['code']}"
            found.append((path, line_no, col, short))
    return found


def _check_problems(case: Path, expected_file: Path, code: int, output: str) -> None:
    """The printed problems are exactly those of `expected_file`, sorted; no traceback."""
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    printed = _problems(output)
    if REGEN:
        expected_file.write_text("".join(f"{p[3]}\n" for p in sorted(printed)), encoding="utf-8")
    expected = _lines(expected_file)
    assert {p[3] for p in printed} == set(expected), output
    positions = [p[:3] for p in printed]
    assert positions == sorted(positions), f"problems are not printed in sorted order:\n{output}"
    assert code == (1 if any(" error " in line for line in expected) else 0), output
    if expected_file.name == "expected.txt":
        for text in _lines(case / "messages.txt"):
            assert text in output, f"expected {text!r} in the messages:\n{output}"


@pytest.mark.parametrize("case", _folders("invalid") + _folders("hostile"), ids=lambda p: p.name)
def test_invalid_validate(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = case / "expected-validate.txt"
    expected = override if override.exists() else case / "expected.txt"
    code, output = _run(case, monkeypatch, "validate")
    _check_problems(case, expected, code, output)


@pytest.mark.slow
@pytest.mark.parametrize("case", _folders("invalid") + _folders("hostile"), ids=lambda p: p.name)
def test_invalid_build_writes_nothing(
    case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = _run(case, monkeypatch, "build", "--out", str(out))
    _check_problems(case, case / "expected.txt", code, output)
    assert code == 1, output
    assert not out.exists() or not any(out.rglob("*")), sorted(out.rglob("*"))
    assert not (case / "build").exists()


@pytest.mark.parametrize("case", _folders("valid"), ids=lambda p: p.name)
def test_valid_validates(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _run(case, monkeypatch, "validate")
    assert code == 0, output
    assert "Traceback" not in output, output
    assert not [p for p in _problems(output) if " error " in p[3]], output


@pytest.mark.parametrize("case", _folders("valid"), ids=lambda p: p.name)
def test_valid_builds_every_format(
    case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    formats = ",".join(FORMATS)
    code, output = _run(case, monkeypatch, "build", "--out", str(out), "--format", formats)
    assert code == 0, output
    written = sorted(p for p in out.rglob("*") if p.is_file())
    for ext in FORMATS:
        assert [p for p in written if p.suffix == f".{ext}"], f"no .{ext} file in {written}"
    text = "\n".join(p.read_text(encoding="utf-8-sig") for p in written)
    for wanted in _lines(case / "output-contains.txt"):
        assert wanted in text, f"{wanted!r} not in the outputs of {case.name}"
    for unwanted in _lines(case / "output-lacks.txt"):
        assert unwanted not in text, f"{unwanted!r} in the outputs of {case.name}"
