"""`smmplan diff`: two versions of a calendar repo compared post by post, with causes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from calendars_for_tests import run_in
from typer.testing import CliRunner

from smmplan.cli import app

SHOP = """\
smmplan: 1
id: shop
name: Shop
timezone: Europe/Madrid
period: {start: 2027-03-01, end: 2027-03-14}
channels:
  ig:
    network: instagram
    slots:
      - {days: [tue, fri], times: ["09:00"]}
themes:
  - name: Tip Tuesday
    days: [tue]
    text: "A tip for you"
posts:
  - id: launch
    date: 2027-03-04
    time: "10:00"
    text: We launch today
"""


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "calendars").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "ana@example.com")
    _git(repo, "config", "user.name", "Ana")
    _commit(repo, SHOP, "March")
    return repo


def _commit(repo: Path, text: str, message: str) -> None:
    (repo / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


def _edited() -> str:
    text = SHOP.replace("date: 2027-03-04", "date: 2027-03-05")  # move a draft
    text = text.replace('"A tip for you"', '"A better tip for you"')  # edit a theme text
    blackout = "holidays:\n  blackout:\n    - {date: 2027-03-09, reason: Stocktaking}\n"
    text = text.replace("period:", blackout + "period:")  # add a blackout day
    return text + '  - {id: spring, date: 2027-03-12, time: "12:00", text: Spring is here}\n'


def _changes(repo: Path, *args: str) -> list[dict[str, object]]:
    """The JSON changes of `smmplan diff ARGS` run in `repo` (notes on stderr left out)."""
    import os

    previous = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(app, ["diff", *args, "--format", "json"])
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _brief(change: dict[str, object]) -> tuple[object, ...]:
    keys = ("kind", "date", "source_id", "old", "new", "cause")
    return tuple(change.get(k) for k in keys)


def test_diff_of_two_commits_lists_exactly_the_changes_with_their_causes(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _commit(repo, _edited(), "April plan")
    changes = _changes(repo, "HEAD~1", "HEAD")
    tip = "the text of theme 'tip-tuesday' changed"
    assert [_brief(c) for c in changes] == [
        ("text", "2027-03-02", "tip-tuesday", "A tip for you", "A better tip for you", tip),
        ("moved", "2027-03-05", "launch", "2027-03-04 10:00", "2027-03-05 10:00",
         "the date of draft 'launch' changed"),
        ("blackout-added", "2027-03-09", None, None, None, None),
        ("removed", "2027-03-09", "tip-tuesday", None, None,
         "2027-03-09 became a blackout day (Stocktaking)"),
        ("added", "2027-03-12", "spring", None, None, "new draft 'spring'"),
    ]  # fmt: skip
    assert {c["calendar"] for c in changes} == {"shop"}
    assert changes[0]["diff"] == "A {+better+} tip for you"
    assert all(c["post"] for c in changes if c["kind"] != "blackout-added")


def test_default_compares_head_with_the_working_tree(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "calendars" / "shop.yaml").write_text(_edited(), encoding="utf-8")
    assert len(_changes(repo)) == 5
    assert _changes(repo, "HEAD", "HEAD") == []


def test_exit_code_says_whether_anything_changed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert run_in(repo, "diff", "--exit-code")[0] == 0
    (repo / "calendars" / "shop.yaml").write_text(_edited(), encoding="utf-8")
    assert run_in(repo, "diff", "--exit-code")[0] == 1
    assert run_in(repo, "diff")[0] == 0


def test_markdown_is_a_summary_line_and_a_table_per_calendar(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "calendars" / "shop.yaml").write_text(_edited(), encoding="utf-8")
    code, output = run_in(repo, "diff", "HEAD", "--format", "md")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].startswith("**smmplan diff** HEAD → working tree: 1 text changed, 1 moved")
    assert "### shop" in lines
    assert "| ~ | text changed | 2027-03-02 ig theme 'tip-tuesday': A **better** tip for you |" in (
        output
    )


def test_text_names_each_change_and_its_cause_without_colour_in_a_pipe(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "calendars" / "shop.yaml").write_text(_edited(), encoding="utf-8")
    code, output = run_in(repo, "diff")
    assert code == 0
    assert "\x1b[" not in output
    assert (
        "  - removed: 2027-03-09 09:00 ig theme 'tip-tuesday' (Tip Tuesday)  "
        "(2027-03-09 became a blackout day (Stocktaking))"
    ) in output.splitlines()


def test_window_by_month_and_the_union_of_both_periods(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    longer = SHOP.replace("end: 2027-03-14", "end: 2027-03-21")
    (repo / "calendars" / "shop.yaml").write_text(longer, encoding="utf-8")
    # The union of both periods: the new week's post is added (Friday's slot stays empty).
    assert [c["date"] for c in _changes(repo)] == ["2027-03-16"]
    assert _changes(repo, "--from", "2027-03-01", "--to", "2027-03-14") == []


def test_a_calendar_in_only_one_version_is_added_or_removed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "calendars" / "cafe.yaml").write_text(SHOP.replace("id: shop", "id: cafe"), "utf-8")
    assert [(c["calendar"], c["kind"]) for c in _changes(repo)] == [("cafe", "calendar-added")]
    (repo / "calendars" / "shop.yaml").unlink()
    kinds = sorted((c["calendar"], c["kind"]) for c in _changes(repo))
    assert kinds == [("cafe", "calendar-added"), ("shop", "calendar-removed")]


def test_a_calendar_that_fails_to_load_is_reported_with_its_problems(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "calendars" / "shop.yaml").write_text(SHOP.replace("days: [tue]", "days: [tux]"))
    code, output = run_in(repo, "diff")
    assert code == 1
    assert "calendar failed to load" in output and "calendars/shop.yaml:" in output
    assert "Traceback" not in output


def test_folders_compare_like_revisions(tmp_path: Path) -> None:
    for name, text in (("old", SHOP), ("new", _edited())):
        (tmp_path / name / "calendars").mkdir(parents=True)
        (tmp_path / name / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")
    code, output = run_in(tmp_path, "diff", "old", "new", "--format", "json")
    assert code == 0, output
    assert len(json.loads(output)) == 5


def test_a_revision_is_read_with_its_own_templates(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "templates").mkdir()
    (repo / "templates" / "tip.j2").write_text("Old tip", encoding="utf-8")
    _commit(repo, SHOP.replace('text: "A tip for you"', "template: tip.j2"), "template")
    (repo / "templates" / "tip.j2").write_text("New tip", encoding="utf-8")
    changes = _changes(repo)
    assert {(c["kind"], c["old"], c["new"]) for c in changes} == {("text", "Old tip", "New tip")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-rev", "HEAD"], "'no-such-rev' is not a git revision, and no file or folder"),
        (["HEAD", "--format", "yaml"], "--format must be one of text, md, json"),
        (["HEAD", "HEAD", "nowhere"], "'nowhere' is not a git revision"),
        (["HEAD", "HEAD", "../.."], "outside the current folder"),
    ],
)
def test_bad_input_is_a_usage_error(tmp_path: Path, args: list[str], message: str) -> None:
    repo = _repo(tmp_path)
    code, output = run_in(repo, "diff", *args)
    assert (code, message in output, "Traceback" in output) == (2, True, False), output


def test_a_revision_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "shop.yaml").write_text(SHOP, encoding="utf-8")
    code, output = run_in(tmp_path, "diff")
    assert code == 2
    assert "not in a git repository" in output


def test_uncommitted_changes_are_named_when_both_sides_are_revisions(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _commit(repo, _edited(), "April plan")
    (repo / "calendars" / "shop.yaml").write_text(SHOP, encoding="utf-8")
    code, output = run_in(repo, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert code == 0
    assert "note: uncommitted changes in calendars are not part of HEAD" in output


def test_a_draft_moved_off_a_theme_day_is_moved_by_its_own_date(tmp_path: Path) -> None:
    # The draft leaves Tuesday's slot to the theme; its own date change is the cause, not that.
    repo = _repo(tmp_path)
    _commit(repo, SHOP.replace('date: 2027-03-04\n    time: "10:00"', "date: 2027-03-09"), "on tue")
    _commit(repo, SHOP.replace('date: 2027-03-04\n    time: "10:00"', "date: 2027-03-12"), "to fri")

    moved = [c for c in _changes(repo, "HEAD~1", "HEAD") if c["kind"] == "moved"]

    assert [(c["source_id"], c["cause"]) for c in moved] == [
        ("launch", "the date of draft 'launch' changed")
    ]
