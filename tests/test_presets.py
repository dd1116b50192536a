"""Scheduler presets: each file against a hand-written expected upload, and each rule's error."""

from __future__ import annotations

from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan.cli import app

EXPECTED = Path(__file__).parent / "presets"

CALENDAR = """\
smmplan: 1
id: shop
name: Shop
timezone: Europe/Madrid
period: {start: 2026-12-01, end: 2026-12-02}
channels:
  ig:
    network: instagram
    slots:
      - {days: daily, times: ["09:30"]}
  li:
    network: linkedin
    slots:
      - {days: [tue], times: ["12:00"]}
themes:
  - name: Daily
    days: daily
    channels: [ig]
    text: "Good morning"
    hashtags: ["#Hello"]
posts:
  - title: Launch
    date: 2026-12-01
    time: "12:00"
    channels: [li]
    text: 'Big news, "today"'
    link: https://shop.example/launch
    media: [https://shop.example/a.jpg]
    campaign: launch
    pillar: product
"""
WINDOW = "2026-12-01_2026-12-02"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-11-01")  # the posts are ahead: none is left out
    return tmp_path


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", "--format", "csv", *args])
    return result.exit_code, result.stdout + result.stderr


def written(repo: Path) -> dict[str, bytes]:
    folder = repo / "build" / "shop"
    if not folder.exists():
        return {}
    # The build's manifest (a dot file) is not an output.
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


@pytest.mark.parametrize(
    ("preset", "files"),
    [
        ("hootsuite", ["hootsuite-ig.csv", "hootsuite-li.csv"]),
        ("buffer", ["buffer-ig.csv", "buffer-li.csv"]),
        ("sprout", ["sprout-ig.csv", "sprout-li.csv"]),
        ("publer", ["publer.csv"]),
    ],
)
def test_preset_files_match_the_expected_upload(repo: Path, preset: str, files: list[str]) -> None:
    code, output = build("--preset", preset)
    assert code == 0, output
    produced = written(repo)
    assert sorted(produced) == sorted(f"{WINDOW}.{name}" for name in files)
    for name in files:
        assert produced[f"{WINDOW}.{name}"] == (EXPECTED / name).read_bytes(), name


def test_generic_preset_is_the_standard_csv(repo: Path) -> None:
    assert build()[0] == 0
    standard = written(repo)[f"{WINDOW}.csv"]
    assert build("--preset", "generic")[0] == 0
    assert written(repo)[f"{WINDOW}.generic.csv"] == standard


def test_preset_replaces_only_the_csv_format(repo: Path) -> None:
    code, output = build("--preset", "publer", "--format", "csv,md")
    assert code == 0, output
    assert sorted(written(repo)) == [f"{WINDOW}.md", f"{WINDOW}.publer.csv"]


def test_preset_to_one_file_with_o(repo: Path) -> None:
    result = CliRunner().invoke(app, ["build", "--format", "csv", "--preset", "publer", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (EXPECTED / "publer.csv").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--preset", "later"], "unknown preset 'later'"),
        (["--preset", "buffer", "--format", "csv", "-o", "up.csv"], "one file per channel"),
        (["--preset", "buffer", "--format", "ics"], "add csv to --format"),
    ],
)
def test_preset_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["build", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert written(repo) == {}


def with_changes(repo: Path, *changes: tuple[str, str]) -> None:
    text = CALENDAR
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    (repo / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")


def assert_rule_error(output: str, line: int, rule: str) -> None:
    assert f"calendars/shop.yaml:{line}:5: error E501 [{rule}]" in output, output
    assert "nothing was written" in output


def test_hootsuite_needs_minutes_on_a_5_minute_grid(repo: Path) -> None:
    with_changes(repo, ('times: ["09:30"]', 'times: ["09:32"]'))
    code, output = build("--preset", "hootsuite")
    assert code == 1
    assert_rule_error(output, 16, "5-minute grid")  # at the theme that filled the slot
    assert written(repo) == {}
    assert build("--preset", "publer")[0] == 0  # Publer has no such rule


def test_hootsuite_and_sprout_take_at_most_350_posts_per_file(repo: Path) -> None:
    times = ", ".join(f'"{h:02d}:{m:02d}"' for h in range(8, 20) for m in (0, 30))
    with_changes(
        repo,
        (
            "period: {start: 2026-12-01, end: 2026-12-02}",
            "period: {start: 2026-12-01, end: 2026-12-15}",
        ),
        ('times: ["09:30"]', f"times: [{times}]"),
    )
    for preset in ("hootsuite", "sprout"):
        code, output = build("--preset", preset)
        assert code == 1
        assert "[row limit]" in output and "has 360" in output
    # Buffer's free plan queues 10 posts per channel; Publer takes 500 rows.
    code, output = build("--preset", "buffer")
    assert code == 1 and "[free plan]" in output
    assert build("--preset", "publer")[0] == 0


def test_sprout_needs_posts_10_minutes_apart(repo: Path) -> None:
    with_changes(repo, ('times: ["09:30"]', 'times: ["09:30", "09:35"]'))
    code, output = build("--preset", "sprout")
    assert code == 1
    assert_rule_error(output, 16, "10 minutes apart")
    assert "is 5 minute(s) after" in output
    assert build("--preset", "hootsuite")[0] == 0


@pytest.mark.parametrize("preset", ["buffer", "sprout"])
def test_one_image_url_per_post(repo: Path, preset: str) -> None:
    with_changes(
        repo,
        (
            "media: [https://shop.example/a.jpg]",
            "media: [https://shop.example/a.jpg, https://shop.example/b.jpg]",
        ),
    )
    code, output = build("--preset", preset)
    assert code == 1
    assert_rule_error(output, 22, "one image per post")  # at the draft
    assert build("--preset", "publer")[0] == 0


def test_o_replaces_its_own_preset_file_but_not_another(repo: Path) -> None:
    assert build("--preset", "publer", "-o", "up.csv")[0] == 0
    assert build("--preset", "publer", "-o", "up.csv")[0] == 0
    assert (repo / "up.csv").read_bytes() == (EXPECTED / "publer.csv").read_bytes()
    code, output = build("--preset", "generic", "-o", "up.csv")
    assert code == 2
    assert "add --force" in output
