"""The calendar reference: every key described with an example, in editors and docs/reference.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from smmplan.cli import app

ROOT = Path(__file__).parent.parent


def _schema(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            found.append((f"{where}.{key}", prop))
        for key, value in node.items():
            found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += _properties(item, where)
    return found


@pytest.mark.parametrize("args", [[], ["--fragment"]])
def test_every_property_has_a_description_and_a_valid_example(args: list[str]) -> None:
    schema = _schema(*args)
    properties = _properties(schema)
    assert len(properties) > 60
    for where, prop in properties:
        assert prop.get("description"), f"{where} has no description"
        assert prop.get("examples"), f"{where} has no example"
        checker = jsonschema.Draft202012Validator({**prop, "$defs": schema.get("$defs", {})})
        for example in prop["examples"]:
            errors = [e.message for e in checker.iter_errors(example)]
            assert not errors, f"{where}: example {example!r} does not fit: {errors}"


def test_docs_reference_is_the_generated_one() -> None:
    result = CliRunner().invoke(app, ["schema", "--markdown"])
    assert result.exit_code == 0, result.output
    written = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert written == result.stdout, (
        "docs/reference.md is stale: run `smmplan schema --markdown > docs/reference.md`"
    )


def test_the_reference_covers_every_key_with_type_default_and_example() -> None:
    from smmplan.load import schema as models

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for name in ("Calendar", "Channel", "Slot", "Theme", "Draft", "Observance", "Rules"):
        model = getattr(models, name)
        for key in model.model_fields:
            rows = [line for line in text.splitlines() if line.startswith(f"| `{key}` |")]
            assert rows, f"{name}.{key} is missing from docs/reference.md"
            assert all(row.count("|") >= 6 for row in rows)
    assert "| `smmplan` | `1` | **required** | `1` |" in text
