"""A post over its network's limits is reported once: as E508 where a declared scheduler would
upload it (the upload would fail), as lint's W310/W311 everywhere else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from calendars_for_tests import calendar, write_repo

from smmplan.pipeline import plan_one

LONG = "word " * 70  # 350 characters: over X's 280 and Bluesky's 300
TAGS = " ".join(f"#tag{n}" for n in range(12))  # over Instagram's 5 hashtags


def _problems(tmp_path: Path, status: str) -> list[tuple[str, str]]:
    text = calendar(
        f"""\
        rules: {{disable: [W314, W320]}}
        channels:
          x: {{network: x, scheduler: buffer, slots: [{{days: [mon], times: ["09:00"]}}]}}
          bsky: {{network: bluesky, slots: [{{days: [mon], times: ["09:00"]}}]}}
          ig: {{network: instagram, scheduler: buffer, slots: [{{days: [mon], times: ["09:00"]}}]}}
        posts:
          - {{title: Long, date: 2027-03-02, time: "10:00", channels: [x, bsky], text: "{LONG}",
              status: {status}}}
          - {{title: Tagged, date: 2027-03-03, time: "10:00", channels: [ig], text: "{TAGS}",
              status: {status}}}
        """,
        period="{start: 2027-03-01, end: 2027-03-07}",
    )
    planned = plan_one(write_repo(tmp_path, text), None, lint=True, today=date(2027, 2, 1))
    return sorted(
        (problem.code, problem.message.split(" has ")[0].split(" is ")[0])
        for problem in planned.problems
        if problem.code in ("E508", "W310", "W311")
    )


def test_a_post_a_declared_scheduler_would_upload_gets_one_error_not_a_warning_too(
    tmp_path: Path,
) -> None:
    found = _problems(tmp_path, "draft")
    assert [code for code, _ in found] == ["E508", "E508", "W310"]
    assert "(channel 'x')" in found[0][1] + found[1][1]
    assert "(channel 'ig')" in found[0][1] + found[1][1]
    assert "on channel 'bsky'" in found[2][1]  # no scheduler there: lint says it


def test_a_post_the_scheduler_would_not_upload_is_still_linted(tmp_path: Path) -> None:
    """A published post is not uploaded again, so no E508; the network's limits still hold."""
    found = _problems(tmp_path, "published")
    assert [code for code, _ in found] == ["W310", "W310", "W311"]
