"""The rules and limits a user reads in docs/rules.md are the ones smmplan applies."""

from __future__ import annotations

import re
from pathlib import Path

from smmplan.lint.limits import LIMITS
from smmplan.lint.registry import code_of, rules
from smmplan.load.schema import Rules

DOCS = Path(__file__).parent.parent / "docs"
RULES_MD = (DOCS / "rules.md").read_text(encoding="utf-8")


def test_every_rule_has_a_section_and_a_row_in_codes_md() -> None:
    codes_md = (DOCS / "codes.md").read_text(encoding="utf-8")
    for rule in rules():
        code = code_of(rule)
        assert re.search(rf"^### {code} ", RULES_MD, re.MULTILINE), code
        assert f"| {code} | warning |" in codes_md, code


def test_every_setting_is_documented_with_its_default() -> None:
    for name, info in Rules.model_fields.items():
        if name != "disable":
            assert re.search(rf"^  {name}: {info.default:g} ", RULES_MD, re.MULTILINE), name


def test_the_limits_table_shows_the_figures_in_use() -> None:
    for network, limit in LIMITS.items():
        row = re.search(rf"^\| {network} \| (\d+) \|", RULES_MD, re.MULTILINE)
        assert row and int(row[1]) == limit.text, network
