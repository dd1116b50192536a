"""Edits of a user's calendar that change only what they must: every other byte stays.

`approve`, `schedule` and `import` write into files people keep by hand, with comments, their
own quoting, blank lines and key order. A YAML round-trip dumper re-emits the whole document
(and reflows some of it); here the file is parsed once for node positions, and each edit
splices new text into the span of the node it changes. The new text is then parsed again and
must give exactly the data expected, or nothing is written (`EditError` says why).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from smmplan.problems import SmmplanError

KeyPath = tuple[str | int, ...]
_BOM = "\ufeff"


class EditError(SmmplanError):
    """The file cannot be edited safely; nothing was written."""


@dataclass(frozen=True)
class Located:
    """A node of the file: where its text starts and ends, and how it is written."""

    node: yaml.Node
    start: int  # character offsets in Document.text
    end: int  # just after its last character that is not trailing space or a comment line

    @property
    def flow(self) -> bool:
        return bool(getattr(self.node, "flow_style", False))


class Document:
    """One YAML file held as text; edits splice text, `write` saves it."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.bom = text.startswith(_BOM)
        self.text = text[1:] if self.bom else text
        self.newline = "\r\n" if "\r\n" in self.text else "\n"
        self.data = self._parse(self.text)

    @classmethod
    def read(cls, path: Path) -> Document:
        try:
            with path.open(encoding="utf-8", newline="") as stream:
                return cls(path, stream.read())
        except (OSError, UnicodeDecodeError) as exc:
            raise EditError(f"{path}: cannot read it ({exc})") from None

    # finding nodes ---------------------------------------------------------------------
    def node(self, path: KeyPath) -> Located | None:
        """The node at `path` (keys and list indexes), or None when it is not there."""
        node: yaml.Node | None = self._root()
        for step in path:
            node = _child(node, step) if node is not None else None
        if node is None:
            return None
        return Located(node, node.start_mark.index, self._content_end(node))

    def _root(self) -> yaml.Node:
        root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        if not isinstance(root, yaml.MappingNode):
            raise EditError(f"{self.path}: the file does not hold a mapping of keys")
        return root

    def _content_end(self, node: yaml.Node) -> int:
        """Just after the last character written of `node`.

        A block collection's end mark runs on to the next key, past comments and blank lines,
        so its text ends where its last value's does.
        """
        if isinstance(node, yaml.CollectionNode) and not _flow(node) and node.value:
            last = node.value[-1]
            return self._content_end(last[1] if isinstance(last, tuple) else last)
        end = node.end_mark.index
        while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end

    # edits -------------------------------------------------------------------------------
    def set_keys(self, path: KeyPath, values: dict[str, Any]) -> None:
        """Give the mapping at `path` these keys (replaced in place, or added after the last).

        Values are plain data; give dates as `datetime.date` to have them written unquoted.
        """
        expected = copy.deepcopy(self.data)
        target = _get(expected, path)
        if not isinstance(target, dict):
            raise EditError(f"{self.path}: {_where(path)} is not a mapping")
        target.update(values)
        for key, value in values.items():
            self._set_one(path, key, value)
        self._check(expected)

    def append_item(self, path: KeyPath, item: Any) -> None:
        """Add `item` at the end of the list at `path`; a missing key is added to its mapping."""
        expected = copy.deepcopy(self.data)
        parent = _get(expected, path[:-1])
        if not isinstance(parent, dict) and path:
            raise EditError(f"{self.path}: {_where(path[:-1])} is not a mapping")
        current = parent.get(path[-1]) if isinstance(parent, dict) else None
        if current is not None and not isinstance(current, list):
            raise EditError(f"{self.path}: {_where(path)} is not a list")
        parent[path[-1]] = [*(current or []), item]
        located = self.node(path)
        if located is None:
            self._set_one(path[:-1], str(path[-1]), [item], block=True)
        elif located.node.tag == "tag:yaml.org,2002:null":
            self._fill_empty(path, item)
        elif located.flow:
            self._append_flow(located, item)
        else:
            self._append_block(located, item)
        self._check(expected)

    def remove_item(self, path: KeyPath, index: int) -> None:
        """Take item `index` out of the list at `path` (an emptied block list becomes `[]`)."""
        expected = copy.deepcopy(self.data)
        items = _get(expected, path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise EditError(f"{self.path}: {_where(path)} has no item {index}")
        del items[index]
        located = self.node(path)
        assert located is not None
        if located.flow:
            raise EditError(f"{self.path}: {_where(path)} is written inline; edit it by hand")
        if not items:
            key = self._key_node(path)
            self._splice(key.end_mark.index, located.end, ": []")
        else:
            item = self.node((*path, index))
            assert item is not None
            start = self._line_start(self._dash(item.start))
            after = self.text.find("\n", self._line_end(item.end))
            self._splice(start, len(self.text) if after < 0 else after + 1, "")
        self._check(expected)

    def write(self) -> None:
        """Save the edited text, all at once."""
        from smmplan.export.atomic import write_all

        text = (_BOM if self.bom else "") + self.text
        write_all({self.path: text.encode("utf-8")})

    # the splicing ------------------------------------------------------------------------
    def _set_one(self, path: KeyPath, key: str, value: Any, *, block: bool = False) -> None:
        mapping = self.node(path)
        if mapping is None or not isinstance(mapping.node, yaml.MappingNode):
            raise EditError(f"{self.path}: {_where(path)} is not a mapping")
        existing = self.node((*path, key))
        if existing is not None:
            if isinstance(existing.node, yaml.CollectionNode) and not existing.flow:
                raise EditError(
                    f"{self.path}: {_where((*path, key))} spans several lines; edit it by hand"
                )
            self._splice(existing.node.start_mark.index, existing.end, _inline(value))
        elif mapping.flow:
            closing = self.text.rindex("}", mapping.start, mapping.node.end_mark.index)
            sep = ", " if mapping.node.value else ""
            self._splice(closing, closing, f"{sep}{key}: {_inline(value)}")
        else:
            self._add_block_key(mapping, key, value, block=block)

    def _add_block_key(self, mapping: Located, key: str, value: Any, *, block: bool) -> None:
        pairs = mapping.node.value
        column = pairs[0][0].start_mark.column if pairs else 0
        indent = " " * column
        if block and isinstance(value, list):
            lines = [f"{indent}{key}:"]
            for item in value:
                lines += _block_item(item, column + 2)
        else:
            lines = [f"{indent}{key}: {_inline(value)}"]
        at = self._line_end(mapping.end) if pairs else len(self.text)
        self._insert_lines(at, lines)

    def _fill_empty(self, path: KeyPath, item: Any) -> None:
        """`posts:` (or `posts: ~`) with nothing under it becomes a block list of one item."""
        key = self._key_node(path)
        end = self._line_end(key.end_mark.index + 1)
        if self.text[key.end_mark.index : end].strip() not in (":", ": ~", ": null"):
            raise EditError(f"{self.path}: {_where(path)} has a comment or value; edit by hand")
        column = key.start_mark.column + 2
        self._splice(key.end_mark.index, end, ":")
        self._insert_lines(key.end_mark.index + 1, _block_item(item, column))

    def _append_block(self, located: Located, item: Any) -> None:
        first = located.node.value[0]
        column = self._dash(first.start_mark.index) - self._line_start(first.start_mark.index)
        self._insert_lines(self._line_end(located.end), _block_item(item, column))

    def _append_flow(self, located: Located, item: Any) -> None:
        closing = self.text.rindex("]", located.start, located.node.end_mark.index)
        sep = ", " if located.node.value else ""
        self._splice(closing, closing, f"{sep}{_inline(item)}")

    def _insert_lines(self, at: int, lines: list[str]) -> None:
        """Put `lines` after the line that ends at `at` (or at the end of the file)."""
        nl = self.newline
        block = nl.join(lines)
        if at >= len(self.text):
            lead = "" if not self.text or self.text.endswith("\n") else nl
            self._splice(len(self.text), len(self.text), f"{lead}{block}{nl}")
        else:
            self._splice(at, at, f"{nl}{block}")

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]

    def _dash(self, item_start: int) -> int:
        dash = self.text.rfind("-", self._line_start(item_start), item_start)
        if dash < 0:
            raise EditError(f"{self.path}: a list item without its dash on the line; edit by hand")
        return dash

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        """The end of the line holding character `index - 1` (before its line break)."""
        found = self.text.find("\n", max(index - 1, 0))
        if found < 0:
            return len(self.text)
        return found - 1 if found > 0 and self.text[found - 1] == "\r" else found

    def _key_node(self, path: KeyPath) -> yaml.Node:
        parent = self.node(path[:-1])
        assert parent is not None and isinstance(parent.node, yaml.MappingNode)
        return next(k for k, _ in parent.node.value if k.value == path[-1])

    def _check(self, expected: Any) -> None:
        try:
            got = self._parse(self.text)
        except EditError:
            got = None
        if got != expected:
            raise EditError(
                f"{self.path}: the edit would not keep the file's meaning; edit by hand"
            )
        self.data = got

    def _parse(self, text: str) -> Any:
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise EditError(f"{self.path}: not valid YAML ({exc})") from None


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        return next((v for k, v in node.value if k.value == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    return None


def _flow(node: yaml.Node) -> bool:
    return bool(getattr(node, "flow_style", False))


def _last_scalar(node: yaml.Node) -> yaml.Node | None:
    """The last node written inside a block collection (its text ends the collection's)."""
    while isinstance(node, yaml.CollectionNode) and not _flow(node) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _get(data: Any, path: KeyPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _where(path: KeyPath) -> str:
    return ".".join(str(step) for step in path) or "the file"


class _Dumper(yaml.SafeDumper):
    """Block mappings with short lists of plain values inline, as people write them."""


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    inline = all(not isinstance(item, dict | list) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=inline)


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    # Times are quoted as the docs write them ("09:30"): unquoted, YAML 1.1 reads 10:30 as 630.
    style = "'" if _CLOCK.fullmatch(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class _InlineDumper(yaml.SafeDumper):
    """Everything on one line."""


_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)
_InlineDumper.add_representer(str, _represent_str)


def _inline(value: Any) -> str:
    """`value` as YAML on one line (a flow collection or a scalar, quoted where it must be)."""
    text = yaml.dump(
        [value], Dumper=_InlineDumper, default_flow_style=True, allow_unicode=True,
        sort_keys=False, width=10**9,
    )  # fmt: skip
    return text.strip()[1:-1]


def _block_item(item: Any, column: int) -> list[str]:
    """The lines of a list item written at `column` (its dash's column)."""
    text = yaml.dump(
        [item], Dumper=_Dumper, default_flow_style=False, allow_unicode=True,
        sort_keys=False, width=10**9,
    )  # fmt: skip
    pad = " " * column
    return [pad + line for line in text.rstrip("\n").split("\n")]
