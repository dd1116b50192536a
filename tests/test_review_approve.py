"""`smmplan approve`: approvals written into the calendar, kept honest by validate and build."""

from __future__ import annotations

import json
from pathlib import Path

from calendars_for_tests import run_in

CALENDAR = """\
# Shop calendar: keep this comment
smmplan: 1
id: shop   # the shop
name: "Shop"
timezone: Europe/Madrid
period: {start: 2027-03-01, end: 2027-03-14}
channels:
  ig:
    network: instagram
    slots:
      - {days: [tue, fri], times: ["09:00"]}

themes:
  # Tuesdays
  - name: Tip Tuesday
    days: [tue]
    text: 'A tip for you'   # keep it short
posts:
  - id: launch      # the big day
    date: 2027-03-04
    time: "10:00"
    text: We launch today
  - {id: flow, date: 2027-03-05, time: "11:00", text: "Inline"}

# the end
"""


def _repo(tmp_path: Path, text: str = CALENDAR) -> Path:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _file(repo: Path) -> Path:
    return repo / "calendars" / "shop.yaml"


def _approve(repo: Path, *args: str) -> tuple[int, str]:
    return run_in(
        repo, "approve", "calendars/shop.yaml", "--by", "Ana", "--today", "2027-02-20", *args
    )


def _posts(repo: Path, *args: str) -> list[dict[str, str]]:
    code, output = run_in(
        repo, "build", "calendars/shop.yaml", "-o", "-", "--format", "json", *args
    )
    assert code == 0, output
    return json.loads(output[: output.rindex("}") + 1])["posts"]


def test_approve_keeps_the_file_byte_identical_outside_the_touched_entry(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    launch = next(p["id"] for p in _posts(repo) if p["source_id"] == "launch")
    code, output = _approve(repo, "--post", launch)
    assert code == 0, output
    assert "approved draft 'launch'" in output
    after = _file(repo).read_text(encoding="utf-8")
    touched = "    text: We launch today\n"
    head, tail = CALENDAR.split(touched)
    added = "    status: approved\n    approved: {by: Ana, 'on': 2027-02-20, digest: "
    assert after.startswith(head + touched + added)
    assert after.endswith("}\n" + tail)
    assert after.count("\n") == CALENDAR.count("\n") + 2


def test_approved_posts_are_exported_by_status_until_their_text_changes(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _approve(repo, "--month", "2027-03")[0] == 0
    approved = _posts(repo, "--status", "approved")
    assert sorted(p["source_id"] for p in approved) == [
        "flow",
        "launch",
        "tip-tuesday",
        "tip-tuesday",
    ]
    code, output = run_in(repo, "validate", "--today", "2027-02-20", "--format", "json")
    assert "W601" not in output

    text = _file(repo).read_text(encoding="utf-8")
    _file(repo).write_text(text.replace("We launch today", "We launch tomorrow"), "utf-8")
    code, output = run_in(repo, "validate", "--today", "2027-02-20", "--format", "json")
    stale = [p for p in json.loads(output) if p["code"] == "W601"]
    assert len(stale) == 1
    assert "draft 'launch' was approved by Ana on 2027-02-20; its text" in stale[0]["message"]
    assert (
        stale[0]["line"]
        == text.splitlines().index(
            next(line for line in text.splitlines() if line.startswith("    approved:"))
        )
        + 1
    )
    approved = _posts(repo, "--status", "approved")
    assert sorted(p["source_id"] for p in approved) == ["flow", "tip-tuesday", "tip-tuesday"]


def test_a_theme_is_approved_per_date_and_a_moved_post_is_stale(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _approve(repo, "--all")[0] == 0
    text = _file(repo).read_text(encoding="utf-8")
    assert "    approvals:\n      - date: 2027-03-02\n        by: Ana\n" in text
    _file(repo).write_text(text.replace('times: ["09:00"]', 'times: ["09:30"]'), "utf-8")
    code, output = run_in(repo, "validate", "--today", "2027-02-20", "--format", "json")
    stale = sorted(
        p["message"].split(" was ")[0] for p in json.loads(output) if p["code"] == "W601"
    )
    assert stale == ["theme 'tip-tuesday' on 2027-03-02", "theme 'tip-tuesday' on 2027-03-09"]


def test_approving_again_replaces_the_approval_instead_of_adding_one(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _approve(repo, "--all")[0] == 0
    first = _file(repo).read_text(encoding="utf-8")
    assert _approve(repo, "--all")[0] == 0
    assert _file(repo).read_text(encoding="utf-8") == first


def test_an_entry_that_cannot_be_edited_safely_changes_nothing(tmp_path: Path) -> None:
    text = CALENDAR.replace(
        "  - id: launch      # the big day\n",
        "  - id: launch      # the big day\n    approved:\n      by: Bo\n"
        "      'on': 2027-01-01\n      digest: 000000000000\n",
    )
    repo = _repo(tmp_path, text)
    code, output = _approve(repo, "--all")
    assert code == 1
    assert "E601 cannot approve draft 'launch'" in output and "nothing was written" in output
    assert _file(repo).read_text(encoding="utf-8") == text


def test_bad_requests_are_usage_errors(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _approve(repo)[0] == 2
    code, output = _approve(repo, "--post", "0123456789abcdef0123")
    assert code == 2 and "no post with the id 0123456789abcdef0123" in output
    assert _file(repo).read_text(encoding="utf-8") == CALENDAR


def test_an_entry_from_a_fragment_is_approved_in_the_fragment(tmp_path: Path) -> None:
    fragment = "# shared drafts\nposts:\n  - id: promo\n    date: 2027-03-11\n"
    fragment += "    time: '12:00'\n    text: Promo\n"
    repo = _repo(
        tmp_path, CALENDAR.replace('name: "Shop"\n', 'name: "Shop"\ninclude: [_extra.yaml]\n')
    )
    (repo / "calendars" / "_extra.yaml").write_text(fragment, encoding="utf-8")
    calendar_before = _file(repo).read_text(encoding="utf-8")
    promo = next(p["id"] for p in _posts(repo) if p["source_id"] == "promo")
    code, output = _approve(repo, "--post", promo)
    assert code == 0, output
    assert _file(repo).read_text(encoding="utf-8") == calendar_before
    written = (repo / "calendars" / "_extra.yaml").read_text(encoding="utf-8")
    assert written.startswith(fragment + "    status: approved\n    approved: {by: Ana,")
