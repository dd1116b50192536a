"""The calendar's language in the Markdown plan and the HTML month view."""

from __future__ import annotations

import pytest
from calendars_for_tests import calendar, plan_text, schedule_of

from smmplan.cache.holidays import country_info
from smmplan.export.to_html import to_html
from smmplan.export.to_markdown import to_markdown
from smmplan.l10n import language, script_to_territory

BODY = """\
language: {language}
channels:
  ig:
    network: instagram
    slots: [{{days: [fri], times: ["09:00"]}}]
holidays:
  country: {country}
  on_holiday: keep
themes:
  - {{name: Friday, days: [fri], text: "Friday"}}
"""
DEC = "{start: 2026-12-01, end: 2026-12-31}"

# language, country, 25 December 2026 (a Friday) as a day heading, its public holiday,
# the month's title, Monday's column heading, the "Week of" heading of 21 December.
CASES = [
    (
        "ca",
        "ES",
        "divendres, 25 de desembre de",
        "Nativitat del Senyor",
        "desembre",
        "dl.",
        "Setmana del 21 de desembre",
    ),
    (
        "nl",
        "NL",
        "vrijdag 25 december 2026",
        "Eerste kerstdag",
        "december 2026",
        "ma",
        "Week van 21 december 2026",
    ),
    (
        "el",
        "GR",
        "Παρασκευή 25 Δεκεμβρίου 2026",
        "Χριστούγεννα",
        "Δεκέμβριος 2026",
        "Δευ",
        "Εβδομάδα από 21 Δεκεμβρίου 2026",
    ),
    (
        "hi",
        "IN",
        "शुक्रवार, 25 दिसंबर 2026",
        "क्रिसमस",
        "दिसंबर 2026",
        "सोम",
        "21 दिसंबर 2026 से शुरू सप्ताह",
    ),
    (
        "zh_Hant",
        "TW",
        "2026年12月25日 星期五",
        "行憲紀念日",
        "2026年12月",
        "週一",
        "2026年12月21日 當週",
    ),
    (
        "zh-Hant",
        "TW",
        "2026年12月25日 星期五",
        "行憲紀念日",
        "2026年12月",
        "週一",
        "2026年12月21日 當週",
    ),
    (
        "en",
        "US",
        "Friday, December 25, 2026",
        "Christmas Day",
        "December 2026",
        "Mon",
        "Week of December 21, 2026",
    ),
]


def schedule(tmp_path, code: str, country: str):  # type: ignore[no-untyped-def]
    text = calendar(BODY.format(language=code, country=country), period=DEC)
    return schedule_of(plan_text(tmp_path, text))


@pytest.mark.parametrize(("code", "country", "day", "holiday", "month", "monday", "week"), CASES)
def test_markdown_speaks_the_calendar_language(
    tmp_path, code: str, country: str, day: str, holiday: str, month: str, monday: str, week: str
) -> None:
    text = to_markdown(schedule(tmp_path, code, country)).decode()
    christmas = next(line for line in text.splitlines() if line.startswith(f"### {day}"))
    section = text.split(christmas)[1].split("\n### ")[0]
    assert f":** {holiday}\n" in section
    assert f"\n## {week}" in text
    # The labels around the calendar's own text are translated too.
    assert ("**Owner:**" in text) == (code == "en")


@pytest.mark.parametrize(("code", "country", "day", "holiday", "month", "monday", "week"), CASES)
def test_html_speaks_the_calendar_language(
    tmp_path, code: str, country: str, day: str, holiday: str, month: str, monday: str, week: str
) -> None:
    html = to_html(schedule(tmp_path, code, country)).decode()
    tag = language(code).tag
    assert f'<html lang="{tag}" dir="ltr">' in html
    assert f"<h2>{month}" in html
    assert f'<th scope="col">{monday}</th>' in html
    assert f'<div class="name holiday-name">{holiday}</div>' in html
    assert f"<h3>{day}" in html


@pytest.mark.parametrize(
    ("code", "locale", "tag", "direction"),
    [
        ("zh-Hant", "zh_Hant", "zh-Hant", "ltr"),
        ("zh_Hant", "zh_Hant", "zh-Hant", "ltr"),
        ("pt-BR", "pt_BR", "pt-BR", "ltr"),
        ("ar", "ar", "ar", "rtl"),
        ("he", "he", "he", "rtl"),
        ("fa", "fa", "fa", "rtl"),
        ("", "en", "en", "ltr"),
        ("xx", "en", "en", "ltr"),
        ("not a language", "en", "en", "ltr"),
    ],
)
def test_language_codes_resolve(code: str, locale: str, tag: str, direction: str) -> None:
    found = language(code)
    assert (found.locale, found.tag, found.direction) == (locale, tag, direction)


def test_languages_without_labels_get_english_labels_and_local_dates(tmp_path) -> None:
    text = to_markdown(schedule(tmp_path, "pl", "PL")).decode()
    assert "## Summary" in text
    assert "### piątek, 25 grudnia 2026" in text


def test_region_variants_share_their_language_labels() -> None:
    assert language("nl-BE").label("summary") == "Overzicht"
    assert language("zh-TW").label("summary") == language("zh_Hant").label("summary") == "摘要"


@pytest.mark.parametrize(
    ("code", "expected"), [("zh_Hant", "zh_TW"), ("zh-Hans", "zh_CN"), ("zh", None), ("en", None)]
)
def test_a_script_names_its_territory(code: str, expected: str | None) -> None:
    assert script_to_territory(code) == expected


def test_traditional_chinese_calendars_get_taiwan_holiday_names() -> None:
    info = country_info("TW")
    assert info is not None
    assert info.language_for("zh-Hant") == "zh_TW"
    assert info.language_for("zh_Hans") == "zh_CN"
