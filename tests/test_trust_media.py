"""W321: a relative `media:` path must name a file of the calendar repo, spelt as on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from calendars_for_tests import calendar, line_of, run_in, write_repo

from smmplan.pipeline import plan
from smmplan.problems import Problem

PERIOD = "{start: 2026-12-08, end: 2026-12-08}"
CHANNEL = """\
channels:
  ig:
    network: instagram
    slots:
      - {days: tue, times: ["09:30"]}
"""


def _draft(media: str, *, extra: str = "") -> str:
    return (
        f"posts:\n  - title: Latte\n    date: 2026-12-08\n    text: New latte\n"
        f"    media: {media}\n{extra}"
    )


def _w321(root: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    path = write_repo(root, text)
    monkeypatch.chdir(root)
    return [p for p in plan([path], None).problems if p.code == "W321"]


def _add(root: Path, relative: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"\xff\xd8\xff")


def test_a_missing_media_file_is_a_warning_at_its_list_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = calendar(CHANNEL + _draft("[media/here.jpg, media/gone.jpg]"), period=PERIOD)
    _add(tmp_path, "media/here.jpg")
    problems = _w321(tmp_path, text, monkeypatch)
    assert [(p.path, p.line, p.col, p.level) for p in problems] == [
        ("calendars/x.yaml", line_of(text, "media:"), 29, "warning")
    ]
    assert problems[0].message.startswith(
        "media file 'media/gone.jpg' not found (looked for media/gone.jpg)"
    )


def test_media_given_as_one_string_is_checked_at_that_string(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = calendar(CHANNEL + _draft("media/gone.jpg"), period=PERIOD)
    problems = _w321(tmp_path, text, monkeypatch)
    assert [(p.line, p.col) for p in problems] == [(line_of(text, "media:"), 12)]


def test_an_observance_media_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = CHANNEL + (
        "holidays:\n  observances:\n    - name: Coffee day\n      date: 12-08\n"
        "      text: Coffee!\n      media:\n        - photos/cup.png\n"
    )
    text = calendar(body, period=PERIOD)
    problems = _w321(tmp_path, text, monkeypatch)
    assert [(p.line, p.col) for p in problems] == [(line_of(text, "photos/cup.png"), 11)]


def test_media_is_relative_to_the_repo_root_also_in_a_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fragment = _draft("[media/latte.jpg, media/gone.jpg]")
    text = calendar(CHANNEL + "include: [_posts.yaml]\n", period=PERIOD)
    path = write_repo(tmp_path, text)
    (path.parent / "_posts.yaml").write_text(fragment, encoding="utf-8")
    _add(tmp_path, "media/latte.jpg")  # at the root, not beside the calendar
    monkeypatch.chdir(tmp_path)
    problems = [p for p in plan([path], None).problems if p.code == "W321"]
    assert [(p.path, p.line, p.col) for p in problems] == [("calendars/_posts.yaml", 5, 30)]


def test_a_wrong_letter_case_is_named_with_the_name_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(tmp_path, "photos/latte.jpg")
    text = calendar(CHANNEL + _draft("[Photos/Latte.jpg]"), period=PERIOD)
    problems = _w321(tmp_path, text, monkeypatch)
    assert [(p.line, p.col) for p in problems] == [(line_of(text, "media:"), 13)]
    assert problems[0].message.startswith(
        "media file 'Photos/Latte.jpg' is photos/latte.jpg on disk"
    )


@pytest.mark.parametrize(
    "media",
    ["https://cdn.example.com/latte.jpg", "http://example.com/a.png", "s3://bucket/a.jpg"],
)
def test_urls_are_never_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, media: str
) -> None:
    text = calendar(CHANNEL + _draft(f"['{media}']"), period=PERIOD)
    assert _w321(tmp_path, text, monkeypatch) == []


def test_a_path_out_of_the_repo_is_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = calendar(CHANNEL + _draft("[../elsewhere.jpg]"), period=PERIOD)
    problems = _w321(tmp_path, text, monkeypatch)
    assert [(p.line, p.col) for p in problems] == [(line_of(text, "media:"), 13)]
    assert "leads out of the calendar repo" in problems[0].message


def test_an_entry_can_turn_the_rule_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _draft("[media/later.jpg]", extra="    lint: {disable: [W321]}\n")
    text = calendar(CHANNEL + draft, period=PERIOD)
    assert _w321(tmp_path, text, monkeypatch) == []


def test_validate_warns_and_strict_fails(tmp_path: Path) -> None:
    text = calendar(CHANNEL + _draft("[media/gone.jpg]"), period=PERIOD)
    write_repo(tmp_path, text)
    line = line_of(text, "media:")
    assert run_in(tmp_path, "validate", "--today", "2026-12-01") == (
        0,
        f"calendars/x.yaml:{line}:13: warning W321 media file 'media/gone.jpg' not found "
        "(looked for media/gone.jpg); add the file, or fix the path (relative to the "
        "calendar repo)\n",
    )
    code, _ = run_in(tmp_path, "validate", "--strict", "--today", "2026-12-01")
    assert code == 1
    _add(tmp_path, "media/gone.jpg")
    assert run_in(tmp_path, "validate", "--strict", "--today", "2026-12-01") == (0, "")
