"""smmplan benchmarks: start-up latency, one large calendar, many calendars, and a peer.

Generates its own inputs in a temporary folder and prints a Markdown table of medians.

    python benchmarks/bench.py                 # the full run (several minutes)
    python benchmarks/bench.py --quick         # tiny sizes: checks that everything runs
    python benchmarks/bench.py --only latency,peer --runs 9
    parser.add_argument("--only", default="latency,large,many,peer,import,agency,growth")

The peer comparison needs `yaml2ics` (pip install -e '.[bench]'); without it that row says so.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Reading YAML, rendering posts (with dates in the calendar's language), recurrence rules,
# hashtags, and the calendar format's models: what checking any calendar imports.
CHECK_LIBRARIES = ("typer", "yaml", "jinja2", "babel.dates", "dateutil.rrule", "regex", "pydantic")
SCHEMA_BUILT = "from smmplan.load.schema import Calendar; Calendar.model_rebuild(force=True)"
SCHEMA_FLOOR = "the same libraries, pydantic and the calendar schema built"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class Row:
    case: str
    seconds: float | None
    peak_mb: float | None
    note: str = ""


def measure(
    cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None, stdout: Path | None = None
) -> tuple[float, float]:
    """Wall-clock seconds and peak resident memory (MB) of one command run."""
    import time

    # Output goes to files, not pipes: a pipe nobody reads fills up and stalls the command.
    with tempfile.TemporaryFile() as errors, open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        errors.seek(0)
        tail = errors.read()[-2000:].decode(errors="replace")
    if code != 0:
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{tail}")
    return elapsed, usage.ru_maxrss / 1024


def median_of(
    runs: int,
    cmd: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    stdout: Path | None = None,
) -> tuple[float, float]:
    results = [measure(cmd, cwd, env, stdout) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def bench_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment the measured commands run in: the caller's, as a user's shell has it.

    Bytecode writing is switched back on: a user's installed smmplan runs from compiled
    bytecode, so a shell that turned it off would add the compiling of every module to
    every run measured. smmplan's cache goes to the benchmark's own folder.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SMMPLAN_CACHE_DIR"] = str(work / "cache")
    env.update(extra)
    return env


def smmplan_cmd() -> list[str]:
    found = shutil.which("smmplan", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "smmplan"]


def large_calendar(ident: str, days: int, channels: int, drafts: int, observances: int) -> str:
    """A year-like calendar: daily slots at three times on every channel, a theme per weekday."""
    start = date(2026, 1, 1)
    end = start + timedelta(days=days - 1)
    lines = [
        "smmplan: 1",
        f"id: {ident}",
        f"name: Agency client {ident}",
        "timezone: Europe/Madrid",
        f"period: {{start: {start}, end: {end}}}",
        "vars: {site: https://client.example}",
        # Three posts a day on every channel with one format is this client's plan.
        "rules: {max_posts_per_day: 4, max_format_share: 1, disable: [W319]}",
        "channels:",
    ]
    for c in range(channels):
        lines += [
            f"  ch{c}:",
            "    network: instagram",
            "    slots:",
            '      - {days: daily, times: ["09:00", "13:00", "18:00"]}',
        ]
    lines.append("themes:")
    for day in WEEKDAYS:
        lines += [
            f"  - name: Theme {day}",
            f"    days: [{day}]",
            '    text: "{{ post.title }} on {{ post.weekday }}: {{ vars.site }}"',
            '    hashtags: ["#Rubric"]',
        ]
    lines += ["holidays:", "  observances:"]
    for o in range(observances):
        day = start + timedelta(days=(o * 7) % days)
        lines += [
            f"    - name: Awareness day {o}",
            f'      date: "{day:%m-%d}"',
            '      text: "Today is {{ post.title }}."',
        ]
    lines.append("posts:")
    for d in range(drafts):
        day = start + timedelta(days=(d * days) // max(drafts, 1))
        lines += [
            f"  - title: Campaign post {d}",
            f"    date: {day}",
            '    time: "10:30"',
            f"    channels: [ch{d % channels}]",
            '    text: "Campaign {{ post.date }}"',
            "    status: approved",
        ]
    return "\n".join(lines) + "\n"


def one_off_posts(count: int) -> tuple[str, str]:
    """The same `count` dated events as a smmplan calendar and as a yaml2ics file."""
    start = date(2026, 1, 1)
    ours = [
        "smmplan: 1",
        "name: Peer",
        "timezone: Europe/Madrid",
        f"period: {{start: {start}, end: {start + timedelta(days=count // 24 + 1)}}}",
        # A plain conversion, like the peer's: an hourly feed, so the frequency and gap
        # checks (which the peer does not have) are off.
        "rules: {disable: [W312, W313, W314, W315, W317, W318, W319, W320]}",
        "channels:",
        "  feed:",
        "    network: other",
        '    slots: [{days: daily, times: ["00:00"]}]',
        "posts:",
    ]
    peer = ["name: Peer", "timezone: Europe/Madrid", "events:"]
    for n in range(count):
        day = start + timedelta(days=n // 24)
        hour = n % 24
        ours += [
            f"  - title: Post {n}",
            f"    date: {day}",
            f'    time: "{hour:02d}:15"',
            f'    text: "Post number {n}"',
        ]
        peer += [
            f"  - summary: Post {n}",
            f"    description: Post number {n}",
            f"    begin: {day} {hour:02d}:15:00",
            "    duration: {minutes: 15}",
        ]
    return "\n".join(ours) + "\n", "\n".join(peer) + "\n"


def write_repo(folder: Path, calendars: dict[str, str]) -> Path:
    (folder / "calendars").mkdir(parents=True, exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    for name, text in calendars.items():
        (folder / "calendars" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@dataclass
class Case:
    name: str
    cmd: list[str]
    cwd: Path
    env: dict[str, str]
    before: Callable[[], None] | None = None  # run before each measured run, not timed


def bench_latency(runs: int, work: Path) -> list[Row]:
    """Start-up cases on the shipped examples, measured in rounds that run every case once.

    The machine is shared: taking each case's runs in turn, round by round, spreads a slow
    spell over all cases instead of letting it land on one (the floor among them).
    """
    smm = smmplan_cmd()
    env = bench_env(work, SOURCE_DATE_EPOCH="1767225600")
    out = str(work / "latency-out")
    edited = _edited_examples(work)
    cold_env = dict(env)

    def fresh_cache() -> None:
        cold_env["SMMPLAN_CACHE_DIR"] = tempfile.mkdtemp(dir=work, prefix="cold-cache-")

    all_formats = ["--format", "csv,ics,md,json"]
    from scaling import bench_yamllint

    peer = bench_yamllint(work)
    cases = [
        Case("python -c pass", [sys.executable, "-c", "pass"], ROOT, env),
        Case('python -c "import typer" (floor)', [sys.executable, "-c", "import typer"], ROOT, env),
        Case("smmplan --version", [*smm, "--version"], ROOT, env),
        *([Case("yamllint -d relaxed calendars", peer, ROOT, env)] if peer else []),
        Case(
            # What any run that checks a calendar must import before its own work starts.
            f'python -c "import {", ".join(CHECK_LIBRARIES)}"',
            [sys.executable, "-c", f"import {', '.join(CHECK_LIBRARIES)}"],
            ROOT,
            env,
        ),
        Case(
            # ... and pydantic with the calendar's schema built: a check's start-up, no calendar.
            SCHEMA_FLOOR,
            [sys.executable, "-c", f"import {', '.join(CHECK_LIBRARIES[:-1])}; {SCHEMA_BUILT}"],
            ROOT,
            env,
        ),
        Case(
            "smmplan validate (examples, unchanged: results reused)",
            [*smm, "validate"],
            ROOT,
            env,
        ),
        Case(
            "smmplan validate (examples, one calendar edited)",
            [*smm, "validate"],
            edited.parent.parent,
            env,
            lambda: _edit(edited),
        ),
        Case(
            "smmplan validate --no-cache (examples, all checked)",
            [*smm, "validate", "--no-cache"],
            ROOT,
            env,
        ),
        Case(
            "smmplan validate --no-cache (examples, empty cache folder)",
            [*smm, "validate", "--no-cache"],
            ROOT,
            cold_env,
            fresh_cache,
        ),
        Case(
            "smmplan build, all formats (examples, unchanged: files reused)",
            [*smm, "build", *all_formats, "--out", out],
            ROOT,
            env,
        ),
        Case(
            "smmplan build, all formats (examples, one calendar edited)",
            [*smm, "build", *all_formats, "--out", "out"],
            edited.parent.parent,
            env,
            lambda: _edit(edited),
        ),
        Case(
            "smmplan build --no-cache, all formats (examples)",
            [*smm, "build", "--no-cache", *all_formats, "--out", out],
            ROOT,
            env,
        ),
    ]
    for case in cases:  # warm the holiday and template caches; keep what each run found
        measure(case.cmd, case.cwd, case.env)
    results: dict[str, list[tuple[float, float]]] = {case.name: [] for case in cases}
    for _ in range(runs):
        for case in cases:
            if case.before:
                case.before()
            results[case.name].append(measure(case.cmd, case.cwd, case.env))
    floor = statistics.median(r[0] for r in results[cases[1].name])
    rows = []
    for case in cases:
        seconds = statistics.median(r[0] for r in results[case.name])
        note = "" if case is cases[1] else f"{seconds / floor:.2f} x floor"
        rows.append(Row(case.name, seconds, max(r[1] for r in results[case.name]), note))
    return rows


def _edited_examples(work: Path) -> Path:
    """A copy of the examples, for the everyday case at a terminal: one calendar edited.

    Before each measured run the copy's yoga calendar gets a new name (`_edit`), which
    changes its check and every file it exports; the other calendars are unchanged.
    """
    repo = work / "edited"
    for folder in ("calendars", "templates"):
        shutil.copytree(ROOT / folder, repo / folder, dirs_exist_ok=True)
    calendar = repo / "calendars" / "yoga-amsterdam.yaml"
    assert "\nname: " in calendar.read_text(encoding="utf-8")
    return calendar


_edits = itertools.count()


def _edit(calendar: Path) -> None:
    text = calendar.read_text(encoding="utf-8")
    renamed = re.sub(r"\nname: (Edit \d+ )?", f"\nname: Edit {next(_edits)} ", text, count=1)
    calendar.write_text(renamed, encoding="utf-8")


def _client_size(quick: bool) -> dict[str, int]:
    """The agency calendar of a year (about 11,000 posts), or a month of it for --quick."""
    if quick:
        return dict(days=31, channels=2, drafts=5, observances=3)
    return dict(days=365, channels=10, drafts=200, observances=50)


def bench_large(runs: int, work: Path, quick: bool) -> list[Row]:
    size = _client_size(quick)
    repo = write_repo(work / "large", {"large": large_calendar("large", **size)})
    smm = smmplan_cmd()
    env = bench_env(work, SOURCE_DATE_EPOCH="1767225600")
    measure([*smm, "validate"], repo, env)  # warm the holiday and template caches
    seconds, peak = median_of(runs, [*smm, "validate", "--no-cache"], repo, env)
    with _build_once(repo, env, smm).open(encoding="utf-8", newline="") as table:
        posts = sum(1 for _ in csv.reader(table)) - 1  # texts span lines: count records
    rows = [Row(f"large calendar ({posts} posts): validate", seconds, peak)]
    for fmt in ("csv", "ics", "md", "json", "csv,ics,md,json"):
        build = [*smm, "build", "--no-cache", "--format", fmt, "--out", "out"]
        seconds, peak = median_of(runs, build, repo, env)
        rows.append(Row(f"large calendar: build {fmt}", seconds, peak))
    # A repeat build of the unchanged calendar: schedule and files come from the cache.
    build = [*smm, "build", "--format", "csv,ics,md,json", "--out", "out"]
    measure(build, repo, env)
    seconds, peak = median_of(runs, build, repo, env)
    rows.append(Row("large calendar: build csv,ics,md,json, unchanged", seconds, peak))
    return rows


def _build_once(repo: Path, env: dict[str, str], smm: list[str]) -> Path:
    target = repo / "count.csv"
    measure([*smm, "build", "--format", "csv", "-o", str(target), "--force"], repo, env)
    return target


def bench_many(counts: list[int], work: Path, quick: bool) -> list[Row]:
    size = _client_size(quick)
    smm = smmplan_cmd()
    env = bench_env(work)
    rows = []
    for count in counts:
        repo = write_repo(
            work / f"many-{count}",
            {f"client-{n:03d}": large_calendar(f"client-{n:03d}", **size) for n in range(count)},
        )
        seconds, peak = measure([*smm, "validate", "--no-cache"], repo, env)
        rows.append(
            Row(
                f"{count} calendars: validate --no-cache",
                seconds,
                peak,
                f"{seconds / count:.3f} s per calendar",
            )
        )
    # The everyday case at that size: one client's calendar edited since the last run.
    measure([*smm, "validate"], repo, env)
    edited = repo / "calendars" / "client-000.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    seconds, peak = measure([*smm, "validate"], repo, env)
    rows.append(Row(f"{counts[-1]} calendars, one edited: validate", seconds, peak))
    return rows


def bench_peer(runs: int, work: Path, quick: bool) -> list[Row]:
    count = 50 if quick else 10_000
    ours, peer = one_off_posts(count)
    repo = write_repo(work / "peer", {"peer": ours})
    (repo / "peer.yaml").write_text(peer, encoding="utf-8")
    smm = smmplan_cmd()
    env = bench_env(work, SOURCE_DATE_EPOCH="1767225600")
    ours = [*smm, "build", "--no-cache", "--format", "ics", "-o", "ours.ics", "--force"]
    measure(ours, repo, env)
    yaml2ics = shutil.which("yaml2ics", path=str(Path(sys.executable).parent))
    if yaml2ics is None:
        ours_s, ours_mb = median_of(runs, ours, repo, env)
        return [
            Row(f"{count} one-off posts to ICS: smmplan", ours_s, ours_mb),
            Row(
                f"{count} one-off posts to ICS: yaml2ics",
                None,
                None,
                "not installed (pip install -e '.[bench]')",
            ),
        ]
    # In rounds, one run of each per round: a slow spell of the shared machine then weighs on
    # both sides of the ratio instead of on one.
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(measure(ours, repo, env))
        theirs.append(measure([yaml2ics, "peer.yaml"], repo, env, stdout=repo / "peer.ics"))
    ours_s, peer_s = (statistics.median(r[0] for r in found) for found in (mine, theirs))
    return [
        Row(f"{count} one-off posts to ICS: smmplan", ours_s, max(r[1] for r in mine)),
        Row(
            f"{count} one-off posts to ICS: yaml2ics",
            peer_s,
            max(r[1] for r in theirs),
            f"smmplan is {peer_s / ours_s:.1f} x faster",
        ),
    ]


def import_sheet(count: int) -> str:
    """A CSV as a freelancer's sheet holds a plan: four channels, day-first dates.

    Texts are short: a calendar file is read up to 1 MiB, and 10,000 posts must fit in one.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Fecha", "Hora", "Red", "Texto"])
    start = date(2027, 1, 1)
    for n in range(count):
        day = start + timedelta(days=n // 40)
        clock = f"{8 + (n % 40) // 4:02d}:{(n % 4) * 15:02d}"
        writer.writerow([f"{day:%d/%m/%Y}", clock, f"c{n % 4}", f"P{n}"])
    return buffer.getvalue()


def bench_import(runs: int, work: Path, quick: bool) -> list[Row]:
    """`smmplan import` of a 10,000-row sheet into a new calendar (the issue asks < 3 s)."""
    count = 200 if quick else 10_000
    folder = work / "import"
    folder.mkdir()
    (folder / "plan.csv").write_text(import_sheet(count), encoding="utf-8")
    env = bench_env(work)
    smm = smmplan_cmd()
    target = folder / "calendars" / "new.yaml"

    def once() -> tuple[float, float]:
        target.unlink(missing_ok=True)
        cmd = [*smm, "import", "plan.csv", "--new", str(target), "--timezone", "Europe/Madrid"]
        return measure(cmd, folder, env)

    results = [once() for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    return [Row(f"import {count:,} sheet rows --new", seconds, max(r[1] for r in results))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from smmplan import __version__

    return (
        f"smmplan {__version__}, Python {platform.python_version()}, {cpu}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.release()}"
    )


def print_table(rows: list[Row], runs: int) -> None:
    print(f"Machine: {machine()}")
    print(f"Medians of {runs} runs (many-calendar rows: one run each); peak = max RSS.\n")
    print("| case | median s | peak MB | note |")
    print("|---|---:|---:|---|")
    for row in rows:
        seconds = f"{row.seconds:.3f}" if row.seconds is not None else "–"
        peak = f"{row.peak_mb:.0f}" if row.peak_mb is not None else "–"
        print(f"| {row.case} | {seconds} | {peak} | {row.note} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or ""))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run")
    parser.add_argument("--only", default="latency,large,many,peer,import,agency,growth")
    parser.add_argument("--many", default="10,25,50,100", help="calendar counts")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    counts = [2] if args.quick else [int(n) for n in args.many.split(",")]
    parts = args.only.split(",")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as folder:
        work = Path(folder)
        if "latency" in parts:
            rows += bench_latency(runs, work)
        if "large" in parts:
            rows += bench_large(runs, work, args.quick)
        if "many" in parts:
            rows += bench_many(counts, work, args.quick)
        if "peer" in parts:
            rows += bench_peer(runs, work, args.quick)
        if "import" in parts:
            rows += bench_import(runs, work, args.quick)
        import scaling

        if "agency" in parts:
            rows += scaling.bench_agency(work, args.quick)
        if "growth" in parts:
            rows += scaling.bench_growth(work, args.quick)
    print_table(rows, runs)
    scaling.print_targets(rows)


if __name__ == "__main__":
    main()
