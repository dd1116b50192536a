"""Golden Markdown and HTML plans in Greek and Traditional Chinese, compared byte for byte.

The calendars live in tests/golden_l10n/calendars/, the expected files next to them. After an
intended change of output, regenerate and review the diff before committing:

    SMMPLAN_REGEN=1 python -m pytest tests/test_l10n_golden.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from calendars_for_tests import assert_golden
from typer.testing import CliRunner

from smmplan.cli import app

GOLDEN = Path(__file__).parent / "golden_l10n"
CALENDARS = {"taverna-el": "2026-03-01_2026-03-31", "teahouse-zh": "2026-10-01_2026-10-31"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(GOLDEN / "calendars", repo / "calendars")
    shutil.copytree(GOLDEN / "media", repo / "media")
    result = CliRunner().invoke(
        app, ["build", str(repo / "calendars"), "--format", "md,html", "--out", str(repo / "build")]
    )
    assert result.exit_code == 0, result.output
    return repo / "build"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("calendar_id", sorted(CALENDARS))
def test_localized_output_matches_golden_file(built: Path, calendar_id: str, fmt: str) -> None:
    produced = (built / calendar_id / f"{CALENDARS[calendar_id]}.{fmt}").read_bytes()
    assert_golden(GOLDEN / f"{calendar_id}.{fmt}", produced)
