"""Reusing a rendered text when everything the template reads is the same as before.

A month of a weekly rubric renders the same template hundreds of times, often with the
same result: a theme text that reads only `post.title` and `vars` is identical on every
Monday. Templates are deterministic (the sandbox offers no clock, randomness or
environment), so a text can be reused whenever the values the template reads are equal.
What it reads is found in its syntax tree; a template that reads `post`, `day` or
`calendar` as a whole, rebinds them, or includes or imports other templates is never reused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smmplan.cache import run_memo

CONTEXT_OBJECTS = ("post", "day", "calendar")
MISSING = object()  # what a lookup gives for a name the context does not have

Dependencies = tuple[tuple[str, str], ...]


def dependencies(env: Any, source: str) -> Dependencies | None:
    """What `source` reads, kept in the on-disk cache: parsing costs more than rendering."""
    from smmplan.cache import fingerprint

    # Many calendars of one run share their texts: each is looked up once per run.
    memo_key = (fingerprint.package_digest(), source)
    if memo_key in _READS:
        return _READS[memo_key]
    _READS[memo_key] = found = _stored_reads(env, source)
    return found


_READS: dict[tuple[str, str], Dependencies | None] = run_memo.memo()


def _stored_reads(env: Any, source: str) -> Dependencies | None:
    import jinja2

    from smmplan.cache import fingerprint, store

    cache_key = fingerprint.key(
        "template-reads",
        inputs={"template": fingerprint.digest(source.encode())},
        options={"jinja": jinja2.__version__},
    )
    stored = store.get("template-reads", cache_key)
    if isinstance(stored, dict) and "reads" in stored:
        found = stored["reads"]
        return None if found is None else tuple((obj, attr) for obj, attr in found)
    reads = find_reads(env, source)
    store.put("template-reads", cache_key, {"reads": reads})
    return reads


def find_reads(env: Any, source: str) -> Dependencies | None:
    """The (object, attribute) pairs a template reads, or None when that cannot be known."""
    from jinja2 import TemplateSyntaxError, nodes

    try:
        tree = env.parse(source)
    except TemplateSyntaxError:
        return None
    others = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
    if next(tree.find_all(others), None) is not None:
        return None
    found: set[tuple[str, str]] = set()
    read_by_name: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        target = node.node
        if not (isinstance(target, nodes.Name) and target.name in CONTEXT_OBJECTS):
            continue
        if isinstance(node, nodes.Getattr):
            found.add((target.name, node.attr))
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            found.add((target.name, node.arg.value))
        else:
            return None
        read_by_name.add(id(target))
    for name in tree.find_all(nodes.Name):
        if name.name in CONTEXT_OBJECTS and id(name) not in read_by_name:
            return None
    return tuple(sorted(found))


Lookup = Callable[[str, str], Any]  # (object, attribute) -> value, or MISSING


def in_context(context: dict[str, Any]) -> Lookup:
    """Look values up in a built context."""
    return lambda obj, attr: context.get(obj, {}).get(attr, MISSING)


def key(deps: Dependencies, lookup: Lookup) -> tuple[Any, ...]:
    """The values a template reads, hashable."""
    values: list[Any] = []
    for obj, attr in deps:
        value = lookup(obj, attr)
        values.append(tuple(value) if isinstance(value, list) else value)
    return tuple(values)
