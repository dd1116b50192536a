"""`--jobs`: calendars checked side by side give exactly what one after another gives."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.cli import building as terminal

ROOT = Path(__file__).resolve().parents[1]

CLIENT = """\
smmplan: 1
id: {ident}
name: Client {n}
timezone: Europe/Madrid
period: {{start: 2026-12-01, end: 2026-12-31}}
channels:
  ig:
    network: instagram
    slots:
      - {{days: [mon, wed, fri], times: ["09:30"]}}
themes:
  - {{name: Tip {n}, days: [mon, wed, fri], text: "Tip of {{{{ post.date }}}} from client {n}"}}
"""


def write_clients(folder: Path, count: int) -> None:
    """Clients with warnings (the same theme every time) and, from 4 on, one shared id."""
    (folder / "calendars").mkdir(exist_ok=True)
    for n in range(count):
        ident = "client-1" if n == 3 else f"client-{n}"  # E209: 3 takes 1's id
        text = CLIENT.format(ident=ident, n=n)
        (folder / "calendars" / f"client-{n}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def agency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A few client calendars; a test that needs the shipped examples copies them in."""
    write_clients(tmp_path, 4)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-11-20")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    return tmp_path


def with_examples(agency: Path) -> None:
    for folder in ("calendars", "templates"):
        shutil.copytree(ROOT / folder, agency / folder, dirs_exist_ok=True)
    write_clients(agency, 9)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_in_parallel_prints_what_a_serial_run_prints(agency: Path) -> None:
    serial = run("validate", "--no-cache", "--jobs", "1")
    parallel = run("validate", "--no-cache", "--jobs", "3")
    assert serial[0] == 1  # the shared id is an error
    assert "E209" in serial[1] and "W315" in serial[1]
    assert parallel == serial


def test_a_build_after_one_edit_mixes_kept_and_fresh_calendars_like_a_fresh_build(
    agency: Path,
) -> None:
    """After one client's calendar is edited, the others' results come from the cache and the
    edited one is checked and rendered by a worker: the files are those of a fresh build."""
    (agency / "calendars" / "client-3.yaml").unlink()
    write_clients(agency, 3)
    assert run("build", "--format", "csv,md", "--out", "all", "-j", "2")[0] == 0
    edited = agency / "calendars" / "client-1.yaml"
    edited.write_text(edited.read_text("utf-8").replace("Tip 1", "Advice 1"), "utf-8")
    mixed = run("build", "--format", "csv,md", "--out", "all", "-j", "2")
    fresh = run("build", "--no-cache", "--format", "csv,md", "--out", "one", "-j", "1")
    assert "Advice 1" in (agency / "all" / "client-1" / "2026-12-01_2026-12-31.md").read_text()
    assert_same_build(agency, fresh, mixed)


@pytest.mark.slow
@pytest.mark.parametrize("report", ["text", "json", "sarif"])
def test_validate_of_examples_in_parallel_equals_serial(agency: Path, report: str) -> None:
    with_examples(agency)
    serial = run("validate", "--no-cache", "--format", report, "--jobs", "1")
    parallel = run("validate", "--no-cache", "--format", report, "--jobs", "3")
    assert serial[0] == 1  # the shared id is an error
    assert "E209" in serial[1]
    assert parallel == serial


def test_build_in_parallel_writes_the_same_files_as_a_serial_run(agency: Path) -> None:
    (agency / "calendars" / "client-3.yaml").unlink()  # a build needs calendars without errors
    serial = run("build", "--no-cache", "--format", "csv,ics", "--out", "one", "-j", "1")
    parallel = run("build", "--no-cache", "--format", "csv,ics", "--out", "all", "-j", "2")
    assert_same_build(agency, serial, parallel)


def test_files_rendered_by_workers_and_reused_from_the_cache_equal_a_serial_build(
    agency: Path,
) -> None:
    """Workers render each calendar's files too; a second build reuses them from the cache."""
    (agency / "calendars" / "client-3.yaml").unlink()
    serial = run("build", "--format", "csv,md,json", "--out", "one", "-j", "1")
    for _ in range(2):  # rendered, then reused
        parallel = run("build", "--format", "csv,md,json", "--out", "all", "-j", "2")
        assert_same_build(agency, serial, parallel)


@pytest.mark.slow
def test_build_of_examples_in_parallel_equals_serial(agency: Path) -> None:
    with_examples(agency)
    (agency / "calendars" / "client-3.yaml").unlink()
    serial = run("build", "--no-cache", "--format", "csv,ics,md,json", "--out", "one", "-j", "1")
    parallel = run("build", "--no-cache", "--format", "csv,ics,md,json", "--out", "all", "-j", "4")
    assert_same_build(agency, serial, parallel)


def assert_same_build(
    agency: Path, serial: tuple[int, str, str], parallel: tuple[int, str, str]
) -> None:
    assert serial[0] == parallel[0] == 0
    assert parallel[2].replace("wrote all/", "wrote one/") == serial[2]
    written = sorted(p.relative_to(agency / "one") for p in (agency / "one").rglob("*"))
    assert written and written == sorted(
        p.relative_to(agency / "all") for p in (agency / "all").rglob("*")
    )
    for path in written:
        if (agency / "one" / path).is_file():
            assert (agency / "one" / path).read_bytes() == (agency / "all" / path).read_bytes()


def test_a_parallel_build_stops_on_errors_like_a_serial_one(agency: Path) -> None:
    (agency / "calendars" / "client-2.yaml").write_text("smmplan: 1\nname: [\n", "utf-8")
    serial = run("build", "--no-cache", "--out", "one", "--jobs", "1")
    parallel = run("build", "--no-cache", "--out", "one", "--jobs", "2")
    assert serial[0] == parallel[0] == 1
    assert parallel[2] == serial[2]
    assert not (agency / "one").exists()


def test_the_progress_bar_counts_every_calendar_of_a_parallel_run(agency: Path) -> None:
    stream = io.StringIO()
    screen = Console(file=stream, force_terminal=True, width=80)
    files = sorted((agency / "calendars").glob("client-*.yaml"))
    outcome = terminal._plan_with_progress(files, None, screen, jobs=2)
    assert [p.file for p in outcome.planned] == files
    assert f"{len(files)}/{len(files)}" in stream.getvalue() or "100%" in stream.getvalue()


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_is_a_usage_error(agency: Path, jobs: str) -> None:
    code, _, err = run("validate", "--jobs", jobs)
    assert code == 2
    assert "--jobs must be 1 or more" in err


def test_a_post_comes_back_from_a_worker_whole() -> None:
    """Schedules travel back from worker processes pickled: every field, and where the post's
    entry is written, must arrive as it left."""
    import pickle
    from dataclasses import fields

    from smmplan.model import Post

    values = {item.name: f"<{item.name}>" for item in fields(Post)}
    post = Post(**values | {"hashtags": ["#a"], "budget": 2.5, "origin": ("c.yaml", 7, 3)})
    back = pickle.loads(pickle.dumps(post, protocol=pickle.HIGHEST_PROTOCOL))
    assert [getattr(back, item.name) for item in fields(Post)] == [
        getattr(post, item.name) for item in fields(Post)
    ]
