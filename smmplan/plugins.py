"""Extensions from other packages, read from their entry points (formats, presets, rules)."""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from importlib import import_module
from typing import Any, Generic, TypeVar

from smmplan.problems import UsageError

Item = TypeVar("Item")


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


class Registry(Generic[Item]):
    """One extension point: built-in modules of a package register items, plugins add more.

    `what` names the items in messages ("output formats"); `builtin(module_name)` tells which
    modules of `package` hold built-ins, imported on first use together with the entry points
    of `group`. Items have a `name` and an `order` (the place in lists).
    """

    def __init__(
        self, what: str, group: str, package: str, kind: type, builtin: Callable[[str], bool]
    ) -> None:
        self.what, self.group, self.package, self.kind, self.builtin = (
            what, group, package, kind, builtin,
        )  # fmt: skip
        self.items: dict[str, Any] = {}
        self.loaded = False

    def register(self, item: Item) -> Item:
        """Add `item` under its name; a second item of the same name is a plugin's mistake."""
        known = self.items.get(item.name)  # type: ignore[attr-defined]
        if known is not None and known is not item:
            raise UsageError(f"two {self.what} are named '{item.name}'")  # type: ignore[attr-defined]
        self.items[item.name] = item  # type: ignore[attr-defined]
        return item

    def all(self) -> dict[str, Item]:
        """Every item, built-in and from plugins, in display order."""
        if not self.loaded:
            self.loaded = True
            for module in pkgutil.iter_modules(import_module(self.package).__path__):
                if self.builtin(module.name):
                    import_module(f"{self.package}.{module.name}")
            load(self.group, self.kind, self.register)
        return dict(sorted(self.items.items(), key=lambda item: (item[1].order, item[0])))
