"""Hypothesis over generated calendars: outputs are byte-identical run to run, and the ICS a
calendar app reads back holds exactly the schedule's posts and days."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from calendars_for_tests import run_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

pytestmark = pytest.mark.slow

ZONES = ["Europe/Madrid", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
FORMATS = ("csv", "ics", "md", "json")
# Post text in any script, without the control characters that validation refuses.
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="{}%#"),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip())


@st.composite
def calendars(draw: st.DrawFn) -> tuple[str, date, date]:
    """A calendar text with channels, themes, drafts and observances, and a build window."""
    start = draw(st.dates(date(2026, 1, 1), date(2027, 12, 1)))
    end = start + timedelta(days=draw(st.integers(0, 40)))
    lines = [
        "smmplan: 1",
        "id: gen",
        "name: Generated",
        f"timezone: {draw(st.sampled_from(ZONES))}",
        f"period: {{start: {start}, end: {end}}}",
        "channels:",
    ]
    keys = [f"c{i}" for i in range(draw(st.integers(1, 3)))]
    for key in keys:
        days = draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True))
        times = draw(
            st.lists(
                st.sampled_from(["06:00", "09:30", "12:15", "18:00", "23:45"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        lines += [
            f"  {key}:",
            f"    network: {draw(st.sampled_from(['instagram', 'x', 'other']))}",
            f"    timezone: {draw(st.sampled_from(ZONES))}",
            f"    slots: [{{days: [{', '.join(days)}], times: {json.dumps(times)}}}]",
        ]
    lines.append("themes:")
    for index, day in enumerate(DAYS):
        text = json.dumps(draw(TEXT), ensure_ascii=False)
        lines.append(f"  - {{id: t{index}, name: Theme {index}, days: [{day}], text: {text}}}")
    lines += ["holidays:", "  observances:"]
    for index in range(draw(st.integers(1, 2))):
        day = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        lines.append(f"    - {{id: o{index}, name: Day {index}, date: {day}, text: celebrate}}")
    drafts = []
    for index in range(draw(st.integers(0, 3))):
        day = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        text = json.dumps(draw(TEXT), ensure_ascii=False)
        drafts.append(f'  - {{id: d{index}, date: {day}, time: "1{index}:07", text: {text}}}')
    if drafts:
        lines += ["posts:", *drafts]
    return "\n".join(lines) + "\n", start, end


def _build(root: Path, out: str) -> tuple[int, str]:
    # No cache: each build renders, so two builds compare two renderings, not one and a copy.
    return run_in(root, "build", "--format", ",".join(FORMATS), "--out", out, "--no-cache")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")  # not the build's manifest
    }


def _utc(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_outputs_are_identical_run_to_run_and_the_ics_reads_back_as_the_schedule(
    case: tuple[str, date, date],
) -> None:
    text, start, end = case
    with tempfile.TemporaryDirectory(prefix="smmplan-prop-out-") as folder:
        root = Path(folder)
        (root / "calendars").mkdir()
        (root / "calendars" / "gen.yaml").write_text(text, encoding="utf-8")
        first_code, output = _build(root, "one")
        second_code, _ = _build(root, "two")
        assert first_code == second_code == 0, output
        one, two = _files(root / "one"), _files(root / "two")
        assert sorted(Path(name).suffix for name in one) == sorted(f".{f}" for f in FORMATS)
        assert one == two

        schedule = json.loads(next(v for k, v in one.items() if k.endswith(".json")))
        posts = schedule["posts"]
        assert len({p["id"] for p in posts}) == len(posts)
        assert all(start.isoformat() <= p["date"] <= end.isoformat() for p in posts)

        ics = Calendar.from_ical(next(v for k, v in one.items() if k.endswith(".ics")))
        events = list(ics.walk("VEVENT"))
        timed = {str(e["UID"]): e for e in events if isinstance(e.decoded("DTSTART"), datetime)}
        assert sorted(timed) == sorted(f"{p['id']}@smmplan" for p in posts)
        for post in posts:
            event = timed[f"{post['id']}@smmplan"]
            assert event.decoded("DTSTART") == _utc(post["utc"])
            assert str(event["SUMMARY"]) == f"[{post['channel']}] {post['title']}"
            assert str(event["DESCRIPTION"]).startswith(post["text"])
        all_day = sorted(
            (e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]))
            for e in events
            if not isinstance(e.decoded("DTSTART"), datetime)
        )
        assert [day for day, _ in all_day] == sorted(d["date"] for d in schedule["days"])
