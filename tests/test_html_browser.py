"""The HTML month view in a real browser: headless Chromium renders it and dumps its DOM.

In CI (`CI` set) Chromium must be there (.ci/run installs Debian's `chromium`); elsewhere the
tests are skipped when it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from calendars_for_tests import calendar, copy_examples, plan_text, schedule_of
from test_html import Page as Dom

from smmplan.export.to_html import to_html
from smmplan.model import Schedule

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (CI installs it)", allow_module_level=True)

FLAGS = [
    "--headless",
    "--no-sandbox",  # tests may run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
PAYLOAD = "<script>document.documentElement.setAttribute('data-xss','ran')</script>"


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "chromium must be installed in CI (see .ci/run)"
    profile = tmp_path / "profile"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Schedule, Path]:
    """The shipped café calendar for December 2026, as HTML in a file."""
    repo = tmp_path_factory.mktemp("repo")
    copy_examples(repo)
    from smmplan.pipeline import plan_one

    schedule = schedule_of(plan_one(repo / "calendars" / "casa-cafe.yaml", None))
    page = repo / "plan.html"
    page.write_bytes(to_html(schedule))
    return schedule, page


def test_screenshot_is_not_blank(example: tuple[Schedule, Path], tmp_path: Path) -> None:
    from PIL import Image

    _, page = example
    shot = tmp_path / "shot.png"
    chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri())
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert image.size == (1400, 1000)
    # A blank or failed page has one or two colours; the grid has badges, text and fills.
    assert len(colours) > 100
    white = max(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.9 * 1400 * 1000


def test_page_has_a_cell_per_day_and_an_entry_per_post(
    example: tuple[Schedule, Path], tmp_path: Path
) -> None:
    schedule, page = example
    dom = Dom(chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    assert len(dom.with_class("td", "day")) == 31
    assert len(dom.with_class("li", "post")) == len(schedule.posts) > 50
    assert len(dom.with_class("article", "entry")) == len(schedule.posts)


def test_script_in_a_post_shows_as_text(tmp_path: Path) -> None:
    body = f"""\
channels:
  ig:
    network: instagram
    slots: [{{days: [daily], times: ["09:00"]}}]
posts:
  - id: tricky
    date: 2026-12-03
    title: "{PAYLOAD}"
    text: "Look: {PAYLOAD}"
"""
    text = calendar(body, period="{start: 2026-12-01, end: 2026-12-31}")
    page = tmp_path / "tricky.html"
    page.write_bytes(to_html(schedule_of(plan_text(tmp_path / "repo", text))))
    dom = Dom(chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    assert not [t for t, _ in dom.tags if t == "script"]
    assert not [a for t, a in dom.tags if "data-xss" in a]
    assert f"Look: {PAYLOAD}" in "".join(dom.text)
