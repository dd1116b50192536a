"""Messages a social-media manager can act on: what is wrong, at its own line, what to write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan.cli import app

HEAD = 'smmplan: 1\nname: Casa\ntimezone: Europe/Madrid\nchannels:\n  ig: {network: instagram, slots: [{days: mon, times: "09:00"}]}\n'  # noqa: E501


def _problems(
    tmp_path: Path, text: str, *args: str, templates: dict[str, str] | None = None
) -> list[dict]:  # type: ignore[type-arg]  # noqa: E501
    file = write_repo(tmp_path, text, templates=templates)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            app, ["validate", str(file.relative_to(tmp_path)), "--format", "json", *args]
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.output
    rows: list[dict] = json.loads(result.stdout)  # type: ignore[type-arg]
    return rows


def _one(rows: list[dict], code: str) -> dict:  # type: ignore[type-arg]
    found = [row for row in rows if row["code"] == code]
    assert len(found) == 1, rows
    return found[0]


def test_an_unquoted_colon_in_a_text_is_shown_quoted(tmp_path: Path) -> None:
    text = HEAD + "posts:\n  - title: Hi\n    date: 2026-01-05\n    text: New menu: oat milk\n"
    row = _one(_problems(tmp_path, text), "E140")
    assert (row["line"], row["col"]) == (9, 19)
    assert 'text: "New menu: oat milk"' in row["message"]


def test_a_colon_in_a_text_with_double_quotes_is_shown_in_single_quotes(tmp_path: Path) -> None:
    text = HEAD + 'posts:\n  - title: Hi\n    date: 2026-01-05\n    text: Say "hi": now\n'
    row = _one(_problems(tmp_path, text), "E140")
    assert "text: 'Say \"hi\": now'" in row["message"]


@pytest.mark.parametrize(
    ("char", "name"), [("\u00a0", "no-break space"), ("\u3000", "ideographic space")]
)  # noqa: E501
def test_a_unicode_space_after_a_key_is_named_at_its_own_line(
    tmp_path: Path, char: str, name: str
) -> None:
    text = HEAD.replace("timezone: ", f"timezone:{char}")
    row = _one(_problems(tmp_path, text), "E141")
    assert (row["line"], row["col"]) == (3, 10)
    assert name in row["message"] and "'timezone:'" in row["message"]


def test_a_tab_in_the_indentation_is_named_at_its_line(tmp_path: Path) -> None:
    text = HEAD.replace("\n  ig:", "\n\tig:")
    row = _one(_problems(tmp_path, text), "E142")
    assert (row["line"], row["col"]) == (5, 1)
    assert "tab" in row["message"] and "spaces" in row["message"]


def test_text_and_template_both_given_is_reported_at_the_second(tmp_path: Path) -> None:
    text = HEAD + "posts:\n  - title: Hi\n    date: 2026-01-05\n    text: hi\n    template: t.j2\n"
    row = _one(_problems(tmp_path, text), "E101")
    assert (row["line"], row["col"]) == (10, 5)
    assert "not both" in row["message"]


def test_a_short_observance_date_suggests_two_digits(tmp_path: Path) -> None:
    text = HEAD + "holidays:\n  observances:\n    - name: Day\n      date: 10-8\n"
    row = _one(_problems(tmp_path, text), "E110")
    assert (row["line"], row["col"]) == (9, 13)
    assert "MM-DD" in row["message"] and 'write "10-08"' in row["message"]


def test_a_misspelt_template_attribute_suggests_the_right_one(tmp_path: Path) -> None:
    text = HEAD + "posts:\n  - title: Hi\n    date: 2026-01-05\n    template: t.j2\n"
    rows = _problems(
        tmp_path, text, "--month", "2026-01", templates={"t.j2": "Hello\n{{ post.titel }}\n"}
    )
    row = _one(rows, "E132")
    assert (row["path"], row["line"]) == (os.path.join("templates", "t.j2"), 2)
    assert "did you mean title?" in row["message"]


def test_a_misspelt_top_level_name_in_a_template_suggests_post(tmp_path: Path) -> None:
    text = HEAD + "posts:\n  - title: Hi\n    date: 2026-01-05\n    text: '{{ pots.title }}'\n"
    row = _one(_problems(tmp_path, text, "--month", "2026-01"), "E132")
    assert "did you mean post?" in row["message"]


def test_a_bad_pack_entry_gives_one_error_at_its_key(tmp_path: Path) -> None:
    text = HEAD + "holidays:\n  packs: [{name: un, chanels: [ig]}]\n"
    rows = _problems(tmp_path, text)
    assert [(r["code"], r["line"], r["col"]) for r in rows] == [("E102", 7, 22)], rows
    assert "did you mean 'channels'?" in rows[0]["message"]


VARS = 'vars: {tag: "#CasaCafe", site: "https://casa.example"}\n'


def test_vars_fill_hashtags_and_links(tmp_path: Path) -> None:
    from calendars_for_tests import plan_text, posts_of

    text = (
        HEAD
        + VARS
        + "posts:\n  - title: Hi\n    date: 2026-01-05\n    text: hi\n"
        + '    link: "{{ vars.site }}/menu"\n    hashtags: ["{{ vars.tag }}", "#x"]\n'
    )
    (post,) = posts_of(plan_text(tmp_path, text, "2026-01-01", "2026-01-31"))
    assert post.hashtags == ["#CasaCafe", "#x"]
    assert post.link == "https://casa.example/menu"
    assert post.text.endswith("#CasaCafe #x")


def test_an_unknown_var_in_hashtags_is_one_error_at_its_value(tmp_path: Path) -> None:
    text = (
        HEAD
        + VARS
        + "posts:\n  - title: Hi\n    date: 2026-01-05\n    text: hi\n"
        + '    hashtags: "#a {{ vars.tagz }}"\n'
    )
    rows = _problems(tmp_path, text)
    assert [(r["code"], r["line"], r["col"]) for r in rows] == [("E134", 11, 15)], rows
    assert "did you mean vars.tag?" in rows[0]["message"]
