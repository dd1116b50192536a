"""Every lint rule, in code order: the rule modules of this package and the plugins' rules.

A rule is a module (or any object) with a `CODE` (a `Code`, or a string such as "W900" for a
plugin's own rule), a `NAME` and a `check(context)` that yields findings. smmplan's own rules
are the modules of this package that have those; a third-party package adds rules through the
entry point group `smmplan.rules`, whose object is such a module or a `Rule`.
"""

from __future__ import annotations

import functools
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from smmplan import lint, plugins
from smmplan.problems import Code

if TYPE_CHECKING:
    from smmplan.lint.context import Context, Finding

ENTRY_POINTS = "smmplan.rules"


@dataclass(frozen=True)
class Rule:
    """A rule given as an object rather than a module (plugins may give either)."""

    CODE: Code | str
    NAME: str
    check: Callable[[Context], Iterable[Finding]]


def code_of(rule: Any) -> str:
    code = rule.CODE
    return code.value if isinstance(code, Code) else str(code)


@functools.cache
def rules() -> tuple[Any, ...]:
    """Each rule once, sorted by code."""
    found: dict[str, Any] = {}

    def add(rule: object) -> None:
        if hasattr(rule, "CODE") and hasattr(rule, "check"):
            found.setdefault(code_of(rule), rule)

    for info in pkgutil.iter_modules(lint.__path__):
        add(import_module(f"{lint.__name__}.{info.name}"))
    plugins.load(ENTRY_POINTS, object, add)
    return tuple(found[code] for code in sorted(found))
