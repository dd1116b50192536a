"""Extensions from other packages, read from their entry points (formats, presets, rules)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smmplan.problems import UsageError


def load(group: str, kind: type, register: Callable[[Any], object]) -> None:
    """Import each entry point of `group`; an object of type `kind` it gives is registered.

    An entry point may also name a module that registers itself when imported.
    """
    from importlib.metadata import entry_points

    for point in sorted(entry_points(group=group), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as exc:  # name the plugin instead of failing with its traceback
            raise UsageError(
                f"the plugin '{point.value}' ({group}) cannot be loaded: {exc}"
            ) from exc
        if isinstance(loaded, kind):
            register(loaded)
