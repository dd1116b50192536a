"""Safe YAML loading that keeps the position of every key and value.

Scalars are kept as text (no YAML 1.1 implicit typing: `NO` is Norway, `9:30` is a time);
the schema decides what each value means. Aliases, tags other than the core string,
sequence and mapping tags, duplicate keys, oversize and over-deep documents are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from smmplan import check_cache
from smmplan.problems import Code, Collector

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    BaseResolver.DEFAULT_SCALAR_TAG,
    BaseResolver.DEFAULT_SEQUENCE_TAG,
    BaseResolver.DEFAULT_MAPPING_TAG,
}
# Control characters other than tab and newline have no place in post text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_KEY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_COMMENT_AFTER_VALUE = re.compile(r"[ \t]+#\S")

Pos = tuple[str, int, int]  # file, line, column (1-based)
KeyPath = tuple[str | int, ...]


@dataclass
class Located:
    """A YAML document as plain data, with positions indexed by key path."""

    path: str
    data: Any
    values: dict[KeyPath, Pos] = field(default_factory=dict)
    keys: dict[KeyPath, Pos] = field(default_factory=dict)
    # Values emptied by an unquoted '#': already reported, so the schema stays quiet on them.
    cut: set[KeyPath] = field(default_factory=set)

    def at(self, path: KeyPath, *, key: bool = False) -> Pos:
        """Position of the value (or key) at `path`, else of its nearest known ancestor."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (self.path, 1, 1))


class _AliasFound(Exception):
    def __init__(self, node_mark: Any) -> None:
        self.mark = node_mark


class _TooDeep(Exception):
    def __init__(self, node_mark: Any) -> None:
        self.mark = node_mark


class _Loader(Reader, Scanner, Parser, Composer, SafeConstructor, BaseResolver):
    """PyYAML's safe pipeline with no implicit resolvers and no aliases."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CLoader(CParser, SafeConstructor, BaseResolver):
        """libyaml's composer (several times faster) with the same resolver: text only."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            BaseResolver.__init__(self)


def _compose(text: str) -> Node | None:
    """The document's node tree; aliases and over-deep nesting raise before composing."""
    if not yaml.__with_libyaml__:
        loader = _Loader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    _scan(text)
    c_loader = _CLoader(text)
    try:
        return c_loader.get_single_node()
    finally:
        c_loader.dispose()


def _scan(text: str) -> None:
    """Refuse aliases and nesting deeper than MAX_DEPTH from the event stream (libyaml)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, AliasEvent):
            raise _AliasFound(event.start_mark)
        if isinstance(event, CollectionStartEvent):
            depth += 1
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if depth + isinstance(event, ScalarEvent) > MAX_DEPTH:
            raise _TooDeep(event.start_mark)


def _pos(path: str, mark: yaml.Mark) -> Pos:
    return (path, mark.line + 1, mark.column + 1)


def _value_pos(path: str, node: Node, lines: list[str]) -> Pos:
    """Where a value starts; for block scalars (| and >), its first line of text."""
    mark = node.start_mark
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        following = mark.line + 1
        if following < len(lines) and lines[following].strip():
            text = lines[following]
            return (path, following + 1, len(text) - len(text.lstrip()) + 1)
    return _pos(path, mark)


def decode(raw: bytes, path: str, out: Collector) -> str | None:
    """UTF-8 text of a calendar file, or None with a positioned problem."""
    if len(raw) > MAX_BYTES:
        out.add(path, 1, 1, Code.TOO_LARGE, f"file is larger than {MAX_BYTES // 1024} KiB")
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        out.add(path, 1, 1, Code.READ, "file is UTF-16; save it as UTF-8")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        out.add(
            path,
            line,
            col,
            Code.READ,
            f"invalid UTF-8 byte 0x{raw[exc.start]:02x}; save the file as UTF-8",
        )
        return None
    if nul >= 0:
        line, col = _line_col(raw, nul)
        out.add(path, line, col, Code.READ, "NUL byte in file; is it a binary file?")
        return None
    return text


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    col = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, col


def load_file(file: Path, display: str, out: Collector) -> Located | None:
    """Read and compose one YAML file; problems go to `out`, None when unusable."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        check_cache.note_read(file, None)
        out.add(display, 1, 1, Code.READ, f"cannot read file: {exc.strerror or exc}")
        return None
    check_cache.note_read(file, raw)
    text = decode(raw, display, out)
    if text is None:
        return None
    return load_text(text, display, out)


def load_text(text: str, display: str, out: Collector) -> Located | None:
    """Compose YAML text into located plain data."""
    try:
        node = _compose(text)
    except _AliasFound as exc:
        line, col = exc.mark.line + 1, exc.mark.column + 1
        out.add(
            display,
            line,
            col,
            Code.YAML_ALIAS,
            "YAML aliases (*name) are not allowed; repeat the value instead",
        )
        return None
    except _TooDeep as exc:
        out.add(
            display,
            exc.mark.line + 1,
            exc.mark.column + 1,
            Code.TOO_LARGE,
            f"nesting deeper than {MAX_DEPTH} levels",
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or str(exc)
        if "expected a single document" in (exc.context or "") + message:
            message = "more than one YAML document (---) in the file; keep one calendar per file"
        out.add(display, line, col, Code.YAML_SYNTAX, f"YAML syntax: {message}")
        return None
    except yaml.YAMLError as exc:
        out.add(display, 1, 1, Code.YAML_SYNTAX, f"YAML: {exc}")
        return None
    if node is None:
        out.add(
            display, 1, 1, Code.SCHEMA, "the file is empty; a calendar starts with 'smmplan: 1'"
        )
        return None
    located = Located(display, None)
    located.data = _convert(node, (), located, text.splitlines(), out)
    return located


def _convert(node: Node, path: KeyPath, loc: Located, lines: list[str], out: Collector) -> Any:
    loc.values[path] = _value_pos(loc.path, node, lines)
    if node.tag not in _ALLOWED_TAGS:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        out.add(
            loc.path,
            line,
            col,
            Code.YAML_TAG,
            f"YAML tag {node.tag!r} is not allowed; write plain values",
        )
        loc.cut.add(path)
        return None
    if isinstance(node, MappingNode):
        return _convert_mapping(node, path, loc, lines, out)
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), loc, lines, out) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return _convert_scalar(node, path, loc, lines, out)


def _convert_mapping(
    node: MappingNode, path: KeyPath, loc: Located, lines: list[str], out: Collector
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            out.add(loc.path, line, col, Code.SCHEMA, "keys must be plain words")
            continue
        key = str(key_node.value)
        key_pos = _pos(loc.path, key_node.start_mark)
        if _KEY_CONTROL.search(key):
            # Echoed in messages, a line break or escape in a key could forge log lines.
            out.add(
                loc.path,
                key_pos[1],
                key_pos[2],
                Code.CONTROL_CHAR,
                f"control character in key {key!r}; keys are plain words",
            )
            continue
        if key in result:
            first = loc.keys[(*path, key)]
            out.add(
                loc.path,
                key_pos[1],
                key_pos[2],
                Code.DUPLICATE_KEY,
                f"duplicate key '{key}' (first at line {first[1]}, column {first[2]}); keep one",
            )
            continue
        loc.keys[(*path, key)] = key_pos
        value = _convert(value_node, (*path, key), loc, lines, out)
        result[key] = value
    return result


def _convert_scalar(
    node: ScalarNode, path: KeyPath, loc: Located, lines: list[str], out: Collector
) -> Any:
    value = str(node.value)
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if not node.style:  # plain: None from PyYAML, "" from libyaml
        source = lines[node.end_mark.line] if node.end_mark.line < len(lines) else ""
        rest = source[node.end_mark.column :]
        if value in _NULLS:
            if value == "" and rest.lstrip().startswith("#"):
                hash_col = node.end_mark.column + len(rest) - len(rest.lstrip()) + 1
                out.add(
                    loc.path,
                    node.end_mark.line + 1,
                    hash_col,
                    Code.UNQUOTED_HASHTAG,
                    "YAML reads an unquoted '#' as a comment, so this value is empty; "
                    'quote hashtags: ["#tag"]',
                )
                loc.cut.add(path)
            return None
        if _COMMENT_AFTER_VALUE.match(rest):
            hash_col = node.end_mark.column + rest.index("#") + 1
            out.add(
                loc.path,
                node.end_mark.line + 1,
                hash_col,
                Code.TEXT_CUT_BY_COMMENT,
                "the text after ' #' is read by YAML as a comment and left out; "
                "quote the whole value to keep it",
                level="warning",
            )
    bad = CONTROL.search(value)
    if bad:
        out.add(
            loc.path,
            line,
            col,
            Code.CONTROL_CHAR,
            f"control character U+{ord(bad.group()):04X} in text; remove it",
        )
    return value
