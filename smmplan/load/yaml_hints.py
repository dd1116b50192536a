"""YAML syntax errors a non-programmer can act on: what is wrong, at its line, what to write.

PyYAML reports where parsing broke, which is often a line after the real mistake and in
parser words ("mapping values are not allowed here"). These hints recognise the usual
mistakes of text copied from documents and name them at their own position.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from smmplan.problems import Code

# Spaces that look like a space but are not one to YAML (no-break, thin, ideographic, ...).
_ODD_SPACE = "[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]"
_ODD_AFTER_KEY = re.compile(rf"^[ ]*(?:- )*[^\s:#'\"][^:]*:({_ODD_SPACE})")
_ODD_INDENT = re.compile(rf"^[ ]*({_ODD_SPACE})")
_TAB_INDENT = re.compile(r"^[ ]*(\t)")
_KEY_VALUE = re.compile(r"^(?P<lead>[ ]*(?:- )*)(?P<key>[^\s:#'\"{\[][^:]*):[ ]+(?P<value>.+)$")


@dataclass(frozen=True)
class Hint:
    """A clearer problem in place of PyYAML's: position (1-based), code, message, span end."""

    line: int
    col: int
    code: Code
    message: str
    end: tuple[int, int] | None = None


def explain_yaml_error(lines: list[str], line: int, col: int, problem: str) -> Hint | None:
    """A hint for the YAML error at `line`:`col` (1-based), or None to keep PyYAML's words."""
    for finder in (_odd_space, _tab_indent):
        hint = finder(lines, line)
        if hint is not None:
            return hint
    if "mapping values are not allowed" in problem:
        return _colon_in_text(lines, line, col)
    return None


def _odd_space(lines: list[str], upto: int) -> Hint | None:
    """A no-break or other Unicode space after a key or in the indentation."""
    for number, text in enumerate(lines[:upto], start=1):
        match = _ODD_AFTER_KEY.match(text) or _ODD_INDENT.match(text)
        if match is None:
            continue
        char = match.group(1)
        col = match.start(1) + 1
        name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
        key = text[: match.start(1)].strip(" -")
        where = f"after '{key}'" if key else "in the indentation"
        return Hint(
            number,
            col,
            Code.YAML_ODD_SPACE,
            f"a {name} (U+{ord(char):04X}) {where}, often pasted from a document; YAML needs "
            "an ordinary space there: delete it and type a space",
            (number, col + 1),
        )
    return None


def _tab_indent(lines: list[str], upto: int) -> Hint | None:
    """A tab in a line's indentation (YAML indents with spaces only)."""
    for number, text in enumerate(lines[: upto + 1], start=1):
        match = _TAB_INDENT.match(text)
        if match is not None:
            col = match.start(1) + 1
            return Hint(
                number,
                col,
                Code.YAML_TAB,
                "a tab is used for indentation; YAML indents with spaces only: replace the tab "
                "with spaces (two per level)",
                (number, col + 1),
            )
    return None


def _colon_in_text(lines: list[str], line: int, col: int) -> Hint | None:
    """`text: New menu: now with oat milk`: the second `: ` looks like a new key to YAML."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    match = _KEY_VALUE.match(text)
    if match is None or col <= match.start("value"):
        return None
    value = match.group("value").rstrip()
    quoted = _quoted(value)
    colon = text.find(": ", match.start("value")) + 1
    return Hint(
        line,
        colon if colon > 0 else col,
        Code.YAML_COLON,
        f"'{match.group('key')}' has ': ' inside its value, which YAML reads as a new key; "
        f"quote the whole value: {match.group('key')}: {quoted}",
        (line, len(text.rstrip()) + 1),
    )


def _quoted(value: str) -> str:
    """The value in YAML quotes: double quotes, or single quotes when it holds a `"`."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
