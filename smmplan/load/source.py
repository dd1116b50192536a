"""Reading one calendar: its file, its `include:` fragments, and the schema check."""

from __future__ import annotations

import difflib
import functools
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smmplan.cache import inputs
from smmplan.load.positions import KeyPath, Located, Pos, load_file
from smmplan.load.var_fields import fill_vars
from smmplan.paths import display_path, find_root
from smmplan.problems import Code, Collector

# Lists that fragments extend (fragment entries first, in include order) and maps they fill.
_LIST_KEYS: tuple[KeyPath, ...] = (
    ("themes",),
    ("posts",),
    ("holidays", "observances"),
    ("holidays", "blackout"),
    ("production",),
)
_MAP_KEYS: tuple[str, ...] = ("vars", "rules", "people")
# Values a fragment gives when the calendar does not (the first fragment that has one).
_VALUE_KEYS: tuple[str, ...] = ("workweek", "workdays_holidays")


@dataclass
class Source:
    """A calendar file with its fragments merged in, and the repo it lives in."""

    file: Path
    root: Path
    located: Located  # merged data; positions point into whichever file each value came from

    def at(self, path: KeyPath, *, key: bool = False) -> Pos:
        return self.located.at(path, key=key)


def read_source(file: Path, out: Collector) -> Source | None:
    """Load a calendar and its fragments; every problem goes to `out`."""
    display = display_path(file)
    located = load_file(file, display, out)
    if located is None:
        return None
    if not isinstance(located.data, dict):
        line, col = located.at(())[1:]
        out.add(
            display,
            line,
            col,
            Code.SCHEMA,
            "a calendar is a mapping of keys, starting with 'smmplan: 1'",
        )
        return None
    root = find_root(file)
    fragments = _read_fragments(file, root, located, out)
    merged = _merge(located, fragments) if fragments else located
    fill_vars(merged, out)
    return Source(file=file, root=root, located=merged)


def _read_fragments(file: Path, root: Path, located: Located, out: Collector) -> list[Located]:
    from smmplan.load.schema import Fragment

    includes = located.data.get("include") or []
    if isinstance(includes, str):
        includes = [includes]
    if not isinstance(includes, list):
        return []  # the schema reports the wrong type
    fragments: list[Located] = []
    for index, name in enumerate(includes):
        path_key: KeyPath = (
            ("include", index) if isinstance(located.data.get("include"), list) else ("include",)
        )
        _, line, col = located.at(path_key)
        target = _resolve_include(file, root, name)
        if isinstance(target, str):
            out.add(located.path, line, col, Code.INCLUDE, target)
            continue
        fragment = load_file(target, display_path(target), out)
        if fragment is None:
            continue
        if fragment.data is None:
            fragment.data = {}
        if validate_model(Fragment, fragment, out) is not None:
            fragments.append(fragment)
    return fragments


def _resolve_include(file: Path, root: Path, name: Any) -> Path | str:
    """The fragment's path, or why it cannot be included."""
    if not isinstance(name, str) or not name.strip():
        return "include entries are file paths relative to this calendar"
    candidate = Path(name)
    if candidate.is_absolute():
        return f"include '{name}' is an absolute path; give a path relative to this calendar"
    target = (file.parent / candidate).resolve()
    if target == file.resolve():
        return f"include '{name}' is this calendar itself; include fragments (_name.yaml)"
    if not target.is_relative_to(root.resolve()):
        return f"include '{name}' leaves the calendar repo ({root}); keep fragments inside it"
    if not inputs.is_file(target):
        return f"include '{name}' not found (looked for {display_path(target)})"
    return target


def _merge(calendar: Located, fragments: list[Located]) -> Located:
    merged = Located(calendar.path, dict(calendar.data))
    merged.cut = {p for p in calendar.cut if not any(p[: len(k)] == k for k in _LIST_KEYS)}
    sources = [*fragments, calendar]
    grouped = {id(source): _grouped(source) for source in sources}
    for list_key in _LIST_KEYS:
        items: list[Any] = []
        for source in sources:
            chunk = _get(source.data, list_key)
            if isinstance(chunk, list):
                _copy_positions(grouped[id(source)], merged, list_key, offset=len(items))
                items.extend(chunk)
        if items or _get(calendar.data, list_key) is not None:
            _set(merged.data, list_key, items)
    for map_key in _MAP_KEYS:
        combined: dict[str, Any] = {}
        for source in sources:
            chunk = source.data.get(map_key)
            if isinstance(chunk, dict):
                combined.update(chunk)
                _copy_positions(grouped[id(source)], merged, (map_key,), offset=None)
        if combined:
            merged.data[map_key] = combined
    _copy_rest(calendar, merged)
    for key in _VALUE_KEYS:
        given = [f for f in fragments if key in f.data and key not in calendar.data]
        if given:
            merged.data[key] = given[0].data[key]
            _copy_rest(given[0], merged, only=key)
    return merged


# A source's positions by the first key of their paths: values, keys and cut paths, each in
# its table's order (a merge copies a few keys' positions, not every one for each key).
_Grouped = dict[Any, tuple[list[tuple[KeyPath, Pos]], list[tuple[KeyPath, Pos]], list[KeyPath]]]


def _grouped(source: Located) -> _Grouped:
    groups: _Grouped = {}
    for path, pos in source.values.items():
        if path:
            groups.setdefault(path[0], ([], [], []))[0].append((path, pos))
    for path, pos in source.keys.items():
        if path:
            groups.setdefault(path[0], ([], [], []))[1].append((path, pos))
    for path in source.cut:
        if path:
            groups.setdefault(path[0], ([], [], []))[2].append(path)
    return groups


def _copy_positions(groups: _Grouped, merged: Located, prefix: KeyPath, offset: int | None) -> None:
    size = len(prefix)
    values, keys, cut = groups.get(prefix[0], ([], [], []))
    for entries, target in ((values, merged.values), (keys, merged.keys)):
        for path, pos in entries:
            if path[:size] == prefix and len(path) != size:
                target[_shifted(path, size, offset)] = pos
    for path in cut:
        if path[:size] == prefix and len(path) != size:
            merged.cut.add(_shifted(path, size, offset))


def _shifted(path: KeyPath, size: int, offset: int | None) -> KeyPath:
    """`path` with the list index after its first `size` keys moved on by `offset`."""
    if not offset:  # None for a map; 0 for a list's first source
        return path
    index = path[size]
    assert isinstance(index, int)
    return (*path[:size], index + offset, *path[size + 1 :])


def _copy_rest(calendar: Located, merged: Located, only: str | None = None) -> None:
    for table, target in ((calendar.values, merged.values), (calendar.keys, merged.keys)):
        for path, pos in table.items():
            if only is not None:
                inside = path[:1] != (only,)
            else:  # within a list or map the merge has already copied
                inside = (len(path) > 1 and path[:1] in _MERGED) or (
                    len(path) > 2 and path[:2] in _MERGED
                )
            if not inside:
                target.setdefault(path, pos)


_MERGED = frozenset([*_LIST_KEYS, *((key,) for key in _MAP_KEYS)])


def _get(data: Any, path: KeyPath) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _set(data: dict[str, Any], path: KeyPath, value: Any) -> None:
    for key in path[:-1]:
        child = data.get(key)  # type: ignore[arg-type]
        child = dict(child) if isinstance(child, dict) else {}
        data[key] = child  # type: ignore[index]
        data = child
    data[path[-1]] = value  # type: ignore[index]


def validate_model(
    model: Any, located: Located, out: Collector, *, context: dict[str, Any] | None = None
) -> Any:
    """The pydantic model of `located.data`, or None after reporting every schema problem.

    `context` carries what the format's checks need from other rooms (the schedulers).
    """
    from pydantic import ValidationError

    try:
        return model.model_validate(located.data, context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report(error, located, out, model)
        return None


def _report(error: Any, located: Located, out: Collector, model: Any) -> None:
    loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
    if any(loc[:size] in located.cut for size in range(1, len(loc) + 1)):
        return  # a value already reported (and its items) stays quiet
    kind = error["type"]
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        path, line, col = located.at(loc, key=True)
    elif kind == "extra_forbidden":
        path, line, col = located.at(loc, key=True)
    elif kind == "missing" and loc in located.keys:
        path, line, col = located.at(loc, key=True)
        kind = "empty"
    elif kind == "missing":
        path, line, col = located.at(loc[:-1], key=True)
    else:
        path, line, col = _both_given(error, loc, located) or located.at(loc)
    if kind == "extra_forbidden":
        code, message = Code.UNKNOWN_KEY, _unknown_key(str(loc[-1]), _keys_at(model, loc[:-1]))
    else:
        code, message = _describe(kind, loc, error)
    out.add(path, line, col, code, message)


def _both_given(error: Any, loc: tuple[Any, ...], located: Located) -> Pos | None:
    """For "give either 'text' or 'template', not both": the second of the two keys."""
    ctx = error.get("ctx") or {}
    keys = [(*loc, ctx[name]) for name in ("a", "b") if name in ctx]
    if len(keys) != 2 or not all(key in located.keys for key in keys):
        return None
    return max((located.keys[key] for key in keys), key=lambda pos: (pos[1], pos[2]))


def _is_union_tag(part: Any) -> bool:
    # pydantic inserts the union member's name into locations (`str`, or a model's class name
    # in `list[str | PackUse]`); they are not keys.
    return isinstance(part, str) and (
        part.startswith(("function-", "list[", "nullable["))
        or part in {"str", "int", "float", "dict[str,any]"}
        or part in _models()
    )


def _describe(kind: str, loc: tuple[Any, ...], error: Any) -> tuple[Code, str]:
    if kind.startswith(("E1", "E2", "E5", "E7", "E8")):
        return Code(kind), str(error["msg"])
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return Code.SCHEMA, f"missing required key '{name}'"
    if kind == "empty":
        return Code.SCHEMA, f"'{name}' is empty; it needs a value"
    if kind == "literal_error":
        if loc == ("smmplan",):
            return Code.SCHEMA, "format version must be 1: write 'smmplan: 1'"
        expected = error.get("ctx", {}).get("expected", "")
        return Code.SCHEMA, f"'{error.get('input')}' is not allowed for '{name}'; use {expected}"
    message = str(error["msg"]).replace("Input should be", "should be")
    if kind == "too_short" and isinstance(error.get("input"), (list, dict)):
        message = "should not be empty"
    return Code.SCHEMA, f"'{name}' {message}" if name and not isinstance(loc[-1], int) else message


@functools.cache
def _models() -> dict[str, Any]:
    """The calendar format's models by class name."""
    from smmplan.load import schema

    return {
        name: value
        for name, value in vars(schema).items()
        if isinstance(value, type) and issubclass(value, schema.Model)
    }


def _unknown_key(name: str, allowed: list[str]) -> str:
    """Say a key is unknown; suggest only a key that this place takes."""
    if name in _known_keys():
        return f"'{name}' is not allowed here; check the indentation"
    hint = difflib.get_close_matches(name, allowed, n=1, cutoff=0.7)
    return f"unknown key '{name}'" + (f"; did you mean '{hint[0]}'?" if hint else "")


def _keys_at(root: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys the mapping at `loc` may hold, following the models' field types from `root`."""
    kinds: list[Any] = [root]
    for part in loc:
        kinds = [inner for kind in kinds for inner in _inside(kind, part)]
    return sorted(
        {name for kind in kinds for k in _options(kind) if _is_model(k) for name in k.model_fields}
    )


def _options(kind: Any) -> list[Any]:
    """The types a value of `kind` may have: `Annotated` unwrapped, unions split."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _options(typing.get_args(kind)[0])
    if origin in (typing.Union, types.UnionType):
        return [option for arg in typing.get_args(kind) for option in _options(arg)]
    return [kind]


def _inside(kind: Any, part: Any) -> list[Any]:
    """The types of the value at `part` (a key or an index) inside a value of `kind`."""
    found: list[Any] = []
    for option in _options(kind):
        origin = typing.get_origin(option)
        if _is_model(option) and isinstance(part, str) and part in option.model_fields:
            found.append(option.model_fields[part].annotation)
        elif origin is list and isinstance(part, int):
            found.append(typing.get_args(option)[0])
        elif origin is dict:
            found.append(typing.get_args(option)[1])
    return found


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and kind in _models().values()


@functools.cache
def _known_keys() -> list[str]:
    return sorted({name for model in _models().values() for name in model.model_fields})
