"""`smmplan import` of Publer's CSVs: the twelve-column template and the older four columns."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from smmplan.cli import app

CALENDAR = """\
smmplan: 1
name: Shop
timezone: Europe/Madrid
period: {start: 2027-04-01, end: 2027-04-30}
channels:
  ig: {network: instagram, slots: [{days: [mon], times: ["09:30"]}]}
rules: {disable: [W314, W320]}
posts:
  - title: Launch
    date: 2027-04-05
    channels: ig
    text: New menu
    media:
      - {path: https://example.com/a.jpg, alt: "A latte, with foam"}
      - https://example.com/b.jpg
    first_comment: "Recipe: https://example.com/r"
    campaign: spring
    pillar: product
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2027-03-01")
    (tmp_path / "shop.yaml").write_text(CALENDAR, encoding="utf-8")
    return tmp_path


def test_alt_texts_first_comment_and_labels_come_back_from_a_publer_file(repo: Path) -> None:
    code, err = run("build", "shop.yaml", "--out", "out", "--preset", "publer", "--format", "csv")
    assert code == 0, err
    (first,) = Path("out").rglob("*.csv")
    code, err = run("import", str(first), "--new", "again.yaml", "--channel", "ig")
    assert code == 0, err
    assert "a publer bulk-upload CSV" in err
    (post,) = yaml.safe_load(Path("again.yaml").read_text(encoding="utf-8"))["posts"]
    assert post["media"] == [
        {"path": "https://example.com/a.jpg", "alt": "A latte, with foam"},
        "https://example.com/b.jpg",
    ]
    assert post["first_comment"] == "Recipe: https://example.com/r"
    assert (post["campaign"], post["pillar"]) == ("spring", "product")


def test_publers_older_four_columns_still_import_with_their_times(repo: Path) -> None:
    Path("old.csv").write_text(
        "Date,Text,Link(s),Media URL(s)\n2027-04-05 18:45,Hello,https://example.com,\n",
        encoding="utf-8",
    )
    code, err = run("import", "old.csv", "--new", "again.yaml", "--channel", "ig")
    assert code == 0, err
    assert "a publer bulk-upload CSV" in err
    (post,) = yaml.safe_load(Path("again.yaml").read_text(encoding="utf-8"))["posts"]
    assert (post["time"], post["link"]) == ("18:45", "https://example.com")
