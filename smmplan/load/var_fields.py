"""`{{ vars.name }}` in hashtags, links and first comments, as in texts.

These fields are not templates: they are filled from `vars` before the schema reads them, so
`hashtags: ["{{ vars.tag }}"]` is checked as the hashtag it becomes. An unknown var is an
error at the value that names it.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from smmplan.load.positions import KeyPath, Located
from smmplan.problems import Code, Collector

FIELDS = frozenset({"hashtags", "link", "first_comment"})
_VAR = re.compile(r"\{\{\s*vars\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def fill_vars(located: Located, out: Collector) -> None:
    """Replace `{{ vars.x }}` in the fields above, in place; report unknown vars."""
    data = located.data
    if not isinstance(data, dict):
        return
    values = data.get("vars")
    known = values if isinstance(values, dict) else {}
    for key, value in data.items():
        if key != "vars":
            _walk(value, (key,), key in FIELDS, known, located, out)


def _walk(
    node: Any, path: KeyPath, inside: bool, known: dict[str, Any], loc: Located, out: Collector
) -> None:
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        here = (*path, key)
        if isinstance(value, str) and (inside or key in FIELDS) and "{{" in value:
            node[key] = _filled(value, here, known, loc, out)
        else:
            _walk(value, here, inside or key in FIELDS, known, loc, out)


def _filled(text: str, path: KeyPath, known: dict[str, Any], loc: Located, out: Collector) -> str:
    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in known and isinstance(known[name], (str, int, float)):
            return str(known[name])
        file, line, col = loc.at(path)
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
        hint = (
            f"; did you mean vars.{close[0]}?" if close else f"; add it under vars: ({name}: ...)"
        )
        out.add(file, line, col, Code.UNKNOWN_VAR, f"unknown var 'vars.{name}'{hint}")
        loc.cut.add(path)
        return match.group(0)

    return _VAR.sub(value_of, text)
