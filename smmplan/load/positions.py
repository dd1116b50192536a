"""Safe YAML loading that keeps the position of every key and value.

Scalars are kept as text (no YAML 1.1 implicit typing: `NO` is Norway, `9:30` is a time);
the schema decides what each value means. Aliases, tags other than the core string,
sequence and mapping tags, duplicate keys, oversize and over-deep documents are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
)
from yaml.resolver import BaseResolver

from smmplan.cache import inputs
from smmplan.load.yaml_hints import explain_yaml_error
from smmplan.problems import ANY_CONTROL, Code, Collector

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


class _Refused(Exception):
    """A document refused as a whole, at the event where that became clear."""

    def __init__(self, mark: Any, code: Code, message: str) -> None:
        self.mark, self.code, self.message = mark, code, message


def _too_deep(mark: Any) -> _Refused:
    return _Refused(mark, Code.TOO_LARGE, f"nesting deeper than {MAX_DEPTH} levels")


def _events(text: str) -> Iterator[Event]:
    """The parser's events: libyaml's when PyYAML has it (several times faster)."""
    return yaml.parse(text, Loader=yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


_MAP, _SEQ, _SKIP = 0, 1, 2


class _Frame:
    """An open collection: where its values go, or how many open collections to skip."""

    __slots__ = ("kind", "items", "path", "key", "skip_next")

    def __init__(self, kind: int, items: Any, path: KeyPath) -> None:
        self.kind = kind
        self.items = items  # dict or list; for _SKIP, the count of open collections
        self.path = path
        self.key: str | None = None  # a mapping's key whose value comes next
        self.skip_next = 0  # a mapping's nodes to pass over (a refused key and its value)


class _Builder:
    """Plain data and positions from the event stream, in one pass.

    Aliases and nesting deeper than MAX_DEPTH are refused as their events arrive: building
    never follows an alias, and nothing recurses, so no document can exhaust the stack.
    Problems are held back until the whole stream has parsed: a file with a YAML syntax
    error reports only that.
    """

    def __init__(self, path: str, lines: list[str]) -> None:
        self.loc = Located(path, None)
        self.lines = lines
        self.out = Collector()
        self.stack: list[_Frame] = []

    def run(self, text: str) -> bool:
        """Build from `text`; False when the stream holds no document at all."""
        depth = 0
        documents = 0
        second: Any = None
        for event in _events(text):
            if isinstance(event, ScalarEvent):
                if depth >= MAX_DEPTH:
                    raise _too_deep(event.start_mark)
                if second is None:
                    self._scalar(event)
            elif isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark)
                if second is None:
                    self._open(event)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
                if second is None:
                    self._close()
            elif isinstance(event, AliasEvent):
                raise _Refused(
                    event.start_mark,
                    Code.YAML_ALIAS,
                    "YAML aliases (*name) are not allowed; repeat the value instead",
                )
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents == 2:
                    second = event.start_mark
        if second is not None:  # reported once the rest has parsed, as a YAML error would be
            raise _Refused(
                second,
                Code.YAML_SYNTAX,
                "YAML syntax: more than one YAML document (---) in the file; "
                "keep one calendar per file",
            )
        return documents > 0

    def _place(self, start: Any) -> KeyPath | None:
        """The key path of the node starting now, or None when it is passed over."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.kind == _SEQ:
            return (*frame.path, len(frame.items))
        if frame.kind == _SKIP:
            return None
        if frame.skip_next:
            frame.skip_next -= 1
            return None
        if frame.key is None:
            self._key(frame, start)
            return None
        path = (*frame.path, frame.key)
        frame.key = None
        return path

    def _key(self, frame: _Frame, event: Any) -> None:
        """Take a mapping key; a refused key makes its value pass over too."""
        loc, out = self.loc, self.out
        key_pos = _pos(loc.path, event.start_mark)
        if not isinstance(event, ScalarEvent):
            out.add(loc.path, key_pos[1], key_pos[2], Code.SCHEMA, "keys must be plain words")
            frame.skip_next = 1  # the value; the key's own collection is skipped by _open
            return
        key = str(event.value)
        if ANY_CONTROL.search(key):
            # Echoed in messages, a line break or escape in a key could forge log lines.
            out.add(
                loc.path,
                key_pos[1],
                key_pos[2],
                Code.CONTROL_CHAR,
                f"control character in key {key!r}; keys are plain words",
            )
            frame.skip_next = 1
            return
        if key in frame.items:
            first = loc.keys[(*frame.path, key)]
            out.add(
                loc.path,
                key_pos[1],
                key_pos[2],
                Code.DUPLICATE_KEY,
                f"duplicate key '{key}' (first at line {first[1]}, column {first[2]}); keep one",
            )
            frame.skip_next = 1
            return
        loc.keys[(*frame.path, key)] = key_pos
        frame.key = key

    def _put(self, path: KeyPath, value: Any) -> None:
        if not self.stack:
            self.loc.data = value
            return
        frame = self.stack[-1]
        if frame.kind == _SEQ:
            frame.items.append(value)
        else:
            frame.items[path[-1]] = value

    def _refused_tag(self, event: Any, path: KeyPath) -> bool:
        if event.tag in (None, "!") or event.tag in _ALLOWED_TAGS:
            return False
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        self.out.add(
            self.loc.path,
            line,
            col,
            Code.YAML_TAG,
            f"YAML tag {event.tag!r} is not allowed; write plain values",
        )
        self.loc.cut.add(path)
        self._put(path, None)
        return True

    def _scalar(self, event: Any) -> None:
        path = self._place(event)
        if path is None:
            return
        loc = self.loc
        loc.values[path] = _value_pos(loc.path, event, self.lines)
        if self._refused_tag(event, path):
            return
        self._put(path, _convert_scalar(event, path, loc, self.lines, self.out))

    def _open(self, event: Any) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == _SKIP:
            top.items += 1
            return
        path = self._place(event)
        if path is None:  # a refused key or value: pass over all it holds
            self.stack.append(_Frame(_SKIP, 1, ()))
            return
        self.loc.values[path] = _pos(self.loc.path, event.start_mark)
        if self._refused_tag(event, path):
            self.stack.append(_Frame(_SKIP, 1, ()))
            return
        mapping = isinstance(event, MappingStartEvent)
        items: Any = {} if mapping else []
        self._put(path, items)
        self.stack.append(_Frame(_MAP if mapping else _SEQ, items, path))

    def _close(self) -> None:
        top = self.stack[-1]
        if top.kind == _SKIP:
            top.items -= 1
            if top.items:
                return
        self.stack.pop()


def _pos(path: str, mark: Any) -> Pos:
    return (path, mark.line + 1, mark.column + 1)


def _value_pos(path: str, event: Any, lines: list[str]) -> Pos:
    """Where a scalar starts; for block scalars (| and >), its first line of text."""
    mark = event.start_mark
    if event.style in ("|", ">"):
        following = mark.line + 1
        if following < len(lines) and lines[following].strip():
            text = lines[following]
            return (path, following + 1, len(text) - len(text.lstrip()) + 1)
    return _pos(path, mark)


def _too_large(size: int, path: str, out: Collector) -> bool:
    if size > MAX_BYTES:
        out.add(path, 1, 1, Code.TOO_LARGE, f"file is larger than {MAX_BYTES // 1024} KiB")
    return size > MAX_BYTES


def decode(raw: bytes, path: str, out: Collector) -> str | None:
    """UTF-8 text of a calendar file, or None with a positioned problem."""
    if _too_large(len(raw), path, out):
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
    """Read and parse one YAML file; problems go to `out`, None when unusable."""
    try:
        # By its size, before reading: a 100 MB file is not read into memory to be refused.
        if inputs.is_file(file) and _too_large(file.stat().st_size, display, out):
            return None
        raw = inputs.read_bytes(file)
    except OSError as exc:
        out.add(display, 1, 1, Code.READ, f"cannot read file: {exc.strerror or exc}")
        return None
    text = decode(raw, display, out)
    if text is None:
        return None
    return load_text(text, display, out)


def load_text(text: str, display: str, out: Collector) -> Located | None:
    """Parse YAML text into located plain data."""
    builder = _Builder(display, text.splitlines())
    try:
        found = builder.run(text)
    except _Refused as exc:
        out.add(display, exc.mark.line + 1, exc.mark.column + 1, exc.code, exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or str(exc)
        hint = explain_yaml_error(builder.lines, line, col, message)
        if hint is not None:
            out.add(display, hint.line, hint.col, hint.code, hint.message, end=hint.end)
        else:
            out.add(display, line, col, Code.YAML_SYNTAX, f"YAML syntax: {message}")
        return None
    except yaml.YAMLError as exc:
        out.add(display, 1, 1, Code.YAML_SYNTAX, f"YAML: {exc}")
        return None
    if not found:
        out.add(
            display, 1, 1, Code.SCHEMA, "the file is empty; a calendar starts with 'smmplan: 1'"
        )
        return None
    out.problems += builder.out.problems
    return builder.loc


def _convert_scalar(
    node: Any, path: KeyPath, loc: Located, lines: list[str], out: Collector
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
