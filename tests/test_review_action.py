"""The GitHub Action (action.yml): its steps' commands, run as a workflow would run them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
CALENDAR = """\
smmplan: 1
id: shop
name: Shop
timezone: Europe/Madrid
period: {start: 2027-03-01, end: 2027-03-14}
channels:
  ig: {network: instagram, slots: [{days: [tue], times: ["09:00"]}]}
themes:
  - {name: Tip Tuesday, days: [tue], text: "A tip"}
"""


def _step(name: str) -> dict[str, Any]:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def _resolve(value: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.NAME }}` and `${{ inputs.NAME || ... }}` with a given input, as Actions does."""

    def one(match: re.Match[str]) -> str:
        found = re.match(r"inputs\.([\w-]+)", match.group(1).strip())
        assert found, f"the test cannot resolve {match.group(0)}"
        return inputs[found.group(1)]

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def _run(
    name: str, repo: Path, inputs: dict[str, str], **extra: str
) -> subprocess.CompletedProcess[str]:
    step = _step(name)
    assert step["shell"] == "bash"
    defaults = {key: str(spec.get("default", "")) for key, spec in ACTION["inputs"].items()}
    env = {k: _resolve(str(v), {**defaults, **inputs}) for k, v in step.get("env", {}).items()}
    env = {
        **os.environ,
        **env,
        **extra,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True
    )


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "shop.yaml").write_text(CALENDAR, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.name=A", "-c", "user.email=a@b.c", "add", "-A")
    _git(tmp_path, "-c", "user.name=A", "-c", "user.email=a@b.c", "commit", "-qm", "one")
    text = CALENDAR.replace('"A tip"', '"A better tip"')
    (tmp_path / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")
    _git(tmp_path, "-c", "user.name=A", "-c", "user.email=a@b.c", "commit", "-qam", "two")
    return tmp_path


def test_action_is_a_composite_action_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "strict", "base", "comment", "github-token"}


@pytest.mark.slow  # each step starts smmplan afresh, as a runner does
def test_validate_step_passes_a_clean_calendar_and_fails_a_broken_one(repo: Path) -> None:
    done = _run("Validate", repo, {"strict": "false"})
    assert done.returncode == 0, done.stdout + done.stderr
    (repo / "calendars" / "shop.yaml").write_text(CALENDAR.replace("[tue]", "[tux]"), "utf-8")
    done = _run("Validate", repo, {"strict": "true"})
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=calendars/shop.yaml")


@pytest.mark.slow
def test_diff_step_writes_the_markdown_report_and_says_what_changed(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    runner = tmp_path_factory.mktemp("runner")
    outputs, summary = runner / "output", runner / "summary"
    done = _run(
        "Diff",
        repo,
        {"base": "HEAD~1"},
        RUNNER_TEMP=str(runner),
        GITHUB_OUTPUT=str(outputs),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "changed=true" in outputs.read_text()
    report = (runner / "smmplan-diff.md").read_text(encoding="utf-8")
    assert report.startswith("**smmplan diff** HEAD~1 → HEAD: 2 text changed in 1 calendar")
    assert summary.read_text(encoding="utf-8") == report
    done = _run("Diff", repo, {"base": "HEAD"}, RUNNER_TEMP=str(runner), GITHUB_OUTPUT=str(outputs))
    assert done.returncode == 0 and outputs.read_text().count("changed=false") == 1


@pytest.mark.slow
def test_install_step_installs_this_smmplan_in_a_fresh_environment(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    bin_dir = tmp_path / "venv" / "bin"
    source = tmp_path / "action"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info")
    )
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GITHUB_ACTION_PATH": str(source),
    }
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        ["bash", "-e", "-c", _step("Install smmplan")["run"]],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    version = subprocess.run(
        [str(bin_dir / "smmplan"), "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("smmplan ")
