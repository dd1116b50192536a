"""The ideas backlog (`smmplan ideas`, `smmplan schedule`) and the campaigns table of `stats`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from calendars_for_tests import calendar, copy_examples, line_of, plan_text, write_repo
from typer.testing import CliRunner

from smmplan.cli import app

TEXT = calendar(
    """\
# Our café's plan. Comments, 'quotes' and order must survive an edit.
channels:
  ig:
    network: instagram   # the main account
    slots:
      - days: [mon, wed]
        times: ["10:00"]

themes:
  - name: 'Monday tip'
    days: [mon]
    text: "Tip of the week"

posts:
  - id: opening
    date: 2027-03-03
    text: "We open!"   # keep this comment

ideas:
  # next up
  - id: latte-art
    title: Latte art reel
    text: "Latte art in 30 seconds"
    pillar: education
  - id: "team-photo"
    title: Team photo
    not_before: 2027-03-20
# the end
""",
    period="{start: 2027-03-01, end: 2027-04-30}",
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*argv: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(argv))
    return result.exit_code, result.output


def test_ideas_lists_the_backlog_as_json(repo: Path) -> None:
    code, output = run("ideas", "--format", "json")
    assert code == 0, output
    rows = json.loads(output)
    assert [(r["id"], r["title"], r["not_before"]) for r in rows] == [
        ("latte-art", "Latte art reel", ""),
        ("team-photo", "Team photo", "2027-03-20"),
    ]
    code, output = run("ideas")
    assert code == 0 and "Latte art reel" in output


def test_schedule_moves_the_idea_and_keeps_every_other_byte(repo: Path) -> None:
    file = repo / "calendars" / "x.yaml"
    code, output = run("schedule", "latte-art", "--date", "2027-03-10", "--time", "10:00")
    assert code == 0, output
    after = file.read_text(encoding="utf-8")
    idea = (
        "  - id: latte-art\n    title: Latte art reel\n"
        '    text: "Latte art in 30 seconds"\n    pillar: education\n'
    )
    added = (
        "  - id: latte-art\n    title: Latte art reel\n    date: 2027-03-10\n"
        "    time: '10:00'\n    text: Latte art in 30 seconds\n    pillar: education\n"
        "    status: draft\n"
    )
    anchor = '    text: "We open!"   # keep this comment\n'
    # the idea left `ideas:`, the draft joined `posts:`; no other byte changed
    assert after == TEXT.replace(idea, "", 1).replace(anchor, anchor + added, 1)
    draft = added
    assert "date: 2027-03-10" in draft and "status: draft" in draft and "10:00" in draft
    planned = plan_text(repo, after)
    post = next(p for p in planned.schedule.posts if p.source_id == "latte-art")  # type: ignore[union-attr]
    assert (post.date, post.time, post.status) == ("2027-03-10", "10:00", "draft")


def test_a_day_without_a_free_slot_is_refused_with_the_next_ones(repo: Path) -> None:
    file = repo / "calendars" / "x.yaml"
    # 3 March: the draft 'opening' has the only slot; 8 March: a Monday with the theme
    code, output = run("schedule", "latte-art", "--date", "2027-03-03")
    assert code == 1
    assert "E713" in output and "next free slots: 2027-03-10 10:00 on ig" in output
    assert file.read_text(encoding="utf-8") == TEXT
    code, output = run("schedule", "team-photo", "--date", "2027-03-10")
    assert code == 1 and "not to be scheduled before 2027-03-20" in output


def test_an_idea_id_that_is_also_a_draft_id_is_an_error(tmp_path: Path) -> None:
    text = TEXT.replace("id: latte-art", "id: opening")
    planned = plan_text(tmp_path, text)
    assert [(p.code, p.line) for p in planned.problems] == [
        ("E711", text.splitlines().index("  - id: opening", line_of(text, "ideas:")) + 1)
    ]


def test_the_example_uses_every_feature_and_stats_shows_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    text = (tmp_path / "calendars" / "taller-rueda.yaml").read_text(encoding="utf-8")
    for key in ("campaigns:", "hashtag_sets:", "evergreen:", "ideas:"):
        assert f"\n{key}" in text
    code, output = run("build", "calendars/taller-rueda.yaml", "--format", "csv", "--no-cache")
    assert code == 0, output
    monkeypatch.setenv("COLUMNS", "120")
    code, output = run("stats", "calendars/taller-rueda.yaml", "--no-cache")
    assert code == 0, output
    # Spanish: comma decimals and the euro sign after the amount
    assert "200,00\xa0€ / 300,00\xa0€" in output
    assert "15 mar 2027" in output
