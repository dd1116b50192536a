"""Ids made from names in any script stay readable, and two things with one id are an error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from calendars_for_tests import line_of, run_in, schedule_of, write_repo

from smmplan.pipeline import plan, plan_one

CHANNELS = """\
timezone: Europe/Athens
period: {start: 2026-12-07, end: 2026-12-13}
channels:
  ig:
    network: instagram
    slots:
      - {days: [mon, tue, wed], times: ["09:30"]}
"""


def _calendar(name: str, *, body: str = "", head: str = "") -> str:
    return f"smmplan: 1\n{head}name: {name}\n{CHANNELS}{textwrap.dedent(body)}"


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("Καφέ Ωραίος.yaml", "καφέ-ωραίος"),
        ("नमस्ते बेकरी.yaml", "नमस्ते-बेकरी"),  # the vowel signs stay: not "नमस-त"
        ("咖啡时间.yaml", "咖啡时间"),
        ("Café Olé.yaml", "cafe-ole"),  # Latin names keep the ASCII ids they always had
    ],
)
def test_calendar_id_from_a_file_name_in_any_script(
    tmp_path: Path, file_name: str, expected: str
) -> None:
    path = write_repo(tmp_path, _calendar("Shop"), name=file_name)
    assert schedule_of(plan_one(path, None)).calendar.id == expected


def test_calendar_id_from_its_name_when_the_file_name_gives_none(tmp_path: Path) -> None:
    path = write_repo(tmp_path, _calendar("Καφέ Ωραίος"), name="___.yaml")
    assert schedule_of(plan_one(path, None)).calendar.id == "καφέ-ωραίος"


def test_no_id_at_all_is_an_error_at_the_name_not_a_constant(tmp_path: Path) -> None:
    text = _calendar('"★ ★"')
    path = write_repo(tmp_path, text, name="___.yaml")
    problems = plan_one(path, None).problems
    assert [(p.line, p.col, p.code) for p in problems] == [(line_of(text, "name:"), 7, "E117")]
    assert "give the calendar an 'id:'" in problems[0].message


THEMES = """\
themes:
  - name: Καφέ της Δευτέρας
    days: [mon]
    text: α
  - name: नमस्ते सुबह
    days: [tue]
    text: b
  - name: 周三咖啡
    days: [wed]
    text: c
"""


def test_entry_ids_from_greek_hindi_and_chinese_names(tmp_path: Path) -> None:
    path = write_repo(tmp_path, _calendar("Shop", head="id: shop\n", body=THEMES))
    posts = schedule_of(plan_one(path, None)).posts
    assert [p.source_id for p in posts] == ["καφέ-της-δευτέρας", "नमस्ते-सुबह", "周三咖啡"]


def test_explicit_unicode_id_is_kept_and_an_uppercase_one_refused(tmp_path: Path) -> None:
    body = """\
    themes:
      - id: καφές
        name: A
        days: [mon]
        text: a
      - id: Καφές
        name: B
        days: [tue]
        text: b
    """
    text = _calendar("Shop", head="id: shop\n", body=body)
    problems = plan_one(write_repo(tmp_path, text), None).problems
    assert [(p.line, p.col, p.code) for p in problems] == [(line_of(text, "id: Καφές"), 9, "E117")]
    assert "lowercase letters" in problems[0].message


def test_two_themes_whose_names_give_one_id_name_both_places(tmp_path: Path) -> None:
    body = """\
    themes:
      - name: Καφές
        days: [mon]
        text: a
      - name: ΚΑΦΈΣ
        days: [tue]
        text: b
    """
    text = _calendar("Shop", head="id: shop\n", body=body)
    problems = plan_one(write_repo(tmp_path, text), None).problems
    second = line_of(text, "ΚΑΦΈΣ")
    assert [(p.line, p.col, p.code) for p in problems] == [(second, 11, "E201")]
    first = line_of(text, "name: Καφές")
    assert f"calendars/x.yaml:{first}:11" in problems[0].message
    assert "'ΚΑΦΈΣ' gives id 'καφές'" in problems[0].message


def test_a_duplicate_id_from_a_fragment_names_the_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fragment = "themes:\n  - name: Tip Tuesday\n    days: [tue]\n    text: a\n"
    body = """\
    include: [_tips.yaml]
    themes:
      - id: tip-tuesday
        name: Other
        days: [mon]
        text: b
    """
    text = _calendar("Shop", head="id: shop\n", body=body)
    path = write_repo(tmp_path, text)
    (path.parent / "_tips.yaml").write_text(fragment, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    problems = plan_one(path, None).problems
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [
        ("calendars/x.yaml", line_of(text, "id: tip-tuesday"), 9, "E201")
    ]
    assert "calendars/_tips.yaml:2:11" in problems[0].message


def test_two_calendar_files_with_one_id_are_an_error_naming_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _calendar("Other", head="id: καφές\n")
    write_repo(tmp_path, other, name="a.yaml")
    write_repo(tmp_path, _calendar("Shop"), name="καφές.yaml")
    monkeypatch.chdir(tmp_path)
    outcome = plan(sorted((tmp_path / "calendars").glob("*.yaml")), None)
    problems = [p for p in outcome.problems if p.level == "error"]
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [
        ("calendars/καφές.yaml", 1, 1, "E209")
    ]
    assert f"calendars/a.yaml:{line_of(other, 'id:')}:5" in problems[0].message


def test_validate_reports_a_shared_calendar_id_also_from_the_cache(tmp_path: Path) -> None:
    write_repo(tmp_path, _calendar("Shop", head="id: shop\n"), name="a.yaml")
    write_repo(tmp_path, _calendar("Shop"), name="shop.yaml")
    expected = "calendars/shop.yaml:1:1: error E209 calendar id 'shop' is also the id of "
    for _ in range(2):  # the second run reuses the checks the first one stored
        code, output = run_in(tmp_path, "validate", "calendars")
        assert code == 1
        assert expected + "calendars/a.yaml:2:5" in output


def test_the_same_file_named_twice_is_not_a_clash(tmp_path: Path) -> None:
    path = write_repo(tmp_path, _calendar("Shop"))
    assert plan([path, path], None).ok
