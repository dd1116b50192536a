"""`smmplan explain CODE` and the SARIF rules' help: one text per documented code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.explain import explanations
from smmplan.problems import Code, Problem
from smmplan.report import as_sarif

ROOT = Path(__file__).parent.parent
DOCUMENTED = re.findall(
    r"^\| ([EW][0-9]{3}) \|", (ROOT / "docs" / "codes.md").read_text(encoding="utf-8"), re.M
)


def test_every_documented_code_and_every_code_of_smmplan_is_explained() -> None:
    assert len(DOCUMENTED) > 50
    assert set(DOCUMENTED) | {code.value for code in Code} <= set(explanations())
    assert set(explanations()) <= set(DOCUMENTED) | {code.value for code in Code}


@pytest.mark.parametrize("code", sorted(explanations()))
def test_each_explanation_has_meaning_examples_and_fix(code: str) -> None:
    found = explanations()[code]
    assert found.title and found.means and found.fix
    assert found.wrong != found.right
    if not found.right.startswith(("(", "smmplan ", "{%", "{{")):
        yaml.safe_load(found.right)  # the right example is valid YAML


def test_explain_prints_the_fix_plainly_into_a_pipe() -> None:
    result = CliRunner().invoke(app, ["explain", "E110"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("E110: Not a date\n")
    assert "Wrong:\n" in result.stdout and 'date: "10-08"' in result.stdout
    assert "\x1b[" not in result.stdout


def test_explain_takes_lower_case() -> None:
    result = CliRunner().invoke(app, ["explain", "e204"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("E204: ")


def test_an_unknown_code_exits_1_with_a_message() -> None:
    result = CliRunner().invoke(app, ["explain", "E999"])
    assert result.exit_code == 1
    assert "unknown code 'E999'" in result.output and "E204" in result.output


def test_sarif_rules_carry_the_explanation_and_spans_their_end() -> None:
    problems = [
        Problem("c.yaml", 9, 19, "error", "E140", "quote it", (9, 37)),
        Problem("c.yaml", 3, 1, "warning", "W320", "unfilled"),
    ]
    log = json.loads(as_sarif(problems))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["E140"]["fullDescription"]["text"] == explanations()["E140"].means
    assert "How to fix it" in rules["E140"]["help"]["text"]
    assert "```yaml" in rules["E140"]["help"]["markdown"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert regions[0] == {"startLine": 9, "startColumn": 19, "endLine": 9, "endColumn": 37}
    assert "endLine" not in regions[1]
