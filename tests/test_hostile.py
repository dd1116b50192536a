"""Hostile input beyond the corpus: warnings, bounds, the environment, text and file safety.

The positioned errors of each attack live in tests/cases/hostile/ (run by test_cases.py); the
tests here need generated inputs, several runs, or look at the files a build writes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from calendars_for_tests import (
    calendar,
    line_of,
    plan_text,
    posts_of,
    run_in,
    schedule_of,
    write_repo,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from smmplan.export import ExportOptions, export
from smmplan.load.recurrence import rrule_dates

SECRET = "s3cr3t-token-from-the-ci-environment"
CHANNELS = """\
channels:
  ig:
    network: instagram
    slots:
      - {days: [daily], times: ["09:30"]}
"""


def _run(root: Path, *args: str) -> tuple[int, str]:
    code, output = run_in(root, *args)
    assert "Traceback" not in output, output
    return code, output


# YAML --------------------------------------------------------------------------------------


def test_text_cut_by_a_comment_is_a_warning_at_the_hash_that_says_to_quote(tmp_path: Path) -> None:
    text = calendar(CHANNELS + "themes:\n  - {name: Daily, days: [daily], text: x}\n")
    text += "posts:\n  - title: Launch\n    date: 2026-12-02\n    text: Big news #launch\n"
    write_repo(tmp_path, text, name="shop.yaml")
    line = line_of(text, "Big news")
    col = text.splitlines()[line - 1].index("#") + 1
    code, output = _run(tmp_path, "validate", "--from", "2026-12-01", "--to", "2026-12-03")
    assert code == 0, output
    assert f"calendars/shop.yaml:{line}:{col}: warning W305" in output
    assert "quote the whole value" in output
    strict, _ = _run(tmp_path, "validate", "--strict", "--from", "2026-12-01", "--to", "2026-12-03")
    assert strict == 1


def test_a_file_over_one_mebibyte_is_refused_at_its_start(tmp_path: Path) -> None:
    text = calendar(CHANNELS) + "vars:\n" + "".join(f"  v{i}: {'x' * 60}\n" for i in range(17000))
    assert len(text.encode()) > 1024 * 1024
    write_repo(tmp_path, text, name="shop.yaml")
    code, output = _run(tmp_path, "validate")
    assert code == 1
    assert "calendars/shop.yaml:1:1: error E107" in output


def test_block_nesting_deeper_than_the_bound_is_refused_where_it_goes_too_deep(
    tmp_path: Path,
) -> None:
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + f"{'  ' * 40}leaf: x\n"
    text = calendar(CHANNELS) + "vars:\n" + "".join(f"  {line}\n" for line in deep.splitlines())
    write_repo(tmp_path, text, name="shop.yaml")
    code, output = _run(tmp_path, "validate")
    assert code == 1
    assert "error E107" in output
    line = int(output.split("calendars/shop.yaml:")[1].split(":")[0])
    assert line > line_of(text, "vars:") + 25  # at the over-deep key, not at the file's start


# Templates ----------------------------------------------------------------------------------

ESCAPES = [
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].environ }}",
    "{{ config.items() }}",
    "{{ request.environ }}",
    "{{ range.__self__.env }}",
    "{{ vars.__class__.__init__.__globals__ }}",
    "{{ post.items.__self__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ (0).__class__.__base__.__subclasses__() }}",
    "{{ calendar.vars.get.__self__ }}",
    "{{ day.names.__class__ }}",
    "{% for k in vars %}{{ k.__class__.__init__.__globals__ }}{% endfor %}",
    "{{ '{0.__class__.__init__.__globals__}'.format(vars) }}",
    "{{ '%s' % vars.__class__ }}",
    "{% include '/proc/self/environ' %}",
    "{% import '../../../proc/self/environ' as e %}",
]


@pytest.mark.parametrize("attempt", ESCAPES)
def test_templates_never_reach_the_process_environment(
    tmp_path: Path, attempt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TEST_SECRET", SECRET)
    text = calendar(
        CHANNELS + "vars: {promo: XMAS10}\n", period="{start: 2026-12-01, end: 2026-12-01}"
    )
    text += f"posts:\n  - title: Probe\n    date: 2026-12-01\n    text: {json.dumps(attempt)}\n"
    write_repo(tmp_path, text, name="shop.yaml")
    code, output = _run(tmp_path, "build", "--format", "json", "-o", "-")
    assert SECRET not in output
    assert code == 1, output
    assert f"calendars/shop.yaml:{line_of(text, 'text:')}:" in output


def test_everything_a_template_can_see_holds_no_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TEST_SECRET", SECRET)
    text = calendar(
        CHANNELS + "vars: {promo: XMAS10}\n", period="{start: 2026-12-01, end: 2026-12-01}"
    )
    dump = "{{ post }} {{ calendar }} {{ vars }} {{ day }} {{ post|list }} {{ range(3)|list }}"
    text += f"posts:\n  - title: Probe\n    date: 2026-12-01\n    text: {json.dumps(dump)}\n"
    write_repo(tmp_path, text, name="shop.yaml")
    code, output = _run(tmp_path, "build", "--format", "json", "-o", "-")
    assert code == 0, output
    assert "XMAS10" in output
    assert SECRET not in output
    assert "SMMPLAN_TEST_SECRET" not in output


def test_a_symlink_to_the_process_environment_does_not_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TEST_SECRET", SECRET)
    text = calendar(CHANNELS, period="{start: 2026-12-01, end: 2026-12-01}")
    text += "posts:\n  - title: Probe\n    date: 2026-12-01\n    template: shared/env.j2\n"
    write_repo(tmp_path, text, name="shop.yaml")
    (tmp_path / "templates" / "shared").mkdir()
    (tmp_path / "templates" / "shared" / "env.j2").symlink_to("/proc/self/environ")
    (tmp_path / "templates" / "up.j2").symlink_to(tmp_path / "calendars" / "shop.yaml")
    code, output = _run(tmp_path, "build", "--out", "out")
    assert code == 1
    assert SECRET not in output
    assert "leads outside templates/" in output
    assert not (tmp_path / "out").exists()


# Text ---------------------------------------------------------------------------------------

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\n", "\0"]


def _one_post_schedule(tmp_path: Path):  # type: ignore[no-untyped-def]
    text = calendar(CHANNELS, period="{start: 2026-12-01, end: 2026-12-01}")
    text += "posts:\n  - {title: Probe, date: 2026-12-01, text: hello}\n"
    return schedule_of(plan_text(tmp_path, text))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
@pytest.mark.parametrize("field", ["title", "text", "owner", "campaign", "account", "link"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    tmp_path: Path, start: str, field: str
) -> None:
    schedule = _one_post_schedule(tmp_path)
    value = f'{start}HYPERLINK("https://evil.example")'
    schedule = replace(schedule, posts=[replace(schedule.posts[0], **{field: value})])
    safe = export("csv", schedule, ExportOptions(csv_safe=True)).decode("utf-8")
    row = next(csv.DictReader(io.StringIO(safe, newline="")))
    assert row[field] == "'" + value
    raw = export("csv", schedule, ExportOptions(csv_safe=False)).decode("utf-8")
    assert next(csv.DictReader(io.StringIO(raw, newline="")))[field] == value


def test_csv_formulas_typed_in_a_calendar_are_neutralised_in_the_built_file(tmp_path: Path) -> None:
    text = calendar(
        CHANNELS.replace("network: instagram", 'network: instagram\n    account: "@shop"'),
        period="{start: 2026-12-01, end: 2026-12-01}",
    )
    text += (
        'posts:\n  - {title: "=1+1", date: 2026-12-01, text: "+cmd|calc", owner: "-2",'
        ' campaign: "\\tx"}\n'
    )
    write_repo(tmp_path, text, name="shop.yaml")
    code, output = _run(tmp_path, "build", "--format", "csv", "-o", "plan.csv")
    assert code == 0, output
    row = next(csv.DictReader(io.StringIO((tmp_path / "plan.csv").read_text(), newline="")))
    assert (row["title"], row["text"], row["owner"]) == ("'=1+1", "'+cmd|calc", "'-2")
    assert (row["account"], row["campaign"]) == ("'@shop", "'\tx")


SCRIPTS = {
    "emoji": "Coffee ☕ time 👩🏽‍💻 with family 👨‍👩‍👧‍👦 and flags 🇪🇸🇳🇱",
    "cjk": "東京のカフェで新しいブレンドを発売します。한국어 텍스트도 있습니다。中文内容",
    "devanagari": "नमस्ते दिल्ली! आज की ताज़ा रोटी और मिठाई, हिन्दी में लंबा संदेश",
    "greek": "Καλημέρα! Ο καφές της ημέρας είναι έτοιμος, ελάτε να τον δοκιμάσετε",
    "combining": "Cafe\u0301 man\u0303ana, n\u0303, a\u0308\u0301\u0323, Z\u0335\u0327a\u0336lgo",
    "escapes": "semi; colon: comma, back\\slash and a\nnew line",
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_ics_escapes_and_folds_every_script_and_reads_back_the_same(
    tmp_path: Path, script: str
) -> None:
    body = SCRIPTS[script] * 3  # long enough to fold several times
    text = calendar(CHANNELS, period="{start: 2026-12-01, end: 2026-12-01}")
    title, body_yaml = (json.dumps(t, ensure_ascii=False) for t in (body[:40], body))
    text += f"posts:\n  - id: probe\n    title: {title}\n    date: 2026-12-01\n"
    text += f"    text: {body_yaml}\n"
    schedule = schedule_of(plan_text(tmp_path, text))
    data = export("ics", schedule, ExportOptions())
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character's bytes
    event = next(iter(Calendar.from_ical(data).walk("VEVENT")))
    assert str(event["DESCRIPTION"]).startswith(schedule.posts[0].text)
    assert schedule.posts[0].text == body
    assert str(event["SUMMARY"]) == f"[ig] {body[:40]}"


# Time ---------------------------------------------------------------------------------------


def test_dst_gap_moves_forward_with_a_warning_and_overlap_takes_the_first(tmp_path: Path) -> None:
    text = calendar(
        CHANNELS.replace('"09:30"', '"02:30"'),
        period="{start: 2026-03-29, end: 2026-03-29}",
    )
    text += "themes:\n  - {name: Daily, days: [daily], text: hi}\n"
    gap = plan_text(tmp_path / "gap", text)
    assert [p.code for p in gap.problems] == ["W302"]
    assert gap.problems[0].line == line_of(text, '"02:30"')
    assert [(p.time, p.utc) for p in posts_of(gap)] == [("03:30", "2026-03-29T01:30:00Z")]
    overlap = plan_text(tmp_path / "overlap", text, "2026-10-25", "2026-10-25")
    assert not overlap.problems
    assert [(p.time, p.utc) for p in posts_of(overlap)] == [("02:30", "2026-10-25T00:30:00Z")]


def _every_day(first: str, last: str) -> list[str]:
    """Every date from `first` to `last`, both included."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


FAR_RULES = [
    # (rrule, start:, window start, window end, dates in the window)
    # The dates are written out where dateutil takes seconds to walk from the anchor to the
    # window (the anchor centuries before it, or the window past year 9000); checked once
    # against dateutil's rrulestr(...).between(...). None: dateutil is asked in the test.
    ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "2026-01-01", "9990-01-01", "9992-12-31", ["9992-12-28"]),
    ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "2026-01-01", "2027-01-01", "2029-12-31", None),
    (
        "FREQ=DAILY;COUNT=999999999",
        "0001-01-01",
        "2026-12-01",
        "2026-12-31",
        _every_day("2026-12-01", "2026-12-31"),
    ),
    (
        "FREQ=DAILY;COUNT=999999999",
        "0001-01-01",
        "9997-01-01",
        "9999-12-31",
        _every_day("9997-01-01", "9999-12-31"),
    ),
    (
        "FREQ=DAILY",
        "0001-01-01",
        "2026-01-01",
        "2028-12-31",
        _every_day("2026-01-01", "2028-12-31"),
    ),
    ("FREQ=MONTHLY;BYMONTH=2", "2026-01-31", "2026-01-01", "2028-12-31", None),
    (
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
        "2025-01-01",
        "2026-01-01",
        "2028-12-31",
        None,
    ),
    ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU;COUNT=5", "0001-01-02", "9000-01-01", "9002-12-31", []),
]


@pytest.mark.slow
@pytest.mark.parametrize("rule,start,first,last,dates", FAR_RULES)
def test_every_recurrence_ends_even_when_it_stops_matching(
    tmp_path: Path, rule: str, start: str, first: str, last: str, dates: list[str] | None
) -> None:
    """A subprocess guard: before the fix, rules like these walked dateutil to year 9999."""
    text = calendar(CHANNELS + "themes:\n  - {name: Daily, days: [daily], text: hi}\n")
    text += f'posts:\n  - title: Rule\n    rrule: "{rule}"\n    start: {start}\n    time: "12:00"\n'
    text += "    text: ruled\n"
    write_repo(tmp_path, text, name="shop.yaml")
    command = [sys.executable, "-m", "smmplan", "build", "--from", first, "--to", last]
    result = subprocess.run(
        [*command, "--format", "json", "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    written = json.loads(next((tmp_path / "out").rglob("*.json")).read_text())
    found = sorted({p["date"] for p in written["posts"] if p["source_id"] == "rule"})
    if dates is None:
        window = (date.fromisoformat(first), date.fromisoformat(last))
        anchor = date.fromisoformat(start)
        expected = [d.isoformat() for d in _dateutil_dates(rule, anchor, *window)]
    else:
        expected = dates
    assert found == expected


def _run_guarded(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """smmplan in a subprocess that may not run longer than 20 s (a hang guard, not a timing)."""
    return subprocess.run(
        [sys.executable, "-m", "smmplan", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


@pytest.mark.slow
def test_rules_that_never_match_are_refused_at_once_where_they_are_written(
    tmp_path: Path,
) -> None:
    rules = ["FREQ=DAILY;BYMONTH=1;BYYEARDAY=366", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6"]
    channels = "".join(
        f'  c{i}:\n    network: other\n    slots:\n      - {{rrule: "{rule}", times: ["09:00"]}}\n'
        for i, rule in enumerate(rules * 4)
    )
    text = calendar("channels:\n" + channels, period="{start: 2026-01-01, end: 2028-12-31}")
    write_repo(tmp_path, text, name="shop.yaml")
    result = _run_guarded(tmp_path, "build", "--out", "out")
    assert result.returncode == 1, result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if " error E113 " in line]
    assert len(lines) == 8
    assert all("never matches" in line for line in lines)
    assert f"calendars/shop.yaml:{line_of(text, 'BYYEARDAY')}:" in lines[0]


@pytest.mark.slow
def test_rules_whose_start_makes_them_never_match_end_quickly_with_no_dates(
    tmp_path: Path,
) -> None:
    drafts = "".join(
        f'  - {{id: d{i}, rrule: "FREQ=MONTHLY;BYMONTH=2", start: 2026-01-31, time: "12:00",'
        f" text: never}}\n"
        for i in range(24)
    )
    text = calendar(CHANNELS, period="{start: 2026-01-01, end: 2028-12-31}")
    write_repo(tmp_path, text + "posts:\n" + drafts, name="shop.yaml")
    result = _run_guarded(tmp_path, "build", "--format", "json", "--out", "out")
    assert result.returncode == 0, result.stderr
    written = json.loads(next((tmp_path / "out").rglob("*.json")).read_text())
    assert written["posts"] == []


def test_a_calendar_with_too_many_slots_in_its_window_stops_at_once_with_a_message(
    tmp_path: Path,
) -> None:
    every_minute = ", ".join(f'"{h:02d}:{m:02d}"' for h in range(24) for m in range(60))
    channels = "".join(
        f"  c{i}:\n    network: other\n    slots: [{{days: [daily], times: [{every_minute}]}}]\n"
        for i in range(10)
    )
    text = calendar("channels:\n" + channels, period="{start: 2026-12-01, end: 2026-12-15}")
    write_repo(
        tmp_path, text + "themes:\n  - {name: T, days: [daily], text: hi}\n", name="shop.yaml"
    )
    result = _run_guarded(tmp_path, "build", "--out", "out")
    assert result.returncode == 1, result.stderr
    assert "more than 200,000 slots" in result.stderr
    assert f"calendars/shop.yaml:{line_of(text, '  c9:') + 1}:5: error E107" in result.stderr
    assert not (tmp_path / "out").exists()


def _dateutil_dates(rule: str, anchor: date, first: date, last: date) -> list[date]:
    """dateutil's own answer, walked from the anchor (quick for anchors near the window)."""
    from dateutil.rrule import rrulestr

    parsed = rrulestr(rule, dtstart=datetime.combine(anchor, datetime.min.time()))
    found = parsed.between(
        datetime.combine(first, datetime.min.time()),
        datetime.combine(last, datetime.min.time()),
        inc=True,
    )
    return [moment.date() for moment in found]


RULES = st.sampled_from(
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=WEEKLY;BYDAY=MO,TH",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "FREQ=WEEKLY;INTERVAL=5",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=7;BYDAY=-1FR",
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
        "FREQ=MONTHLY",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;INTERVAL=3;BYWEEKNO=1,53;BYDAY=SU",
        "FREQ=YEARLY;BYYEARDAY=-1,100",
        "FREQ=DAILY;COUNT=40",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA;COUNT=300",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE;COUNT=900",
        "FREQ=YEARLY;COUNT=1000",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    rule=RULES,
    anchor=st.dates(date(1000, 1, 1), date(2100, 12, 31)),
    offset=st.integers(-400, 60000),
    length=st.integers(0, 1000),
)
def test_bounded_expansion_gives_exactly_dateutils_dates(
    rule: str, anchor: date, offset: int, length: int
) -> None:
    """Moving anchor and window by whole 400-year cycles changes no date."""
    _assert_same_as_dateutil(rule, anchor, offset, length)


@pytest.mark.slow
@settings(max_examples=12, deadline=None)
@given(
    rule=RULES,
    anchor=st.dates(date(1000, 1, 1), date(1200, 12, 31)),
    offset=st.integers(146097, 2 * 146097 + 800),  # one to two cycles: the anchor moves
    length=st.integers(0, 400),
)
def test_bounded_expansion_from_an_anchor_cycles_away_gives_dateutils_dates(
    rule: str, anchor: date, offset: int, length: int
) -> None:
    """Moving a far anchor forward by whole cycles (COUNT less their dates) changes no date."""
    _assert_same_as_dateutil(rule, anchor, offset, length)


def _assert_same_as_dateutil(rule: str, anchor: date, offset: int, length: int) -> None:
    from dateutil.rrule import rrulestr

    first = anchor + timedelta(days=offset)
    last = first + timedelta(days=length)
    midnight = datetime.min.time()
    parsed = rrulestr(rule, dtstart=datetime.combine(anchor, midnight))
    expected = [
        moment.date()
        for moment in parsed.between(
            datetime.combine(first, midnight), datetime.combine(last, midnight), inc=True
        )
    ]
    assert rrule_dates(rule, anchor, first, last) == expected


# Files --------------------------------------------------------------------------------------


def _good(name: str) -> str:
    text = calendar(CHANNELS, period="{start: 2026-12-01, end: 2026-12-03}")
    return (
        text.replace("id: test", f"id: {name}")
        + "themes:\n  - {name: D, days: [daily], text: ok}\n"
    )


def test_a_build_that_fails_in_its_last_calendar_leaves_earlier_files_untouched(
    tmp_path: Path,
) -> None:
    write_repo(tmp_path, _good("a-first"), name="a-first.yaml")
    write_repo(tmp_path, _good("z-last"), name="z-last.yaml")
    code, output = _run(tmp_path, "build", "--format", "csv,ics,md,json")
    assert code == 0, output
    before = {p: p.read_bytes() for p in (tmp_path / "build").rglob("*") if p.is_file()}
    assert len(before) == 8 + 2  # and a manifest per calendar folder
    broken = _good("z-last").replace("text: ok", "text: '{{ vars.missing }}'")
    broken = broken.replace("2026-12-03", "2026-12-04")  # a new window: new files would appear
    (tmp_path / "calendars" / "z-last.yaml").write_text(broken, encoding="utf-8")
    (tmp_path / "calendars" / "a-first.yaml").write_text(
        _good("a-first").replace("text: ok", "text: changed"), encoding="utf-8"
    )
    code, output = _run(tmp_path, "build", "--format", "csv,ics,md,json")
    assert code == 1
    assert "E132" in output
    after = {p: p.read_bytes() for p in (tmp_path / "build").rglob("*") if p.is_file()}
    assert after == before
    assert not list((tmp_path / "build").rglob("*.tmp"))


def test_a_write_that_fails_midway_leaves_no_new_and_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, _good("a-first"), name="a-first.yaml")
    write_repo(tmp_path, _good("z-last"), name="z-last.yaml")
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    code, output = _run(tmp_path, "build", "--format", "csv,ics,md,json")
    assert code == 1, output
    assert output.count("No space left on device") == 1
    files = [p for p in (tmp_path / "build").rglob("*") if p.is_file()]
    assert files == [], files


def test_a_move_into_place_that_fails_puts_back_the_files_already_moved(tmp_path: Path) -> None:
    write_repo(tmp_path, _good("a-first"), name="a-first.yaml")
    write_repo(tmp_path, _good("z-last"), name="z-last.yaml")
    code, output = _run(tmp_path, "build", "--format", "csv,md")
    assert code == 0, output
    before = {p: p.read_bytes() for p in (tmp_path / "build").rglob("*") if p.is_file()}
    # The last file to be moved cannot be: a folder stands where it should go.
    last = max(before)
    last.unlink()
    last.mkdir()
    del before[last]
    for name in ("a-first", "z-last"):
        changed = _good(name).replace("text: ok", "text: changed")
        (tmp_path / "calendars" / f"{name}.yaml").write_text(changed, encoding="utf-8")
    code, output = _run(tmp_path, "build", "--format", "csv,md")
    assert code == 1, output
    assert f"cannot write {last.relative_to(tmp_path)}" in output
    after = {p: p.read_bytes() for p in (tmp_path / "build").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in (tmp_path / "build").rglob(".*") if p.name != ".smmplan-files"]


def test_dash_o_refuses_a_file_smmplan_did_not_write_unless_forced(tmp_path: Path) -> None:
    write_repo(tmp_path, _good("shop"), name="shop.yaml")
    notes = tmp_path / "notes.csv"
    notes.write_text("my own notes, not a plan\n", encoding="utf-8")
    code, output = _run(tmp_path, "build", "--format", "csv", "-o", "notes.csv")
    assert code == 2
    assert "not written by smmplan" in output and "--force" in output
    assert notes.read_text(encoding="utf-8") == "my own notes, not a plan\n"
    code, output = _run(tmp_path, "build", "--format", "csv", "-o", "notes.csv", "--force")
    assert code == 0, output
    assert notes.read_text(encoding="utf-8").startswith("date,time,timezone,utc,")
    # Its own output it replaces without --force.
    code, output = _run(tmp_path, "build", "--format", "csv", "-o", "notes.csv")
    assert code == 0, output
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
