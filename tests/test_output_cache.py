"""`build` reuses the bytes of output files only while their schedule and options are unchanged.

Each step changes something a file is written from (an export option, the Markdown layout, the
filters) or nothing at all; after every step a build with the cache must write exactly what a
build without it writes, so a file kept past a change would fail here.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from calendars_for_tests import copy_examples, libraries_loaded
from typer.testing import CliRunner

from smmplan.cli import app

_runs = itertools.count()


def _build(*options: str) -> tuple[int, str, dict[str, bytes]]:
    out = Path(f"out-{next(_runs)}")
    result = CliRunner().invoke(app, ["build", "--out", str(out), *options])
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return result.exit_code, result.output.replace(str(out), "OUT"), files


ALL = ("--format", "csv,ics,md,json,html")
# (environment, options) of successive builds; each differs from the one before in output.
STEPS: list[tuple[dict[str, str], tuple[str, ...]]] = [
    ({}, ALL),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, ALL),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, (*ALL, "--csv-bom")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, (*ALL, "--csv-bom", "--no-csv-safe")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, (*ALL, "--channel", "instagram")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, (*ALL, "--status", "approved")),
    # generic: the examples' media are repo paths, which Publer would refuse (E507)
    ({"SOURCE_DATE_EPOCH": "1767225600"}, ("--format", "csv", "--preset", "generic")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, ("--format", "md", "--md-template", "layout.j2")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, ("--format", "md", "--md-template", "layout.j2")),
    ({"SOURCE_DATE_EPOCH": "1767225600"}, ALL),
]


@pytest.mark.slow
def test_kept_files_follow_every_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    layout = repo / "layout.j2"
    before = None
    for number, (env, options) in enumerate(STEPS):
        layout.write_text(f"# {{{{ calendar.name }}}}: layout {number}\n", encoding="utf-8")
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        cached = _build(*options)
        assert cached[0] == 0, cached[1]
        assert cached == _build(*options, "--no-cache")
        assert cached == _build(*options)  # kept, and still the same
        assert cached != before, f"step {number} should change what build writes"
        before = cached


@pytest.mark.slow
def test_an_unchanged_build_renders_nothing(tmp_path: Path) -> None:
    """What makes a repeat build fast: no templates are rendered and no locale data is read."""
    repo = copy_examples(tmp_path / "repo")
    argv = ["build", "--format", "csv,ics,md,json", "--jobs", "1"]  # one process to inspect

    def run() -> str:
        return libraries_loaded(repo, tmp_path / "cache", argv, ["babel", "jinja2", "pydantic"])

    assert run() == "loaded: babel,jinja2,pydantic exit: 0"
    assert run() == "loaded:  exit: 0"
    # A comment changes no post: the calendar is checked again, its files are kept.
    calendar = repo / "calendars" / "yoga-amsterdam.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "# note\n", encoding="utf-8")
    assert run() == "loaded: jinja2,pydantic exit: 0"
