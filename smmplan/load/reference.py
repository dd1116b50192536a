"""docs/reference.md: every key of the calendar format, made from the schema's descriptions.

`smmplan schema --markdown` prints it; a test fails when the file in docs/ is stale.
"""

from __future__ import annotations

import json
from typing import Any

_HEAD = """# Calendar reference

Every key of a calendar file, with its type, default and an example. This page is generated
from the schema (`smmplan schema --markdown > docs/reference.md`); the same descriptions and
examples appear in editors that read `smmplan schema` ([ci.md](ci.md#editors-the-json-schema)).
How values are read is in [format.md](format.md); problem codes in [codes.md](codes.md), and
`smmplan explain CODE` tells how to fix each one.
"""
_TITLES = {"Calendar": "The calendar", "Fragment": "An include fragment (`_*.yaml`)"}


def reference_markdown() -> str:
    """The whole reference page as Markdown."""
    from smmplan.load.schema import Calendar, Fragment

    sections: list[str] = [_HEAD]
    seen: set[str] = set()
    for root in (Calendar, Fragment):
        schema = root.model_json_schema()
        defs = schema.get("$defs", {})
        queue: list[tuple[str, dict[str, Any]]] = [(root.__name__, schema)]
        while queue:
            name, node = queue.pop(0)
            if name in seen:
                continue
            seen.add(name)
            sections.append(_section(name, node, _model(name)))
            queue += [(ref, defs[ref]) for ref in _refs(node) if ref not in seen]
    return "\n".join(sections)


def _model(name: str) -> Any:
    from smmplan.load import schema

    return getattr(schema, name)


def _section(name: str, node: dict[str, Any], model: Any) -> str:
    rows = [
        f"## {_TITLES.get(name, name)}",
        "",
        *([node["description"], ""] if "description" in node else []),
        "| key | type | default | example | meaning |",
        "|-----|------|---------|---------|---------|",
    ]
    for key, prop in node.get("properties", {}).items():
        field = model.model_fields[key]
        default = "**required**" if field.is_required() else _default(field)
        example = " or ".join(_code(value) for value in field.examples or [])
        rows.append(
            f"| `{key}` | {_type(prop)} | {default} | {example} | {_cell(prop['description'])} |"
        )
    return "\n".join(rows) + "\n"


def _refs(node: Any) -> list[str]:
    """Names of the models a schema node refers to, in order of appearance."""
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    if not isinstance(node, dict):
        return []
    found = [node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else []
    return found + [ref for key, value in node.items() if key != "$defs" for ref in _refs(value)]


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        kinds = [_type(option) for option in prop["anyOf"] if option.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "object":
        inner = prop.get("additionalProperties")
        return f"map of {_type(inner)}" if isinstance(inner, dict) and inner else "map"
    names = {"string": "text", "integer": "whole number", "boolean": "true/false"}
    if prop.get("format") == "date":
        return "date"
    if "pattern" in prop and ":" in prop["pattern"]:
        return "time"
    return names.get(str(kind), "value")


def _default(field: Any) -> str:
    from pydantic import BaseModel

    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "`{}`"
    if value is None:
        return "none"
    return "empty" if value == "" else _code(value)


def _code(value: Any) -> str:
    from decimal import Decimal

    plain = isinstance(value, str | Decimal)  # a weight of 1 shows as `1`, not `"1"`
    text = str(value) if plain else json.dumps(value, ensure_ascii=False)
    return f"`{_cell(text)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
