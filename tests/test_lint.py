"""Every lint rule: a calendar that triggers it, and one just inside its threshold that does not."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from calendars_for_tests import write_repo

from smmplan.pipeline import Planned, Window, plan_one

WEEK = Window(date(2026, 12, 7), date(2026, 12, 13))  # Monday to Sunday


def calendar(
    *,
    network: str = "other",
    slot_days: str = "daily",
    a_days: str = "[mon, wed, fri, sun]",
    b_days: str = "[tue, thu, sat]",
    extra: str = "",
) -> str:
    """One channel posting daily at 09:00, filled by two themes: clean under every rule."""
    head = f"""\
        smmplan: 1
        id: lint
        name: Lint
        timezone: Europe/Madrid
        channels:
          ch:
            network: {network}
            slots: [{{days: {slot_days}, times: ["09:00"]}}]
        themes:
          - {{name: A, days: {a_days}, text: "A on {{{{ post.date }}}}", format: text}}
          - {{name: B, days: {b_days}, text: "B on {{{{ post.date }}}}", format: photo}}
        """
    return textwrap.dedent(head) + textwrap.dedent(extra)


def lint(tmp_path: Path, text: str, today: date | None = None) -> Planned:
    planned = plan_one(write_repo(tmp_path, text), WEEK, today=today, lint=True)
    assert not [p for p in planned.problems if p.level == "error"], planned.problems
    return planned


def lint_codes(tmp_path: Path, text: str, today: date | None = None) -> list[str]:
    return sorted(p.code for p in lint(tmp_path, text, today).problems)


def draft(when: str = "2026-12-08", at: str = "12:00", **fields: str) -> str:
    ident = f"extra-{when}-{at.replace(':', '')}"
    values = {"id": ident, "title": "Extra", "text": "Extra post", "format": "link", **fields}
    body = "".join(f"    {key}: {value}\n" for key, value in values.items())
    return f'  - date: {when}\n    time: "{at}"\n{body}'


def test_the_base_calendar_is_clean(tmp_path: Path) -> None:
    assert lint_codes(tmp_path, calendar(), today=date(2026, 12, 1)) == []


# (code, calendar that triggers it, calendar just inside the threshold)
CASES = {
    "W310 x weighted length": (
        "W310",
        calendar(network="x", extra="posts:\n" + draft(text="a" * 281)),
        calendar(network="x", extra="posts:\n" + draft(text="a" * 280)),
    ),
    "W310 x counts CJK twice": (
        "W310",
        calendar(network="x", extra="posts:\n" + draft(text="繁" * 141)),
        calendar(network="x", extra="posts:\n" + draft(text="繁" * 140)),
    ),
    "W310 bluesky graphemes": (
        "W310",
        calendar(network="bluesky", extra="posts:\n" + draft(text="👨‍👩‍👧‍👦" * 301)),
        calendar(network="bluesky", extra="posts:\n" + draft(text="👨‍👩‍👧‍👦" * 300)),
    ),
    "W310 telegram caption with media": (
        "W310",
        calendar(network="telegram", extra="posts:\n" + draft(text="a" * 1025, media="[a.jpg]")),
        calendar(network="telegram", extra="posts:\n" + draft(text="a" * 1025)),
    ),
    "W310 channel limits override": (
        "W310",
        calendar(extra="posts:\n" + draft(text="a" * 101)).replace(
            "network: other", "network: other\n    limits: {text: 100}"
        ),
        calendar(extra="posts:\n" + draft(text="a" * 100)).replace(
            "network: other", "network: other\n    limits: {text: 100}"
        ),
    ),
    "W311 instagram hashtags": (
        "W311",
        calendar(network="instagram", extra="posts:\n" + draft(hashtags='"#a #b #c #d #e #f"')),
        calendar(network="instagram", extra="posts:\n" + draft(hashtags='"#a #b #c #d #e"')),
    ),
    "W311 link cap": (
        "W311",
        calendar(extra="posts:\n" + draft(text='"https://a.example https://b.example"')).replace(
            "network: other", "network: other\n    limits: {links: 1}"
        ),
        calendar(extra="posts:\n" + draft(text='"https://a.example"')).replace(
            "network: other", "network: other\n    limits: {links: 1}"
        ),
    ),
    "W312 posts per day": (
        "W312",
        calendar(extra="posts:\n" + draft(at="12:00") + draft(at="15:00") + draft(at="18:00")),
        calendar(extra="posts:\n" + draft(at="12:00") + draft(at="15:00")),
    ),
    "W313 minutes between posts": (
        "W313",
        calendar(extra="posts:\n" + draft(at="09:59")),
        calendar(extra="posts:\n" + draft(at="10:00")),
    ),
    "W314 days without a post": (
        "W314",
        calendar(slot_days="[mon, tue, wed]"),
        calendar(slot_days="[mon, tue, wed, thu]"),
    ),
    "W315 format share": (
        "W315",
        calendar(a_days="[mon, wed, fri, sat, sun]", b_days="[tue, thu]")
        + "rules: {max_format_share: 0.71}\n",
        calendar(a_days="[mon, wed, fri, sat, sun]", b_days="[tue, thu]")
        + "rules: {max_format_share: 0.72}\n",
    ),
    "W316 media missing": (
        "W316",
        calendar(extra="posts:\n" + draft(format="photo", status="approved")),
        calendar(extra="posts:\n" + draft(format="photo", status="approved", media="[a.jpg]")),
    ),
    "W316 not before review": (
        "W316",
        calendar(extra="posts:\n" + draft(format="photo", status="review")),
        calendar(extra="posts:\n" + draft(format="photo", status="draft")),
    ),
    "W319 repeated text": (
        "W319",
        calendar(extra="posts:\n" + draft("2026-12-07") + draft("2026-12-13")),
        calendar(extra="posts:\n" + draft("2026-12-07") + draft("2026-12-13"))
        + "rules: {min_days_between_repeats: 6}\n",
    ),
    "W320 unfilled slots": (
        "W320",
        calendar(a_days="[mon, wed, fri]"),
        calendar(a_days="[mon, wed, fri, sun]"),
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_rule_triggers_and_just_inside_does_not(tmp_path: Path, case: str) -> None:
    code, triggers, inside = CASES[case]
    assert code in lint_codes(tmp_path / "on", triggers)
    assert code not in lint_codes(tmp_path / "off", inside)


@pytest.mark.parametrize(
    ("code", "status", "on", "off", "done"),
    [
        # W317: due on 2026-12-09, within approval_days (2) of the 7th but not of the 6th
        ("W317", "review", date(2026, 12, 7), date(2026, 12, 6), "approved"),
        # W318: dated 2026-12-09, in the past on the 10th but not on the day itself
        ("W318", "draft", date(2026, 12, 10), date(2026, 12, 9), "approved"),
        ("W318", "review", date(2026, 12, 10), date(2026, 12, 9), "published"),
    ],
)
def test_rules_that_look_at_today(
    tmp_path: Path, code: str, status: str, on: date, off: date, done: str
) -> None:
    text = calendar(extra="posts:\n" + draft("2026-12-09", status=status))
    assert code in lint_codes(tmp_path, text, today=on)
    assert code not in lint_codes(tmp_path, text, today=off)
    finished = text.replace(f"status: {status}", f"status: {done}")
    assert code not in lint_codes(tmp_path, finished, today=on)


def test_rules_that_need_today_do_not_run_without_it(tmp_path: Path) -> None:
    text = calendar(extra="posts:\n" + draft("2026-12-08", status="draft"))
    assert lint_codes(tmp_path, text) == []


def test_a_finding_points_at_the_entry_that_made_the_post(tmp_path: Path) -> None:
    text = calendar(extra="posts:\n" + draft(format="photo", status="approved"))
    (problem,) = lint(tmp_path, text).problems
    line = text.splitlines().index("  - date: 2026-12-08") + 1
    assert (problem.line, problem.col, problem.level) == (line, 5, "warning")
    assert "'Extra'" in problem.message and "media" in problem.message


def test_a_channel_finding_points_at_the_channel_key(tmp_path: Path) -> None:
    (problem,) = lint(tmp_path, calendar(a_days="[mon, wed, fri]")).problems
    assert (problem.code, problem.line, problem.col) == ("W320", 6, 3)
    assert "2026-12-13 09:00" in problem.message


def test_disabled_for_the_calendar_and_for_one_entry(tmp_path: Path) -> None:
    photo = draft(format="photo", status="approved")
    assert "W316" in lint_codes(tmp_path / "a", calendar(extra="posts:\n" + photo))
    for_calendar = calendar(extra="rules: {disable: [W316]}\nposts:\n" + photo)
    assert lint_codes(tmp_path / "b", for_calendar) == []
    for_entry = calendar(extra="posts:\n" + photo + "    lint: {disable: W316}\n")
    assert lint_codes(tmp_path / "c", for_entry) == []


@pytest.mark.parametrize("code", ["W314", "W315", "W320", "W322"])
def test_an_entry_cannot_turn_off_a_channels_or_the_calendars_warning(
    tmp_path: Path, code: str
) -> None:
    """No one entry makes a quiet channel, a format mix, unfilled slots or a pack's missing
    day names: written in an entry's `lint:` the code would do nothing, so it is refused
    there, with where it works instead."""
    text = calendar(extra=f"posts:\n{draft()}    lint: {{disable: [W316, {code}]}}\n")
    planned = plan_one(write_repo(tmp_path / "entry", text), WEEK, lint=True)
    (problem,) = planned.problems
    assert problem.code == "E101" and problem.line == text.count("\n")
    assert problem.col == text.splitlines()[-1].index(code) + 1
    assert f"rules: {{disable: [{code}]}}" in problem.message
    assert lint_codes(tmp_path / "rules", calendar(extra=f"rules: {{disable: [{code}]}}\n")) == []


def test_every_warning_no_entry_makes_is_one_an_entry_cannot_turn_off(tmp_path: Path) -> None:
    """Each lint warning that is not at a post's entry (a channel's) has a calendar-wide
    code, so an entry's `lint:` never holds a code that could not apply to it."""
    from smmplan.load.schema.values import CALENDAR_WIDE

    # Every post a photo, on a channel quiet for days, with a slot left empty: W314, W315
    # and W320, all at the channel.
    text = calendar(a_days="[mon]", b_days="[fri]", slot_days="[mon, tue, fri]")
    text = text.replace("format: text", "format: photo")
    text += "rules: {format_mix_min_posts: 2, max_days_without_post: 2}\n"
    found = lint(tmp_path, text).problems
    channel_line = text.splitlines().index("  ch:") + 1
    at_channel = {p.code for p in found if p.line == channel_line}
    assert at_channel >= {"W314", "W315", "W320"}
    assert at_channel <= set(CALENDAR_WIDE)


def test_an_unknown_code_in_disable_is_a_schema_error(tmp_path: Path) -> None:
    text = calendar(extra="rules: {disable: [W399]}\n")
    planned = plan_one(write_repo(tmp_path, text), WEEK, lint=True)
    (problem,) = planned.problems
    assert problem.code == "E101" and "W399" in problem.message and "W310" in problem.message


@pytest.mark.parametrize("today", ["2026-11-15", "2026-11-28"])
def test_the_shipped_calendars_are_clean_under_strict(
    today: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from smmplan.cli import app

    monkeypatch.chdir(Path(__file__).parent.parent)
    result = CliRunner().invoke(app, ["validate", "--strict", "--today", today])
    assert (result.exit_code, result.stdout) == (0, "")


def test_build_prints_lint_warnings_and_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from smmplan.cli import app

    text = calendar(extra="period: {start: 2026-12-07, end: 2026-12-13}\nposts:\n")
    write_repo(tmp_path, text + draft(format="photo", status="approved"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "--format", "csv"])
    assert result.exit_code == 0
    assert "warning W316 'Extra' is a photo post" in result.stderr
    assert (tmp_path / "build" / "lint" / "2026-12-07_2026-12-13.csv").is_file()
