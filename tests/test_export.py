"""The four exporters, read back the way a scheduler, a calendar app or a client would."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from smmplan.export import ExportOptions, export, formats
from smmplan.export.to_csv import to_csv
from smmplan.export.to_ics import to_ics
from smmplan.export.to_json import to_json
from smmplan.export.to_markdown import to_markdown
from smmplan.model import POST_FIELDS, CalendarInfo, DayEvent, Post, Schedule, Unfilled
from smmplan.problems import UsageError

TRICKY_TEXT = 'Our blend, "Nadal" edition ☕🎄\n中文 and 日本語\n\nCode XMAS10'


def make_post(**fields: object) -> Post:
    base: dict[str, object] = {
        "date": "2026-12-07",
        "time": "09:30",
        "timezone": "Europe/Madrid",
        "utc": "2026-12-07T08:30:00Z",
        "weekday": "Monday",
        "channel": "instagram",
        "network": "instagram",
        "account": "@casacafe",
        "source": "draft",
        "source_id": "post",
        "title": "A post",
        "text": "Hello",
        "hashtags": [],
        "media": [],
        "link": "",
        "format": "photo",
        "pillar": "",
        "status": "draft",
        "owner": "",
        "campaign": "",
        "budget": None,
        "day_names": [],
        "id": "post-id",
    }
    base.update(fields)
    return Post(**base)  # type: ignore[arg-type]


def build_schedule() -> Schedule:
    """Two channels: a tricky draft, a theme post, a formula-like title and a holiday."""
    draft = make_post(
        source_id="xmas-blend-launch",
        title="Christmas blend launch",
        text=TRICKY_TEXT,
        hashtags=["#ChristmasBlend", "#Nadal"],
        media=["media/xmas.jpg", "media/xmas-2.jpg"],
        link="https://casacafe.example/xmas?a=1,b=2",
        format="carousel",
        pillar="product",
        owner="anna",
        campaign="xmas-2026",
        budget=40.0,
        id="c0ffee01",
    )
    theme = make_post(
        date="2026-12-07",
        time="17:00",
        utc="2026-12-07T16:00:00Z",
        channel="x",
        network="x",
        account="@casacafe_x",
        source="theme",
        source_id="motivation-monday",
        title="Motivation Monday",
        text="Monday fuel.\n\n#MotivationMonday",
        hashtags=["#MotivationMonday"],
        format="text",
        status="planned",
        id="c0ffee02",
    )
    formula = make_post(
        date="2026-12-08",
        weekday="Tuesday",
        utc="2026-12-08T08:30:00Z",
        source_id="sum-promo",
        title="=SUM(A1:A9)",
        text="Two for one",
        status="approved",
        budget=12.5,
        day_names=["Immaculate Conception"],
        id="c0ffee03",
    )
    holiday = DayEvent(
        date="2026-12-08",
        kind="holiday",
        source_id="es-2026-12-08",
        name="Immaculate Conception",
        id="d4y00001",
    )
    return Schedule(
        calendar=CalendarInfo(
            id="casa-cafe",
            name="Casa Café",
            timezone="Europe/Madrid",
            language="ca",
            vars={"promo": "XMAS10"},
        ),
        start=date(2026, 12, 1),
        end=date(2026, 12, 31),
        posts=[draft, theme, formula],
        days=[holiday],
        unfilled=[Unfilled(date="2026-12-09", time="09:30", channel="instagram")],
        channels={
            "instagram": {"network": "instagram", "account": "@casacafe"},
            "x": {"network": "x", "account": "@casacafe_x"},
        },
    )


@pytest.fixture
def schedule() -> Schedule:
    return build_schedule()


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def ics_events(data: bytes) -> dict[str, Event]:
    """VEVENTs of a parsed ICS file by UID."""
    return {event.uid: event for event in Calendar.from_ical(data).events}


def post_rows(data: bytes) -> dict[str, dict[str, str]]:
    """CSV data rows as dicts, keyed by the post id."""
    header, *rows = read_csv(data)
    return {row[header.index("id")]: dict(zip(header, row, strict=True)) for row in rows}


# CSV


def test_csv_has_the_documented_header_and_one_row_per_post(schedule: Schedule) -> None:
    data = to_csv(schedule)
    header, *rows = read_csv(data)
    assert header == list(POST_FIELDS)
    assert len(rows) == len(schedule.posts)
    assert data.startswith(",".join(POST_FIELDS).encode() + b"\r\n")


def test_csv_cells_survive_commas_quotes_newlines_and_any_script(schedule: Schedule) -> None:
    row = post_rows(to_csv(schedule))["c0ffee01"]
    assert row["text"] == TRICKY_TEXT
    assert row["utc"] == "2026-12-07T08:30:00Z"
    assert row["hashtags"] == "#ChristmasBlend #Nadal"
    assert row["media"] == "media/xmas.jpg|media/xmas-2.jpg"
    assert row["link"] == "https://casacafe.example/xmas?a=1,b=2"


def test_csv_budget_is_written_as_a_person_would(schedule: Schedule) -> None:
    rows = post_rows(to_csv(schedule))
    assert rows["c0ffee01"]["budget"] == "40"
    assert rows["c0ffee02"]["budget"] == ""
    assert rows["c0ffee03"]["budget"] == "12.5"
    assert rows["c0ffee03"]["day_names"] == "Immaculate Conception"


def test_csv_neutralises_formula_cells_by_default(schedule: Schedule) -> None:
    schedule.posts[1].budget = -5.0
    rows = post_rows(to_csv(schedule))
    assert rows["c0ffee03"]["title"] == "'=SUM(A1:A9)"
    assert rows["c0ffee01"]["account"] == "'@casacafe"
    assert rows["c0ffee02"]["budget"] == "'-5"
    assert rows["c0ffee01"]["text"] == TRICKY_TEXT


def test_csv_keeps_formula_cells_when_safety_is_off(schedule: Schedule) -> None:
    rows = post_rows(to_csv(schedule, safe=False))
    assert rows["c0ffee03"]["title"] == "=SUM(A1:A9)"
    assert rows["c0ffee01"]["account"] == "@casacafe"


def test_csv_writes_a_bom_only_when_asked(schedule: Schedule) -> None:
    plain = to_csv(schedule)
    with_bom = to_csv(schedule, bom=True)
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert with_bom == b"\xef\xbb\xbf" + plain


# ICS


def test_ics_has_one_event_per_post_at_its_utc_instant(schedule: Schedule) -> None:
    events = ics_events(to_ics(schedule))
    for post in schedule.posts:
        event = events[f"{post.id}@smmplan"]
        start = datetime.strptime(post.utc, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert event.start == start
        assert event.end == start + timedelta(minutes=15)
        assert event.summary == f"[{post.channel}] {post.title}"
    assert b"DTSTART:20261207T083000Z\r\n" in to_ics(schedule)


def test_ics_description_holds_text_media_and_link(schedule: Schedule) -> None:
    events = ics_events(to_ics(schedule))
    draft = events["c0ffee01@smmplan"]
    assert draft.description == (
        TRICKY_TEXT + "\n\nMedia: media/xmas.jpg | media/xmas-2.jpg"
        "\nLink: https://casacafe.example/xmas?a=1,b=2"
    )
    assert draft.url == "https://casacafe.example/xmas?a=1,b=2"
    assert draft.categories == ["instagram", "draft", "product"]
    assert events["c0ffee03@smmplan"].description == "Two for one"
    assert events["c0ffee03@smmplan"].url == ""


def test_ics_status_is_confirmed_only_once_approved(schedule: Schedule) -> None:
    events = ics_events(to_ics(schedule))
    assert events["c0ffee01@smmplan"].status == "TENTATIVE"
    assert events["c0ffee02@smmplan"].status == "TENTATIVE"
    assert events["c0ffee03@smmplan"].status == "CONFIRMED"


def test_ics_holiday_is_a_transparent_all_day_event(schedule: Schedule) -> None:
    data = to_ics(schedule)
    holiday = ics_events(data)["d4y00001@smmplan"]
    assert holiday.start == date(2026, 12, 8)
    assert holiday.end == date(2026, 12, 9)
    assert holiday.summary == "Immaculate Conception"
    assert holiday.transparency == "TRANSPARENT"
    assert holiday.categories == ["holiday"]
    assert b"DTSTART;VALUE=DATE:20261208\r\n" in data


def test_ics_uids_are_unique(schedule: Schedule) -> None:
    uids = [event.uid for event in Calendar.from_ical(to_ics(schedule)).events]
    assert len(uids) == len(schedule.posts) + len(schedule.days) == len(set(uids))


def test_ics_calendar_properties(schedule: Schedule) -> None:
    calendar = Calendar.from_ical(to_ics(schedule))
    assert calendar.prodid == "-//smmplan//smmplan 0.1.0//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar.calendar_name == "Casa Café"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Madrid"


def test_ics_calendar_name_with_punctuation_reads_back_as_written(schedule: Schedule) -> None:
    schedule.calendar = replace(schedule.calendar, name="Casa Café, Barcelona;\nCT")
    calendar = Calendar.from_ical(to_ics(schedule))
    assert calendar.calendar_name == "Casa Café, Barcelona; CT"


def test_ics_dtstamp_is_the_window_start_unless_given(schedule: Schedule) -> None:
    assert b"DTSTAMP:20261201T000000Z\r\n" in to_ics(schedule, dtstamp=None)
    stamp = datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert b"DTSTAMP:20270102T030405Z\r\n" in to_ics(schedule, dtstamp=stamp)


def test_ics_lines_are_folded_at_75_octets(schedule: Schedule) -> None:
    long_text = "日本語テキスト🎄" * 40
    schedule.posts[0].text = long_text
    data = to_ics(schedule)
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert (ics_events(data)["c0ffee01@smmplan"].description or "").startswith(long_text)


# JSON


def test_json_round_trips_the_schedule(schedule: Schedule) -> None:
    data = to_json(schedule)
    document = json.loads(data)
    assert document["smmplan"] == 1
    assert document["calendar"] == {
        "id": "casa-cafe",
        "name": "Casa Café",
        "timezone": "Europe/Madrid",
        "language": "ca",
        "vars": {"promo": "XMAS10"},
    }
    assert document["window"] == {"start": "2026-12-01", "end": "2026-12-31"}
    assert [Post(**post) for post in document["posts"]] == schedule.posts
    assert [DayEvent(**day) for day in document["days"]] == schedule.days
    assert [Unfilled(**slot) for slot in document["unfilled"]] == schedule.unfilled


def test_json_is_readable_utf8_ending_with_a_newline(schedule: Schedule) -> None:
    text = to_json(schedule).decode("utf-8")
    assert "中文 and 日本語" in text
    assert text.endswith("}\n")


def test_json_writes_dates_in_vars_as_iso_text(schedule: Schedule) -> None:
    schedule.calendar.vars["launch"] = date(2026, 12, 20)
    assert json.loads(to_json(schedule))["calendar"]["vars"]["launch"] == "2026-12-20"


# Markdown


def markdown(schedule: Schedule, language: str = "ca") -> str:
    schedule.calendar = replace(schedule.calendar, language=language)
    return to_markdown(schedule).decode("utf-8")


def day_section(text: str, heading_start: str) -> str:
    """The text of the `### ` day section whose heading starts with `heading_start`."""
    sections = text.split("\n### ")
    return next(s for s in sections if s.startswith(heading_start)).split("\n## ")[0]


def test_markdown_title_and_catalan_dates(schedule: Schedule) -> None:
    text = markdown(schedule, "ca")
    assert text.startswith("# Casa Café: pla de continguts\n")
    # CLDR has written "de" and, lately, "del" before the year in Catalan.
    monday = next(line for line in text.splitlines() if line.startswith("### dilluns"))
    assert monday.startswith("### dilluns, 7 de desembre de") and monday.endswith(" 2026")
    assert "### dimarts, 8 de desembre de" in text
    assert "1 de desembre de" in text.split("\n## ")[0]


def test_markdown_english_dates(schedule: Schedule) -> None:
    text = markdown(schedule, "en")
    assert "**Window:** December 1, 2026 – December 31, 2026" in text
    assert "\n## Week of December 7, 2026\n" in text
    assert "\n### Monday, December 7, 2026\n" in text
    assert "\n### Tuesday, December 8, 2026\n" in text


@pytest.mark.parametrize("language", ["", "xx", "klingon"])
def test_markdown_falls_back_to_english(schedule: Schedule, language: str) -> None:
    assert "\n### Monday, December 7, 2026\n" in markdown(schedule, language)


def test_markdown_summary_counts_posts_per_channel_and_status(schedule: Schedule) -> None:
    text = markdown(schedule, "en")
    assert "| Channel | planned | draft | approved | Total |\n" in text
    assert "| instagram | 0 | 1 | 1 | 2 |\n" in text
    assert "| x | 1 | 0 | 0 | 1 |\n" in text
    assert "| **Total** | 1 | 1 | 1 | **3** |\n" in text


def test_markdown_keeps_a_multi_line_text_in_one_blockquote(schedule: Schedule) -> None:
    text = markdown(schedule)
    quote = '> Our blend, "Nadal" edition ☕🎄\n> 中文 and 日本語\n>\n> Code XMAS10\n'
    assert "\n\n" + quote + "\n" in text


def test_markdown_day_lists_theme_holiday_and_post_details(schedule: Schedule) -> None:
    text = markdown(schedule, "en")
    monday = day_section(text, "Monday")
    assert "- **Theme:** Motivation Monday\n" in monday
    assert "#### 09:30 · instagram · Christmas blend launch\n" in monday
    assert "**Status:** draft · **Owner:** anna · **Format:** carousel" in monday
    assert "- **Hashtags:** #ChristmasBlend #Nadal\n" in monday
    assert "- **Media:** media/xmas.jpg | media/xmas-2.jpg\n" in monday
    assert "- **Link:** https://casacafe.example/xmas?a=1,b=2\n" in monday
    assert "#### 17:00 · x · Motivation Monday\n" in monday
    tuesday = day_section(text, "Tuesday")
    assert "- **Holiday:** Immaculate Conception\n" in tuesday
    assert "Theme" not in tuesday


def test_markdown_shows_a_day_with_only_a_holiday(schedule: Schedule) -> None:
    schedule.days.append(DayEvent("2026-12-25", "holiday", "es-2026-12-25", "Christmas", "d4y2"))
    text = markdown(schedule, "en")
    assert "\n## Week of December 21, 2026\n" in text
    assert "- **Holiday:** Christmas\n" in day_section(text, "Friday, December 25")


def test_markdown_names_the_zone_of_a_channel_in_another_zone(schedule: Schedule) -> None:
    schedule.posts[1].timezone = "America/New_York"
    assert "#### 17:00 (America/New_York) · x · Motivation Monday\n" in markdown(schedule)


def test_markdown_says_so_when_there_are_no_posts(schedule: Schedule) -> None:
    schedule.posts, schedule.days = [], []
    text = markdown(schedule, "en")
    assert "No posts in this window." in text
    assert "###" not in text


def test_markdown_ends_with_exactly_one_newline(schedule: Schedule) -> None:
    text = markdown(schedule)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_template_text_replaces_the_shipped_layout(schedule: Schedule) -> None:
    template = "{{ calendar.name }}: {{ summary.total }} posts\n\n\n"
    assert to_markdown(schedule, template_text=template) == "Casa Café: 3 posts\n".encode()


@pytest.mark.parametrize("template", ["{% for x in %}", "{{ no_such_thing }}"])
def test_markdown_bad_template_is_a_user_error(schedule: Schedule, template: str) -> None:
    with pytest.raises(UsageError, match="Markdown template"):
        to_markdown(schedule, template_text=template)


# export()


@pytest.mark.parametrize("fmt", list(formats()))
def test_every_format_is_byte_identical_across_calls(fmt: str) -> None:
    first = export(fmt, build_schedule(), ExportOptions())
    assert first
    assert export(fmt, build_schedule(), ExportOptions()) == first


def test_export_passes_the_options_on(schedule: Schedule) -> None:
    options = ExportOptions(
        csv_safe=False,
        csv_bom=True,
        dtstamp=datetime(2027, 1, 2, tzinfo=UTC),
        md_template="{{ window.start_iso }}",
    )
    assert export("csv", schedule, options) == to_csv(schedule, safe=False, bom=True)
    assert b"DTSTAMP:20270102T000000Z\r\n" in export("ics", schedule, options)
    assert export("md", schedule, options) == b"2026-12-01\n"


def test_export_rejects_an_unknown_format(schedule: Schedule) -> None:
    with pytest.raises(UsageError, match="csv, ics, md, json"):
        export("pdf", schedule, ExportOptions())


def test_importing_the_export_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, smmplan.export; "
        "print(sorted({'icalendar', 'babel', 'jinja2'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
