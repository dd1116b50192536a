"""The command line as a user drives it: exit codes, outputs, atomic writes, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan import __version__
from smmplan.cli import app

# Validate and init read today; what these tests check must not depend on it.
pytestmark = pytest.mark.dates

CALENDAR = """\
smmplan: 1
name: Test Shop
timezone: Europe/Madrid
period: {start: 2026-12-01, end: 2026-12-07}
channels:
  ig:
    network: instagram
    account: "@shop"
    slots:
      - {days: [mon, wed], times: ["09:30"]}
  x:
    network: x
    slots:
      - {days: daily, times: ["12:00"]}
themes:
  - name: Monday
    days: [mon]
    text: "Hello {{ post.channel }}"
rules: {disable: [W314, W320]}  # a sparse test week: lint would flag its gaps
posts:
  - title: Launch
    date: 2026-12-02
    channels: [ig]
    status: approved
    text: "=cmd|' /C calc'!A0"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"smmplan {__version__}"


def test_build_without_arguments_builds_calendars_folder(repo: Path) -> None:
    code, _, err = run("build")
    assert code == 0, err
    written = sorted(p.name for p in (repo / "build" / "shop").iterdir())
    # Outputs, and the build's manifest of them (docs/outputs.md)
    assert written == [
        ".smmplan-files",
        *(f"2026-12-01_2026-12-07.{ext}" for ext in ("csv", "ics", "md")),
    ]


def test_build_twice_gives_identical_bytes(repo: Path) -> None:
    run("build", "--format", "csv,ics,md,json")
    first = {p.name: p.read_bytes() for p in (repo / "build" / "shop").iterdir()}
    run("build", "--format", "csv,ics,md,json", "--no-cache")  # renders again, no reuse
    second = {p.name: p.read_bytes() for p in (repo / "build" / "shop").iterdir()}
    assert first == second


def test_csv_to_stdout_neutralises_formulas_by_default(repo: Path) -> None:
    code, out, _ = run("build", "--format", "csv", "-o", "-")
    assert code == 0
    assert "'=cmd|" in out
    assert "'@shop" in out
    code, out, _ = run("build", "--format", "csv", "-o", "-", "--no-csv-safe")
    assert '"=cmd|' in out or ",=cmd|" in out


def test_channel_and_status_filters(repo: Path) -> None:
    code, out, _ = run("build", "--format", "json", "-o", "-", "--status", "approved")
    assert code == 0
    posts = json.loads(out)["posts"]
    assert [(p["title"], p["channel"]) for p in posts] == [("Launch", "ig")]
    code, out, _ = run("build", "--format", "json", "-o", "-", "--channel", "x")
    assert {p["channel"] for p in json.loads(out)["posts"]} == {"x"}


def test_failed_build_leaves_earlier_outputs_untouched(repo: Path) -> None:
    assert run("build")[0] == 0
    folder = repo / "build" / "shop"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (repo / "calendars" / "broken.yaml").write_text(
        CALENDAR.replace("Test Shop", "Broken").replace("{{ post.channel }}", "{{ nope }}"),
        encoding="utf-8",
    )
    code, _, err = run("build")
    assert code == 1
    assert "E132" in err and "nothing was written" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not (repo / "build" / "broken").exists()
    leftovers = [
        p
        for p in (repo / "build").rglob("*")
        if p.name.startswith(".") and p.name != ".smmplan-files"
    ]
    assert leftovers == []


def test_output_file_refuses_to_replace_a_foreign_file(repo: Path) -> None:
    mine = repo / "notes.csv"
    mine.write_text("my own notes\n", encoding="utf-8")
    code, _, err = run("build", "--format", "csv", "-o", str(mine))
    assert code == 2
    assert "--force" in err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert run("build", "--format", "csv", "-o", str(mine), "--force")[0] == 0
    assert mine.read_text(encoding="utf-8").startswith("date,time,timezone,utc,")
    # smmplan's own output may be replaced without --force
    assert run("build", "--format", "csv", "-o", str(mine))[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--month", "2026-13"],
        ["build", "--month", "2026-12", "--from", "2026-12-01", "--to", "2026-12-02"],
        ["build", "--from", "2026-12-01"],
        ["build", "--format", "pdf"],
        ["build", "nowhere/"],
        ["validate", "--format", "xml"],
        ["build", "--bogus"],
    ],
)
def test_usage_errors_exit_2(repo: Path, args: list[str]) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert "Traceback" not in err


def test_problems_sorted_and_all_reported(repo: Path) -> None:
    (repo / "calendars" / "a.yaml").write_text(
        "smmplan: 1\nname: A\ntimezone: Mars/Base\ntiemzone: x\nchannels: {}\n", encoding="utf-8"
    )
    code, out, _ = run("validate")
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "calendars/a.yaml:3:11: error E112 unknown time zone 'Mars/Base'; use an IANA name "
        "such as 'Europe/Madrid'",
        "calendars/a.yaml:4:1: error E102 unknown key 'tiemzone'; did you mean 'timezone'?",
        "calendars/a.yaml:5:11: error E101 'channels' should not be empty",
    ]


def test_github_and_json_formats(repo: Path) -> None:
    (repo / "calendars" / "a.yaml").write_text(
        "smmplan: 1\nname: A\ntimezone: UTC\nchannels: {}\nmood: happy\n", encoding="utf-8"
    )
    code, out, _ = run("validate", "--format", "json")
    assert code == 1
    problems = json.loads(out)
    assert problems[0] == {
        "path": "calendars/a.yaml",
        "line": 4,
        "col": 11,
        "level": "error",
        "code": "E101",
        "message": "'channels' should not be empty",
    }
    code, out, _ = run("validate", "--format", "github")
    assert out.splitlines()[1] == (
        "::error file=calendars/a.yaml,line=5,col=1,title=E102::unknown key 'mood'"
    )


def test_strict_fails_on_warnings(repo: Path) -> None:
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace('text: "Hello', 'text: Hello #tag\n    pillar: "x'), encoding="utf-8"
    )
    code, out, _ = run("validate")
    assert code == 0 and "W305" in out
    assert run("validate", "--strict")[0] == 1


def test_internal_error_exits_3_with_a_short_message(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smmplan.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(smmplan.pipeline, "plan", boom)
    code, _, err = run("validate")
    assert code == 3
    assert "internal error: RuntimeError: kaput" in err
    assert "Traceback" not in err


def test_interrupt_exits_130(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import smmplan.pipeline

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(smmplan.pipeline, "plan", interrupted)
    assert run("validate")[0] == 130


def test_build_without_window_says_how_to_give_one(repo: Path) -> None:
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace("period: {start: 2026-12-01, end: 2026-12-07}\n", ""), encoding="utf-8"
    )
    code, _, err = run("build")
    assert code == 1
    assert "E207" in err and "--month" in err
    assert run("build", "--month", "2026-12")[0] == 0


def test_outputs_are_readable_like_any_new_file(repo: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        assert run("build")[0] == 0
    finally:
        os.umask(old)
    for path in (repo / "build" / "shop").iterdir():
        assert path.stat().st_mode & 0o777 == 0o644


def test_a_known_key_in_the_wrong_place_says_so(repo: Path) -> None:
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace('    account: "@shop"\n', '    account: "@shop"\n    themes: []\n'),
        encoding="utf-8",
    )
    code, out, _ = run("validate")
    assert code == 1
    assert "calendars/shop.yaml:9:5: error E102 'themes' is not allowed here" in out


def test_empty_values_mean_not_given(repo: Path) -> None:
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace('account: "@shop"', "account: ~\n    timezone:").replace(
            "name: Test Shop", "name: Test Shop\nlanguage:\nvars:"
        ),
        encoding="utf-8",
    )
    code, out, _ = run("validate")
    assert code == 0, out
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace("name: Test Shop", "name: ~"), encoding="utf-8"
    )
    code, out, _ = run("validate")
    assert out.startswith("calendars/shop.yaml:2:1: error E101 'name' is empty; it needs a value")


def test_a_value_with_a_line_break_cannot_forge_a_problem_line() -> None:
    from smmplan.problems import Problem
    from smmplan.report import as_text

    forged = "bad\ncalendars/x.yaml:1:1: error E999 forged"
    text = as_text([Problem("a.yaml", 1, 2, "error", "E101", f"'{forged}' is not allowed")])
    assert text.count("\n") == 1
    assert "\\n" in text


def test_language_must_look_like_a_language_code(repo: Path) -> None:
    (repo / "calendars" / "shop.yaml").write_text(
        CALENDAR.replace("name: Test Shop", "name: Test Shop\nlanguage: ../../etc/passwd"),
        encoding="utf-8",
    )
    code, out, _ = run("validate")
    assert code == 1
    assert out.startswith("calendars/shop.yaml:3:11: error E101 '../../etc/passwd' is not a valid")


def test_console_script_version_matches_the_typer_option() -> None:
    import subprocess
    import sys

    fast = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from smmplan.cli import main; sys.argv=['smmplan','--version']; main()",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fast.stdout == run("--version")[1] == f"smmplan {__version__}\n"
