"""Messages for a misspelt name in a template that say what to write instead."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.utils import missing

# What every template sees at the top level (docs/format.md, Templates).
TOP_LEVEL = ("post", "calendar", "vars", "day")


class HintingUndefined(StrictUndefined):
    """StrictUndefined whose message suggests the closest name (`titel` → `title`)."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        name = self._undefined_name
        if self._undefined_hint or not isinstance(name, str):
            return str(super()._undefined_message)
        if self._undefined_obj is missing:
            return f"'{name}' is not defined{_did_you_mean(name, TOP_LEVEL)}"
        return f"no attribute '{name}' here{_did_you_mean(name, _names(self._undefined_obj))}"


def _names(obj: Any) -> list[str]:
    """The attribute names a template can read on `obj`."""
    if isinstance(obj, Mapping):
        return [key for key in obj if isinstance(key, str)]
    return [name for name in dir(obj) if not name.startswith("_")]


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""
