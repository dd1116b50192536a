"""docs/ci.md's editor settings use patterns the YAML extension reads.

The YAML language server (redhat-developer/yaml-language-server, FilePatternAssociation)
turns a `yaml.schemas` pattern into a regular expression with `convertSimple2RegExpPattern`:
every special character is escaped and `*` becomes `.*`; the expression is anchored at the end
of the file's URI only. A modeline (`# yaml-language-server: $schema=...`) takes priority over
the settings. This test applies that rule to the documented settings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DOC = (Path(__file__).parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
WORDS = " ".join(DOC.split())


def _extension_regex(pattern: str) -> re.Pattern[str]:
    """The language server's rule, ported: escape specials, `*` is `.*`, anchored at the end."""
    escaped = re.sub(r"[\-\\{}+?|^$.,\[\]()#\s]", lambda m: "\\" + m.group(), pattern)
    return re.compile(escaped.replace("*", ".*") + "$")


def _settings() -> dict[str, list[str]]:
    block = re.search(r"```json\n(\{\n  \"yaml.schemas\".*?)```", DOC, re.S)
    assert block, "docs/ci.md has no yaml.schemas example"
    schemas: dict[str, list[str]] = json.loads(block.group(1))["yaml.schemas"]
    return schemas


def _schemas_for(uri: str) -> list[str]:
    return [
        schema
        for schema, patterns in _settings().items()
        if any(_extension_regex(p).search(uri) for p in patterns)
    ]


def test_a_calendar_gets_the_calendar_schema() -> None:
    for name in ("casa-cafe.yaml", "delhi.yml"):
        assert _schemas_for(f"file:///home/ana/repo/calendars/{name}") == [".smmplan.schema.json"]


def test_a_documented_pattern_uses_only_what_the_extension_reads() -> None:
    for patterns in _settings().values():
        for pattern in patterns:
            assert not re.search(r"[\[\]!?{}]", pattern), pattern


def test_fragments_are_told_to_carry_the_modeline_which_wins_over_settings() -> None:
    assert "$schema=../.smmplan-fragment.schema.json` at the top of each fragment" in WORDS
    assert _schemas_for("file:///repo/calendars/_christmas.yaml") == [".smmplan.schema.json"]
    assert "the line wins over the settings" in WORDS
