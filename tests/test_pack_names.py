"""The UN pack's day names in the calendar's language, with one W322 for the days without one."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml
from calendars_for_tests import calendar, line_of, plan_text, run_in, schedule_of, write_repo

from smmplan.load import packs

JAN = "{start: 2027-01-01, end: 2027-01-31}"
DAILY = """\
channels:
  ig:
    network: instagram
    slots: [{days: [daily], times: ["09:00"]}]
holidays: {packs: [{name: un, posts: true}]}
"""


def spoken(language: str | None, body: str = DAILY, period: str = JAN) -> str:
    head = f"language: {language}\n" if language else ""
    return calendar(head + body, period=period)


def title_on(tmp_path: Path, text: str, day: str) -> str:
    posts = schedule_of(plan_text(tmp_path, text)).posts
    return next(p.title for p in posts if p.date == day)


def w322(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    planned = plan_text(tmp_path, text)
    return [(p.line, p.col, p.message) for p in planned.problems if p.code == "W322"]


def test_a_spanish_calendar_gets_the_spanish_name_in_json_and_markdown(tmp_path) -> None:
    write_repo(tmp_path, spoken("es"))
    code, output = run_in(tmp_path, "build", "--format", "json,md", "--out", "out", "--no-cache")
    assert code == 0, output
    data = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "Día Mundial del Braille" in text
    assert "World Braille Day" not in text
    markdown = next((tmp_path / "out").rglob("*.md")).read_text(encoding="utf-8")
    assert "Día Mundial del Braille" in markdown


@pytest.mark.parametrize(
    ("language", "day", "title"),
    [
        ("es", "2027-01-04", "Día Mundial del Braille"),
        ("es-MX", "2027-01-04", "Día Mundial del Braille"),
        ("fr", "2027-01-04", "Journée mondiale du braille"),
        ("fr-CA", "2027-01-24", "Journée internationale de l'éducation"),
        ("zh", "2027-01-24", "国际教育日"),
        ("ru", "2027-01-26", "Международный день чистой энергии"),
        ("en", "2027-01-04", "World Braille Day"),
        ("en-GB", "2027-01-24", "International Day of Education"),
        (None, "2027-01-04", "World Braille Day"),
    ],
)
def test_the_post_title_is_the_days_name_in_the_calendars_language(
    tmp_path, language: str | None, day: str, title: str
) -> None:
    assert title_on(tmp_path, spoken(language), day) == title


def test_traditional_chinese_does_not_get_the_simplified_names(tmp_path) -> None:
    assert title_on(tmp_path, spoken("zh-Hant"), "2027-01-24") == "International Day of Education"


@pytest.mark.parametrize(
    ("language", "day", "title"),
    [
        ("nl", "2027-03-08", "VN-dag voor de rechten van de vrouw en internationale vrede"),
        ("nl-BE", "2027-06-20", "Wereldvluchtelingendag"),
        ("el", "2027-01-24", "Διεθνής Ημέρα εκπαίδευσης"),
        ("ca", "2027-03-08", "Dia internacional de la Dona"),
        ("hi", "2027-06-21", "अंतरराष्ट्रीय योग दिवस"),
        ("zh-Hant", "2027-12-01", "世界愛滋日"),
        ("zh-TW", "2027-12-01", "世界愛滋日"),
        ("zh-HK", "2027-03-08", "International Women's Day"),
        ("fr", "2027-11-16", "Journée internationale de la tolérance"),
    ],
)
def test_the_languages_our_users_write_in_get_their_sourced_names(
    tmp_path, language: str, day: str, title: str
) -> None:
    period = f"{{start: {day[:7]}-01, end: {day[:7]}-28}}"
    posts = schedule_of(plan_text(tmp_path, spoken(language, period=period))).posts
    assert title in [p.title for p in posts if p.date == day]


def test_a_language_with_gaps_gives_one_w322_at_the_packs_entry(tmp_path) -> None:
    text = spoken("es")
    [(line, col, message)] = w322(tmp_path, text)
    assert line == line_of(text, "packs:")
    assert col == text.splitlines()[line - 1].index("{name: un") + 1
    unnamed = len(packs.load("un").days) - len(packs.load("un").names["es"])
    assert f"{unnamed} of the 229 days of pack 'un'" in message
    assert "wetlands-day" in message and "skip:" in message


def test_a_language_without_any_names_warns_once_too(tmp_path) -> None:
    [(_, _, message)] = w322(tmp_path, spoken("de"))
    assert "229 of the 229 days" in message and "'de'" in message


def test_english_calendars_have_no_w322(tmp_path) -> None:
    assert w322(tmp_path, spoken("en-GB")) == []
    assert w322(tmp_path, spoken(None)) == []


def test_skipped_and_replaced_days_are_not_counted(tmp_path) -> None:
    named = set(packs.load("un").names["es"])
    unnamed = [day for day in packs.load("un").ids() if day not in named]
    body = DAILY.replace(
        "{name: un, posts: true}", f"{{name: un, posts: true, skip: [{', '.join(unnamed[1:])}]}}"
    ) + (f'  observances: [{{id: {unnamed[0]}, name: Mi día, date: "01-05"}}]\n')
    body = body.replace("holidays: {packs: [", "holidays:\n  packs: [").replace("}]}\n", "}]\n")
    assert w322(tmp_path, spoken("es", body)) == []


def test_w322_is_silenced_by_rules_disable(tmp_path) -> None:
    body = DAILY + "rules: {disable: [W322]}\n"
    assert w322(tmp_path, spoken("ca", body)) == []


def test_every_name_is_in_a_language_whose_source_the_pack_names() -> None:
    text = resources.files("smmplan.load.packs").joinpath("un.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    sources = data["name_sources"]
    header = text.split("name_sources:")[0].split("Sources, read on")[1]
    ids = {day["id"] for day in data["days"]}
    for language, by_id in data["names"].items():
        assert language in sources and sources[language].strip(), language
        assert re.search(rf"\b{language}\b", header), language
        assert set(by_id) <= ids, set(by_id) - ids
        assert all(name.strip() for name in by_id.values()), language


def test_no_two_days_share_a_name_in_one_language() -> None:
    for language, by_id in packs.load("un").names.items():
        assert len(set(by_id.values())) == len(by_id), language
