"""Golden files: every output format of the shipped café calendar, compared byte for byte.

The expected files live in tests/golden/. After an intended change of output, regenerate them
explicitly and review the diff before committing:

    SMMPLAN_REGEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from calendars_for_tests import assert_golden, copy_examples, run_in

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("csv", "ics", "md", "json")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    copy_examples(repo)
    # run_in fixes SOURCE_DATE_EPOCH at 2026-01-01T00:00:00Z.
    code, output = run_in(repo, "build", "calendars/casa-cafe.yaml", "--format", ",".join(FORMATS))
    assert code == 0, output
    return repo / "build" / "casa-cafe"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_matches_golden_file(built: Path, fmt: str) -> None:
    produced = (built / f"2026-12-01_2026-12-31.{fmt}").read_bytes()
    assert_golden(GOLDEN / f"casa-cafe.{fmt}", produced)
