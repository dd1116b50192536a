"""`smmplan init` writes a calendar that passes `validate --strict`, whatever month it plans."""

from __future__ import annotations

import calendar as months
import os
import subprocess
import sys
import venv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from smmplan import __version__
from smmplan.cli import app

pytestmark = pytest.mark.dates
CHECKOUT = Path(__file__).resolve().parents[1]

Setup = tuple[str, str, str | None, str]
SETUPS: dict[str, Setup] = {
    "en-US": ("en", "US", None, "America/New_York"),
    "ca-ES-CT": ("ca", "ES", "CT", "Europe/Madrid"),
    "es-ES": ("es", "ES", None, "Europe/Madrid"),
    "zh-Hant-TW": ("zh-Hant", "TW", None, "Asia/Taipei"),
    "el-GR": ("el", "GR", None, "Europe/Athens"),
    "hi-IN": ("hi", "IN", None, "Asia/Kolkata"),
    "nl-NL": ("nl", "NL", None, "Europe/Amsterdam"),
}


def last_day(month: int) -> str:
    """The last day of `month`: the latest init date, so drafts come close to approval."""
    year = 2028 if month == 2 else 2027  # and a leap day
    return date(year, month, months.monthrange(year, month)[1]).isoformat()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def init(repo: Path, setup: Setup, *extra: str) -> str:
    """`init` into `repo` with a setup (language, country, subdivision, zone) and options."""
    language, country, subdivision, zone = setup
    where = ["--subdivision", subdivision] if subdivision else []
    code, out, err = run(
        "init", str(repo), "--name", "Casa Nova", "--language", language,
        "--country", country, "--timezone", zone, *where, *extra,
    )  # fmt: skip
    assert code == 0, err
    return out


def init_on(today: str, repo: Path, monkeypatch: pytest.MonkeyPatch, setup: Setup) -> str:
    """`init` with SMMPLAN_TODAY set to `today`, then work in the new repo."""
    monkeypatch.setenv("SMMPLAN_TODAY", today)
    out = init(repo, setup)
    monkeypatch.chdir(repo)
    return out


def calendar_of(repo: Path) -> Any:
    return yaml.safe_load((repo / "calendars" / "casa-nova.yaml").read_text("utf-8"))


def assert_clean(result: tuple[int, str, str]) -> None:
    code, out, err = result
    assert out + err == ""
    assert code == 0


# The quick tier keeps every setup in December (New Year planned) and every month of en-US.
EVERY_MONTH = [
    pytest.param(setup, month, marks=() if month == 12 or setup == "en-US" else pytest.mark.slow)
    for month in range(1, 13)
    for setup in SETUPS
]


@pytest.mark.parametrize("setup,month", EVERY_MONTH)
def test_a_new_calendar_validates_strictly_in_every_month(
    setup: str, month: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_on(last_day(month), tmp_path, monkeypatch, SETUPS[setup])
    assert_clean(run("validate", "--strict"))


def test_the_greeting_keeps_its_slot_on_new_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_on("2027-12-15", tmp_path, monkeypatch, SETUPS["en-US"])
    code, out, err = run("build", "--format", "json", "-o", "-")
    assert code == 0, err
    first = [post for post in _posts(out) if post["date"] == "2028-01-01"]
    assert [post["title"] for post in first if post["channel"] == "instagram"] == ["New Year's Day"]


def _posts(text: str) -> list[dict[str, str]]:
    import json

    data = json.loads(text)
    posts = data["posts"] if isinstance(data, dict) else data
    return list(posts)


def test_holiday_names_fall_back_to_a_language_the_data_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = init_on("2027-06-10", tmp_path, monkeypatch, ("fr", "US", None, "America/New_York"))
    assert "no names in 'fr'" in out and "'en_US'" in out
    calendar = calendar_of(tmp_path)
    assert calendar["language"] == "fr"  # the plan's labels stay French
    assert calendar["holidays"]["language"] == "en_US"
    assert_clean(run("validate", "--strict"))


def test_a_language_the_data_has_needs_no_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = init_on("2027-06-10", tmp_path, monkeypatch, SETUPS["ca-ES-CT"])
    assert "note:" not in out
    calendar = calendar_of(tmp_path)
    assert calendar["holidays"]["subdivision"] == "CT"
    assert "language" not in calendar["holidays"]


def test_init_refuses_a_subdivision_the_country_does_not_have(tmp_path: Path) -> None:
    code, _, err = run("init", str(tmp_path), "--country", "ES", "--subdivision", "XX")
    assert code == 2
    assert "--subdivision 'XX'" in err and "CT" in err
    assert list(tmp_path.iterdir()) == []


def test_ci_installs_the_version_that_wrote_it(tmp_path: Path) -> None:
    init(tmp_path, SETUPS["en-US"], "--today", "2027-03-03")
    steps = workflow_runs(tmp_path)
    assert steps == [
        f"pip install smmplan=={__version__}",
        "smmplan validate --strict --format github",
    ]
    hook = pre_commit_hook(tmp_path)
    assert hook["entry"] == "smmplan validate --strict"
    assert hook["additional_dependencies"] == [f"smmplan=={__version__}"]


def test_ci_installs_what_install_names(tmp_path: Path) -> None:
    spec = "git+https://example.com/smm plan.git@v1"
    init(tmp_path, SETUPS["en-US"], "--today", "2027-03-03", "--install", spec)
    assert workflow_runs(tmp_path)[0] == "pip install 'git+https://example.com/smm plan.git@v1'"
    assert pre_commit_hook(tmp_path)["additional_dependencies"] == [spec]


def workflow_runs(repo: Path) -> list[str]:
    """The `run:` commands of the generated workflow, in order."""
    workflow = yaml.safe_load((repo / ".github/workflows/smmplan.yml").read_text("utf-8"))
    return [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]


def pre_commit_hook(repo: Path) -> dict[str, object]:
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    hook: dict[str, object] = config["repos"][0]["hooks"][0]
    return hook


@pytest.mark.slow
def test_the_generated_workflow_passes_in_a_fresh_environment(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    init(repo, SETUPS["ca-ES-CT"], "--install", str(CHECKOUT), "--today", "2027-12-15")
    env_dir = tmp_path / "venv"
    try:
        venv.create(env_dir, with_pip=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"no virtual environment here: {exc}")
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(env_dir),
        "SMMPLAN_TODAY": "2027-12-15",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("PYTHONPATH", None)
    steps = workflow_runs(repo)
    assert steps[-1].startswith("smmplan validate --strict")
    for command in steps:
        done = subprocess.run(
            ["bash", "-e", "-c", command], cwd=repo, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    # The smmplan that ran is the one in the fresh environment, not this test's.
    where = subprocess.run(
        ["bash", "-c", "command -v smmplan"], env=env, capture_output=True, text=True
    )
    assert where.stdout.strip() == str(bin_dir / "smmplan")
