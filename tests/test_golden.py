"""Golden files: every output of every shipped example calendar, compared byte for byte.

tests/golden/<calendar-id>/ holds what `smmplan build` writes for the examples in every format
and every scheduler preset. Any change of output shows up here first. After an intended change,
regenerate them explicitly and review the diff before committing:

    SMMPLAN_REGEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from calendars_for_tests import assert_golden, copy_examples, run_in

from smmplan.export import formats
from smmplan.export.presets import presets

GOLDEN = Path(__file__).parent / "golden"


def build_examples(repo: Path) -> dict[str, bytes]:
    """Every file `build` writes for the examples: all formats, then each preset's CSV.

    A preset whose upload rules a calendar breaks writes nothing for it (E501), so each
    calendar is built alone; which preset files exist is part of what the golden set records.
    """
    copy_examples(repo)
    # run_in fixes SOURCE_DATE_EPOCH at 2026-01-01T00:00:00Z; scheduler files leave out posts
    # before today, so today is fixed too, before the examples' months.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMMPLAN_TODAY", "2026-11-15")
        code, output = run_in(repo, "build", "--format", ",".join(formats()), "--no-cache")
        assert code == 0, output
        for calendar in sorted((repo / "calendars").glob("[!_]*.yaml")):
            for preset in presets():
                run_in(
                    repo, "build", str(calendar), "--format", "csv", "--preset", preset,
                    "--no-cache", "--keep-stale",
                )  # fmt: skip
    out = repo / "build"
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in out.rglob("*.*")
        if not path.name.startswith(".")
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return build_examples(tmp_path_factory.mktemp("repo"))


def golden_files() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.glob("*/*"))


def test_the_examples_write_exactly_the_golden_files(built: dict[str, bytes]) -> None:
    if os.environ.get("SMMPLAN_REGEN") == "1":
        for stale in set(golden_files()) - set(built):
            (GOLDEN / stale).unlink()
        for new in set(built) - set(golden_files()):
            (GOLDEN / new).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / new).write_bytes(built[new])
    assert sorted(built) == golden_files()


@pytest.mark.parametrize("name", golden_files())
def test_each_output_matches_its_golden_file(built: dict[str, bytes], name: str) -> None:
    assert name in built, f"{name} is no longer written"
    assert_golden(GOLDEN / name, built[name])
