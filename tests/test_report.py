"""Problem reports that CI systems read: JSON, GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.problems import Problem
from smmplan.report import as_github, as_json, as_sarif

# --today must win over SMMPLAN_TODAY, which .ci/run sets for a second run.
pytestmark = pytest.mark.dates

# The official OASIS schema (SARIF 2.1.0 errata01), see tests/schemas/README.md.
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
PROBLEMS = [
    Problem("calendars/a b.yaml", 3, 11, "error", "E112", "unknown time zone 'Mars/Base'"),
    Problem("calendars/café.yaml", 14, 7, "warning", "W316", "no media: add 'media:'\nnext"),
    Problem("/srv/repo/calendars/x.yaml", 1, 1, "warning", "W399", "a code from elsewhere"),
]
CALENDAR = """\
smmplan: 1
name: Shop
timezone: Europe/Madrid
period: {start: 2026-12-07, end: 2026-12-13}
channels:
  ig:
    network: instagram
    slots: [{days: daily, times: ["09:00"]}]
themes:
  - {name: Daily, days: daily, text: "Today is {{ post.date }}", format: text}
posts:
  - title: Launch
    date: 2026-12-08
    time: "12:00"
    status: approved
    format: photo
    text: "Launch day"
"""


def test_json_is_a_list_of_problem_objects() -> None:
    document = json.loads(as_json(PROBLEMS))
    assert [sorted(item) for item in document] == [
        ["code", "col", "level", "line", "message", "path"]
    ] * 3
    assert document[1]["message"] == "no media: add 'media:'\nnext"
    assert (document[0]["line"], document[0]["col"]) == (3, 11)


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (
            Problem("a,b:c.yaml", 2, 3, "warning", "W316", "50%: a, b\nc"),
            "::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=W316::50%25: a, b%0Ac\n",
        ),
        (
            Problem("a,b:c.yaml", 1, 2, "warning", "W301", "50% done\nnext"),
            "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=W301::50%25 done%0Anext\n",
        ),
    ],
)
def test_github_commands_escape_newlines_commas_and_colons(problem: Problem, expected: str) -> None:
    line = as_github([problem])
    assert line == expected


def test_sarif_is_valid_sarif_2_1_0() -> None:
    log = json.loads(as_sarif(PROBLEMS))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["E112", "W316", "W399"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("E112", "error"),
        ("W316", "warning"),
        ("W399", "warning"),
    ]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "calendars/a%20b.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 11}
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///srv/repo/calendars/x.yaml"
    }


def test_sarif_with_no_problems_is_valid() -> None:
    log = json.loads(as_sarif([]))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_validate_prints_lint_findings_in_every_format(repo: Path) -> None:
    code, text = run("validate", "--today", "2026-12-01")
    assert code == 0
    assert text.splitlines() == [
        "calendars/shop.yaml:6:3: warning W315 7 of 8 posts on channel 'ig' are 'text' "
        "(88%; max_format_share: 0.6)",
        "calendars/shop.yaml:12:5: warning W316 'Launch' is a photo post on channel 'ig' on "
        "2026-12-08, 'approved', without media: add 'media:' or change its 'format'",
    ]
    code, sarif = run("validate", "--today", "2026-12-01", "--format", "sarif", "--strict")
    assert code == 1
    log = json.loads(sarif)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert len(log["runs"][0]["results"]) == len(text.splitlines())
    code, github = run("validate", "--today", "2026-12-01", "--format", "github")
    assert github.startswith("::warning file=calendars/shop.yaml,line=")


def test_today_decides_the_date_rules(repo: Path) -> None:
    pending = (repo / "calendars" / "shop.yaml").read_text().replace("approved", "review")
    (repo / "calendars" / "shop.yaml").write_text(pending)
    assert "W317" in run("validate", "--today", "2026-12-07")[1]
    assert "W317" not in run("validate", "--today", "2026-12-05")[1]
    assert "W318" in run("validate", "--today", "2026-12-09")[1]
    assert run("validate", "--today", "9 December")[0] == 2
