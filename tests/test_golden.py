"""Golden files: every output format of the shipped café calendar, compared byte for byte.

The expected files live in tests/golden/. After an intended change of output, regenerate them
explicitly and review the diff before committing:

    SMMPLAN_REGEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from calendars_for_tests import copy_examples
from typer.testing import CliRunner

from smmplan.cli import app

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("csv", "ics", "md", "json")
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    copy_examples(repo)
    old_cwd, old_epoch = Path.cwd(), os.environ.get("SOURCE_DATE_EPOCH")
    os.chdir(repo)
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        result = CliRunner().invoke(
            app, ["build", "calendars/casa-cafe.yaml", "--format", ",".join(FORMATS)]
        )
    finally:
        os.chdir(old_cwd)
        if old_epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch
    assert result.exit_code == 0, result.output
    return repo / "build" / "casa-cafe"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_matches_golden_file(built: Path, fmt: str) -> None:
    produced = (built / f"2026-12-01_2026-12-31.{fmt}").read_bytes()
    expected_file = GOLDEN / f"casa-cafe.{fmt}"
    if os.environ.get("SMMPLAN_REGEN") == "1":
        expected_file.write_bytes(produced)
    assert produced == expected_file.read_bytes(), (
        f"{fmt} output changed; if intended, run SMMPLAN_REGEN=1 python -m pytest "
        "tests/test_golden.py and review the diff"
    )
