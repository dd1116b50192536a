"""A misspelt key is answered with a key that the place it stands in takes, or with none."""

from __future__ import annotations

from pathlib import Path

from calendars_for_tests import calendar, line_of, plan_text

CHANNEL = """\
channels:
  ig:
    network: instagram
    {extra}
    slots:
      - {{days: [mon], times: ["09:30"]}}
"""


def _message_at(tmp_path: Path, text: str, needle: str, col: int) -> str:
    """The one E102 of the calendar, which must stand on the line of `needle` at `col`."""
    problems = [p for p in plan_text(tmp_path, text).problems if p.code == "E102"]
    assert [(p.line, p.col) for p in problems] == [(line_of(text, needle), col)], problems
    return problems[0].message


def test_a_channel_typo_is_not_answered_with_a_key_channels_do_not_take(tmp_path: Path) -> None:
    text = calendar(CHANNEL.format(extra="tempate: hi.j2"))
    assert _message_at(tmp_path, text, "tempate", 5) == "unknown key 'tempate'"


def test_a_channel_typo_is_answered_with_the_channel_key_it_resembles(tmp_path: Path) -> None:
    text = calendar(CHANNEL.format(extra="slts: []"))
    assert _message_at(tmp_path, text, "slts", 5) == "unknown key 'slts'; did you mean 'slots'?"


def test_a_theme_typo_still_suggests_template(tmp_path: Path) -> None:
    body = CHANNEL.format(extra="") + (
        "themes:\n  - name: Tips\n    days: [mon]\n    text: hi\n    tempate: tips.j2\n"
    )
    text = calendar(body)
    message = _message_at(tmp_path, text, "tempate", 5)
    assert message == "unknown key 'tempate'; did you mean 'template'?"


def test_a_pack_entry_typo_suggests_a_pack_key(tmp_path: Path) -> None:
    body = CHANNEL.format(extra="") + "holidays:\n  packs:\n    - {name: un, skpi: [x]}\n"
    text = calendar(body)
    assert _message_at(tmp_path, text, "skpi", 18) == "unknown key 'skpi'; did you mean 'skip'?"


def test_a_key_of_another_place_asks_to_check_the_indentation(tmp_path: Path) -> None:
    text = calendar(CHANNEL.format(extra="text: hello"))
    message = _message_at(tmp_path, text, "text:", 5)
    assert message == "'text' is not allowed here; check the indentation"
