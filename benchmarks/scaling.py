"""Benchmarks of scale: an agency's calendars on every core, growth in posts and calendars,
and the issue's targets checked against the figures of the same run."""

from __future__ import annotations

import math
import re
import shutil
import sys
from pathlib import Path

from bench import (
    SCHEMA_FLOOR,
    Row,
    bench_env,
    large_calendar,
    measure,
    smmplan_cmd,
    write_repo,
)

MONTH = dict(days=31, channels=2, drafts=5, observances=3)  # one client's month
ALL_FORMATS = ["--format", "csv,ics,md,json"]


def bench_yamllint(work: Path) -> list[str]:
    """The peer command for cold validation, or nothing when yamllint is not installed."""
    found = shutil.which("yamllint", path=str(Path(sys.executable).parent))
    return [found, "-d", "relaxed", "calendars"] if found else []


def bench_agency(work: Path, quick: bool) -> list[Row]:
    """Cold validate and build of many one-month calendars, on every core and on one."""
    count = 20 if quick else 200
    repo = _clients(work / "agency", count)
    smm = smmplan_cmd()
    env = bench_env(work, SOURCE_DATE_EPOCH="1767225600")
    measure([*smm, "validate"], repo, env)  # holidays and templates cached, as after any run
    rows = []
    for jobs, label in ((None, "all cores"), ("1", "--jobs 1")):
        extra = ["--jobs", jobs] if jobs else []
        for name, cmd in (
            ("validate --no-cache", [*smm, "validate", "--no-cache", *extra]),
            (
                "build --no-cache",
                [*smm, "build", "--no-cache", *ALL_FORMATS, "--out", "out", *extra],
            ),
        ):
            seconds, peak = measure(cmd, repo, env)
            rows.append(Row(f"{count} one-month calendars: {name} ({label})", seconds, peak))
    # Clients like the shipped examples: templates, languages, holidays, shared fragments.
    examples = _example_clients(work / "agency-examples", count)
    measure([*smm, "validate"], examples, env)
    for name, cmd in (
        ("validate --no-cache", [*smm, "validate", "--no-cache"]),
        ("build --no-cache", [*smm, "build", "--no-cache", *ALL_FORMATS, "--out", "out"]),
    ):
        seconds, peak = measure(cmd, examples, env)
        rows.append(Row(f"{count} calendars like the examples: {name} (all cores)", seconds, peak))
    return rows


def _example_clients(folder: Path, count: int) -> Path:
    """`count` calendars, copies of the shipped examples in turn, each with an id of its own,
    beside the examples' fragments, templates and media."""
    root = Path(__file__).resolve().parents[1]
    for part in ("templates", "media"):
        shutil.copytree(root / part, folder / part, dirs_exist_ok=True)
    (folder / "calendars").mkdir(parents=True, exist_ok=True)
    sources = sorted((root / "calendars").glob("*.yaml"))
    for source in sources:
        if source.name.startswith("_"):
            shutil.copy(source, folder / "calendars" / source.name)
    clients = [source for source in sources if not source.name.startswith("_")]
    for n in range(count):
        source = clients[n % len(clients)]
        ident = f"{source.stem}-{n:04d}"
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id: .*$", f"id: {ident}", text)  # without one, the id is the stem
        (folder / "calendars" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    return folder


def _clients(folder: Path, count: int) -> Path:
    names = {f"client-{n:04d}": large_calendar(f"client-{n:04d}", **MONTH) for n in range(count)}
    return write_repo(folder, names)


def bench_growth(work: Path, quick: bool) -> list[Row]:
    """Time and memory against posts (one calendar) and against calendars (one month each)."""
    smm = smmplan_cmd()
    env = bench_env(work, SOURCE_DATE_EPOCH="1767225600")
    rows = []
    for wanted in (1_100, 2_200) if quick else (1_000, 10_000, 100_000):
        channels = math.ceil(wanted / (3 * 365))  # three posts a day on each channel
        text = large_calendar("growth", days=365, channels=channels, drafts=0, observances=0)
        repo = write_repo(work / f"posts-{wanted}", {"growth": text})
        cmd = [*smm, "build", "--no-cache", "--format", "csv,ics", "--out", "out"]
        measure([*smm, "validate"], repo, env)
        seconds, peak = measure(cmd, repo, env)
        posts = 3 * 365 * channels
        note = f"{1e6 * seconds / posts:.0f} µs per post"
        rows.append(Row(f"growth: {posts} posts, build csv,ics", seconds, peak, note))
    for count in (5, 20) if quick else (10, 100, 1_000):
        repo = _clients(work / f"calendars-{count}", count)
        measure([*smm, "validate"], repo, env)
        seconds, peak = measure([*smm, "validate", "--no-cache"], repo, env)
        note = f"{1000 * seconds / count:.1f} ms per calendar"
        rows.append(Row(f"growth: {count} calendars, validate --no-cache", seconds, peak, note))
    return rows


# (case, what it is divided by: the `import typer` floor or yamllint, the largest ratio)
TARGETS = (
    ("smmplan validate --no-cache (examples, all checked)", "yamllint", 1.2),
    ("smmplan build --no-cache, all formats (examples)", "floor", 4.0),
    ("smmplan --version", "floor", 1.3),
)


def print_targets(rows: list[Row]) -> None:
    """The issue's targets next to this run's figures."""
    by_case = {row.case: row for row in rows}
    floor = by_case.get('python -c "import typer" (floor)')
    peer = by_case.get("yamllint -d relaxed calendars")
    print("\n| target | measured | limit | met |")
    print("|---|---:|---:|---|")
    for case, against, limit in TARGETS:
        base = floor if against == "floor" else peer
        row = by_case.get(case)
        if row and base and row.seconds and base.seconds:
            _target(f"{case} / {against}", row.seconds / base.seconds, limit, "x")
    for row in rows:
        if "one-month calendars" in row.case and "all cores" in row.case and row.seconds:
            limit = 1.5 if "validate" in row.case else 2.2
            _target(f"{row.case}: seconds", row.seconds, limit, "s")
            _target(f"{row.case}: peak MB", row.peak_mb or 0, 250, "MB")
        if row.case.startswith("large calendar (") and row.seconds:
            _target(f"{row.case}: seconds", row.seconds, 1.5, "s")
        if row.case == "large calendar: build csv,ics,md,json" and row.seconds:
            _target(f"{row.case}: seconds", row.seconds, 4.0, "s")
            _target(f"{row.case}: peak MB", row.peak_mb or 0, 250, "MB")
        if row.case.endswith("posts to ICS: yaml2ics") and row.note.startswith("smmplan is"):
            speedup = float(row.note.split()[2])
            print(
                f"| ICS export: yaml2ics / smmplan | {speedup:.1f} x | ≥ 10 x | "
                f"{'yes' if speedup >= 10 else 'NO'} |"
            )
    schema = next((row for row in rows if row.case == SCHEMA_FLOOR), None)
    if schema and schema.seconds and floor and floor.seconds and peer and peer.seconds:
        print(
            f"\nBefore it reads a calendar, a check's start-up ({schema.case}) takes "
            f"{schema.seconds / peer.seconds:.2f} x yamllint and "
            f"{schema.seconds / floor.seconds:.2f} x the floor."
        )


def _target(name: str, value: float, limit: float, unit: str) -> None:
    met = "yes" if value <= limit else "NO"
    print(f"| {name} | {value:.2f} {unit} | ≤ {limit:g} {unit} | {met} |")
