"""The JSON Schema of the calendar format for editors, generated from the loader's models.

The loader reads every scalar as text and the models parse it, so `smmplan: 1`, `id: 2026` or
`budget: "40"` are all fine; an editor sees YAML numbers and booleans instead. The generated
schema is widened to accept what the loader accepts.
"""

from __future__ import annotations

import json
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NUMBER_TEXT = r"^[0-9]+(\.[0-9]+)?$"


def json_schema(*, fragment: bool = False) -> dict[str, Any]:
    """The schema of a calendar file, or of an `include:` fragment."""
    from smmplan.load.schema import Calendar, Fragment

    model = Fragment if fragment else Calendar
    generated = model.model_json_schema()
    schema: dict[str, Any] = {"$schema": DIALECT, **_widen(generated)}
    schema["title"] = "smmplan calendar fragment" if fragment else "smmplan calendar"
    schema["description"] = (
        "An include fragment (_*.yaml) of an smmplan calendar"
        if fragment
        else "An smmplan content calendar, format version 1"
    )
    return schema


def json_schema_text(*, fragment: bool = False) -> str:
    return json.dumps(json_schema(fragment=fragment), ensure_ascii=False, indent=2) + "\n"


def _widen(node: Any) -> Any:
    if isinstance(node, list):
        return [_widen(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _widen(value) for key, value in node.items()}
    if "const" in node:
        # `smmplan: 1` is the text "1" to the loader and the number 1 to an editor.
        value = node.pop("const")
        node.pop("type", None)
        node["enum"] = [value, *_as_number(value)]
    kind = node.get("type")
    if kind == "string":
        node["type"] = ["string", "number", "boolean"]
    elif kind in ("integer", "number"):
        node["type"] = [kind, "string"]
        node["pattern"] = r"^[0-9]+$" if kind == "integer" else _NUMBER_TEXT
    return node


def _as_number(value: Any) -> list[Any]:
    if isinstance(value, str) and value.isdigit():
        return [int(value)]
    return []
