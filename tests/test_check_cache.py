"""The commands that check calendars reuse what unchanged ones gave, and never a stale result.

Each scenario edits one kind of input the check reads (calendar, fragment, template; a file
appearing or disappearing) after a run has filled the cache. After every step the cached run
must give exactly what a run without the cache gives (printed text, exit code and, for build,
every file's bytes), and the step must change it: so a cached result that outlived its input
would fail here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from calendars_for_tests import copy_examples, libraries_loaded
from typer.testing import CliRunner

from smmplan.cli import app

# --today must win over SMMPLAN_TODAY, which .ci/run sets for a second run.
pytestmark = pytest.mark.dates

Step = Callable[[Path], None]


def _validate(*extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", "--today", "2026-11-20", *extra])
    return result.exit_code, result.output


_builds = itertools.count()


def _build(*extra: str) -> tuple[int, str, dict[str, bytes]]:
    out = Path(f"out-{next(_builds)}")
    result = CliRunner().invoke(
        app, ["build", "--format", "csv,ics,md,json,html", "--out", str(out), *extra]
    )
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return result.exit_code, result.output.replace(str(out), "OUT"), files


def _view(command: str) -> Callable[..., tuple[int, str]]:
    def run(*extra: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, [command, *extra])
        return result.exit_code, result.output

    return run


COMMANDS = {"validate": _validate, "build": _build, "show": _view("show"), "stats": _view("stats")}


def _replace(rel: str, old: str, new: str) -> Step:
    def step(repo: Path) -> None:
        path = repo / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return step


def _write(rel: str, text: str) -> Step:
    def step(repo: Path) -> None:
        (repo / rel).write_text(text, encoding="utf-8")

    return step


def _delete(rel: str) -> Step:
    def step(repo: Path) -> None:
        (repo / rel).unlink()

    return step


SCENARIOS: dict[str, list[Step]] = {
    "calendar names a missing template, then it is written": [
        _replace("calendars/casa-cafe.yaml", "cafe/recipe.j2", "cafe/new-recipe.j2"),
        _write("templates/cafe/new-recipe.j2", "Recepta nova"),
    ],
    "template gets a syntax error, then it is mended": [
        _write("templates/cafe/recipe.j2", "{{ post.title "),
        _write("templates/cafe/recipe.j2", "{{ post.title }}"),
    ],
    "template grows past the network's text limit": [
        _write("templates/cafe/recipe.j2", "Recepta " * 400),
    ],
    "fragment breaks, then is deleted": [
        _replace("calendars/_shared-days.yaml", "shared/behind-the-scenes.j2", "shared/nope.j2"),
        _delete("calendars/_shared-days.yaml"),
    ],
    "calendar is emptied": [
        _write("calendars/yoga-amsterdam.yaml", ""),
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("steps", SCENARIOS.values(), ids=list(SCENARIOS))
def test_cached_results_follow_every_edit(
    steps: list[Step], command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = COMMANDS[command]
    repo = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    before = run()
    assert run() == before == run("--no-cache")
    for step in steps:
        step(repo)
        cached = run()
        assert cached == run("--no-cache")
        assert cached != before, f"the edit should change what {command} gives"
        assert run() == cached  # and the new result is reused in turn
        before = cached


@pytest.mark.slow
def test_today_and_working_folder_are_part_of_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_examples(tmp_path / "repo")
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    _replace("calendars/casa-cafe.yaml", "cafe/recipe.j2", "cafe/missing.j2")(repo)
    monkeypatch.chdir(repo)
    from_root = _validate()
    monkeypatch.chdir(repo / "calendars")
    from_calendars = _validate(".")
    assert "calendars/casa-cafe.yaml:" in from_root[1]
    assert from_calendars[1].startswith("casa-cafe.yaml:")
    monkeypatch.chdir(repo)
    # Months later every December draft is in the past (W318): a new day, a new result.
    later = CliRunner().invoke(app, ["validate", "--today", "2027-06-01"]).output
    assert "W318" in later and "W318" not in from_root[1]
    assert (
        later == CliRunner().invoke(app, ["validate", "--today", "2027-06-01", "--no-cache"]).output
    )


@pytest.mark.slow
def test_an_unchanged_repo_is_answered_without_loading_the_format(tmp_path: Path) -> None:
    """What makes a repeat validate fast: no YAML parsing, models or templates are loaded."""
    repo = copy_examples(tmp_path / "repo")

    def run() -> str:
        # One process: what the run imported shows the work it did (workers are not seen).
        return libraries_loaded(
            repo, tmp_path / "cache", ["validate", "--jobs", "1"], ["pydantic", "jinja2", "yaml"]
        )

    assert run() == "loaded: jinja2,pydantic,yaml exit: 0"
    assert run() == "loaded:  exit: 0"
    (repo / "templates" / "cafe" / "recipe.j2").write_text("{{ post.title }}", encoding="utf-8")
    assert run() == "loaded: jinja2,pydantic,yaml exit: 0"
