"""Other packages extend smmplan through entry points: a format and a lint rule from a plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from calendars_for_tests import write_repo

pytestmark = pytest.mark.slow  # pip builds and installs a package

CALENDAR = """\
smmplan: 1
name: Plugin Shop
timezone: Europe/Madrid
period: {start: 2026-12-01, end: 2026-12-07}
rules: {disable: [W314, W320]}
channels:
  ig:
    network: instagram
    slots:
      - {days: [mon], times: ["09:30"]}
themes:
  - name: Monday
    days: [mon]
    text: "Hello from the plugin shop"
"""

PLUGIN = '''\
"""A plain-text agenda, one line per post, and a rule that dislikes the word 'Hello'."""

from smmplan.export import Format
from smmplan.lint.registry import Rule
from smmplan.lint.context import Finding


def _write(schedule, options):
    lines = [f"{p.date} {p.time} {p.channel}: {p.text}" for p in schedule.posts]
    return ("\\n".join(lines) + "\\n").encode("utf-8")


def _no_hello(context):
    for post in context.posts:
        if "Hello" in post.text:
            yield Finding(f"'{post.title}' says Hello", post=post)


AGENDA = Format("agenda", "a plain-text agenda", _write, signatures=(b"",))
NO_HELLO = Rule("W901", "no-hello", _no_hello)
'''

PYPROJECT = """\
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "smmplan-agenda"
version = "1.0"

[project.entry-points."smmplan.formats"]
agenda = "smmplan_agenda:AGENDA"

[project.entry-points."smmplan.rules"]
no-hello = "smmplan_agenda:NO_HELLO"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed by pip into a folder of its own, put on the path of each run."""
    root = tmp_path_factory.mktemp("plugin")
    (root / "src").mkdir()
    (root / "src" / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "src" / "smmplan_agenda.py").write_text(PLUGIN, encoding="utf-8")
    target = root / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(root / "src"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return target


def smmplan(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "SMMPLAN_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run(
        [sys.executable, "-m", "smmplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_plugin_format_is_a_build_choice_and_writes_its_file(site: Path, tmp_path: Path) -> None:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")
    help_text = smmplan(site, tmp_path, "build", "--help").stdout
    assert "agenda" in help_text

    done = smmplan(site, tmp_path, "build", "--format", "agenda,csv", "--no-cache")

    assert done.returncode == 0, done.stderr
    agenda = tmp_path / "build" / "shop" / "2026-12-01_2026-12-07.agenda"
    assert agenda.read_text(encoding="utf-8") == "2026-12-07 09:30 ig: Hello from the plugin shop\n"
    assert (tmp_path / "build" / "shop" / "2026-12-01_2026-12-07.csv").is_file()


def test_a_plugin_rule_reports_at_the_entry_with_its_own_code(site: Path, tmp_path: Path) -> None:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")

    done = smmplan(site, tmp_path, "validate", "--no-cache")

    assert done.returncode == 0, done.stderr
    assert "calendars/shop.yaml:12:5: warning W901 'Monday' says Hello" in done.stdout


def test_without_the_plugin_its_format_is_unknown(tmp_path: Path) -> None:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")

    done = smmplan(tmp_path / "nothing", tmp_path, "build", "--format", "agenda")

    assert done.returncode == 2
    assert "unknown format 'agenda'" in done.stderr
