"""`smmplan schema`: the JSON Schema editors use accepts what the loader accepts.

Editors read YAML 1.2, where `2026-12-01` is text and `1` a number; the test reads calendars the
same way (PyYAML without its YAML 1.1 timestamps).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from smmplan.cli import app

ROOT = Path(__file__).parent.parent
INVALID = Path(__file__).parent / "cases" / "invalid"
# Invalid cases whose problem is the shape of the file, which a schema can see.
SCHEMA_ERRORS = [
    "01-unknown-key",
    "02-wrong-types",
    "03-missing-required",
    "04-bad-version",
    "06-bad-time",
    "11-unquoted-hashtag",
    "18-empty-file",
    "27-error-in-fragment",
    "47-bad-enum-values",
    "51-unquoted-hashtag-list-item",
]


class _Yaml12(yaml.SafeLoader):
    """Dates stay text, as in the YAML 1.2 core schema editors use."""


_Yaml12.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _schema(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


@pytest.fixture(scope="module")
def validators() -> dict[bool, jsonschema.Draft202012Validator]:
    return {
        fragment: jsonschema.Draft202012Validator(_schema(*(["--fragment"] if fragment else [])))
        for fragment in (False, True)
    }


def _errors(validators: dict[bool, Any], file: Path) -> list[str]:
    data = yaml.load(file.read_bytes(), Loader=_Yaml12)  # noqa: S506 (a safe loader)
    validator = validators[file.name.startswith("_")]
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


EXAMPLES = sorted(
    [*ROOT.glob("calendars/*.yaml"), *(Path(__file__).parent / "cases" / "valid").rglob("*.yaml")]
)


@pytest.mark.parametrize("file", EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in EXAMPLES])
def test_every_example_calendar_and_fragment_validates(
    validators: dict[bool, Any], file: Path
) -> None:
    assert _errors(validators, file) == []


@pytest.mark.parametrize("case", SCHEMA_ERRORS)
def test_invalid_cases_are_rejected(validators: dict[bool, Any], case: str) -> None:
    files = sorted((INVALID / case / "calendars").glob("*.yaml"))
    assert any(_errors(validators, file) for file in files)


def test_values_the_loader_reads_as_text_are_accepted(validators: dict[bool, Any]) -> None:
    calendar = {
        "smmplan": 1,
        "name": True,
        "id": 2026,
        "timezone": "Europe/Oslo",
        "channels": {
            "ig": {
                "network": "instagram",
                "limits": {"text": "500"},
                "slots": [{"days": "mon", "times": "9:30"}],
            }
        },
        "holidays": {"country": "NO"},
        "posts": [{"title": "Hi", "date": "2026-12-01", "budget": "40", "hashtags": "#a #b"}],
        "rules": {"disable": "W320", "max_days_without_post": 4},
    }
    assert list(validators[False].iter_errors(calendar)) == []
    calendar["smmplan"] = 2
    assert list(validators[False].iter_errors(calendar))


def test_the_schema_knows_the_lint_settings() -> None:
    schema = _schema()
    rules = schema["$defs"]["Rules"]["properties"]
    assert rules["max_days_without_post"]["default"] == 3
    assert rules["max_format_share"]["default"] == 0.6
    assert "W310" in json.dumps(rules["disable"])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "smmplan calendar"
    assert _schema("--fragment")["title"] == "smmplan calendar fragment"
