"""Inline calendars for the expansion tests: write YAML into a temporary repo and plan it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from smmplan.model import Post, Schedule
from smmplan.pipeline import Planned, Window, plan_one

HEADER = """\
smmplan: 1
id: test
name: Test calendar
timezone: {timezone}
"""


def calendar(body: str, *, timezone: str = "Europe/Madrid", period: str | None = None) -> str:
    """A calendar text: the fixed header, an optional period, then `body` (dedented)."""
    text = HEADER.format(timezone=timezone)
    if period:
        text += f"period: {period}\n"
    return text + textwrap.dedent(body)


def write_repo(
    root: Path, text: str, *, templates: dict[str, str] | None = None, name: str = "x.yaml"
) -> Path:
    """Write `text` as calendars/<name> under `root` (and templates/), return the file."""
    (root / "calendars").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    for rel, content in (templates or {}).items():
        target = root / "templates" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    path = root / "calendars" / name
    path.write_text(text, encoding="utf-8")
    return path


def plan_text(
    root: Path,
    text: str,
    start: str | None = None,
    end: str | None = None,
    *,
    templates: dict[str, str] | None = None,
) -> Planned:
    """Plan a calendar text over [start, end], or over its own period when no dates are given."""
    path = write_repo(root, text, templates=templates)
    window = Window(date.fromisoformat(start), date.fromisoformat(end)) if start and end else None
    return plan_one(path, window)


def codes(planned: Planned) -> list[str]:
    return sorted(p.code for p in planned.problems)


def error_codes(planned: Planned) -> list[str]:
    return sorted(p.code for p in planned.problems if p.level == "error")


def schedule_of(planned: Planned) -> Schedule:
    """The schedule, failing with the problems when there is none."""
    assert planned.schedule is not None, [p.as_text() for p in planned.problems]
    return planned.schedule


def posts_of(planned: Planned) -> list[Post]:
    return schedule_of(planned).posts


def slots_of(planned: Planned, channel: str | None = None) -> list[tuple[str, str, str]]:
    """(date, time, source) of every post, optionally of one channel, in schedule order."""
    return [
        (p.date, p.time, p.source)
        for p in posts_of(planned)
        if channel is None or p.channel == channel
    ]


def dates_of(planned: Planned, channel: str | None = None) -> list[str]:
    return sorted({p.date for p in posts_of(planned) if channel is None or p.channel == channel})


def line_of(text: str, needle: str) -> int:
    """1-based line number of the first line of `text` that contains `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the calendar text")


EXAMPLES = Path(__file__).resolve().parents[1]


def copy_examples(repo: Path) -> Path:
    """A copy of the shipped example repo (calendars and templates) at `repo`."""
    import shutil

    for part in ("calendars", "templates"):
        shutil.copytree(EXAMPLES / part, repo / part)
    return repo


def build_every_format(repo: Path, out: str, *extra: str) -> dict[str, bytes]:
    """Run `smmplan build [EXTRA]` in the current folder into `out`; the written files by name."""
    from typer.testing import CliRunner

    from smmplan.cli import app

    argv = ["build", "--format", "csv,ics,md,json", "--out", out, *extra]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return {
        str(p.relative_to(repo / out)): p.read_bytes()
        for p in (repo / out).rglob("*.*")
        if not p.name.startswith(".")  # the build's manifest of the files it wrote
    }


def assert_golden(path: Path, produced: bytes | str) -> None:
    """`produced` equals the golden file at `path` (text compared as text, bytes as bytes).

    With SMMPLAN_REGEN=1 the golden file is written from `produced` first: review the diff.
    """
    if os.environ.get("SMMPLAN_REGEN") == "1":
        if isinstance(produced, str):
            path.write_text(produced, encoding="utf-8")
        else:
            path.write_bytes(produced)
    expected = path.read_text(encoding="utf-8") if isinstance(produced, str) else path.read_bytes()
    test_file = os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[0] or "its test"
    assert produced == expected, (
        f"{path.name} changed; if intended, run SMMPLAN_REGEN=1 python -m pytest "
        f"{test_file} and review the diff"
    )


def run_in(root: Path, *args: str) -> tuple[int, str]:
    """Run the CLI with `args` in folder `root` (SOURCE_DATE_EPOCH fixed): exit code, output."""
    import os

    from typer.testing import CliRunner

    from smmplan.cli import app

    previous = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, list(args), env={"SOURCE_DATE_EPOCH": "1767225600"})
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


def libraries_loaded(repo: Path, cache: Path, argv: list[str], libraries: list[str]) -> str:
    """Run `smmplan ARGV` in a fresh interpreter in `repo`; which of `libraries` it imported.

    What a run imports shows what work it did: a run answered from the cache loads neither
    the YAML parser nor the models nor the template engine.
    """
    env = {k: v for k, v in os.environ.items() if k != "SMMPLAN_CACHE_DIR"}
    env["SMMPLAN_CACHE_DIR"] = str(cache)
    probe = (
        "import sys; from smmplan.cli import main\n"
        f"sys.argv = ['smmplan', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        f"loaded = sorted(m for m in {libraries!r} if m in sys.modules)\n"
        "print('loaded:', ','.join(loaded), 'exit:', code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=repo, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]
