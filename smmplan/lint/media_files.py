"""W321: a `media:` path that is not a file in the calendar repo, or differs from it in case.

Media paths are relative to the calendar repo's root, as the HTML export reads them. URLs
(anything with a scheme, `https:` or other) and absolute paths are never checked, and nothing
is fetched. A name whose letter case differs from the file on disk is named even where the
disk ignores case: a Linux server, a CI run or a scheduler's upload will not find it.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from smmplan.cache import inputs
from smmplan.lint.context import Context, Finding
from smmplan.load.positions import KeyPath
from smmplan.problems import Code

CODE = Code.MEDIA_NOT_FOUND
NAME = "media-not-found"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def check(context: Context) -> Iterator[Finding]:
    root = context.checked.source.root
    folders = _Folders()
    for path, value, entry in _media_of(context):
        message = _problem(root, value, folders)
        if message:
            yield Finding(message, at=path, entry=entry)


def _media_of(context: Context) -> Iterator[tuple[KeyPath, str, Any]]:
    """Every `media:` value with its key path and the entry whose `lint:` applies to it."""
    model = context.checked.model
    entries: list[tuple[KeyPath, Any, Any]] = [
        (("posts", i), draft, draft) for i, draft in enumerate(model.posts)
    ]
    entries += [
        (("holidays", "observances", i), observance, observance)
        for i, observance in enumerate(model.holidays.observances)
    ]
    for i, theme in enumerate(model.themes):
        entries += [(("themes", i, "variants", key), v, theme) for key, v in theme.variants.items()]
    located = context.checked.source.located
    for prefix, holder, entry in entries:
        for index, value in enumerate(getattr(holder, "media", None) or []):
            listed: KeyPath = (*prefix, "media", index)
            path = value if isinstance(value, str) else value.path  # a {path, alt} item
            yield (listed if listed in located.values else (*prefix, "media")), path, entry


def _problem(root: Path, value: str, folders: _Folders) -> str | None:
    """Why `value` does not name a file of the repo as written, or None when it does."""
    if _SCHEME.match(value) or value.startswith(("/", "\\")):
        return None
    relative = posixpath.normpath(value.replace("\\", "/"))
    if relative == ".." or relative.startswith("../"):
        return f"media file '{value}' leads out of the calendar repo; keep media inside it"
    exists = inputs.is_file(root / relative)  # recorded: adding the file re-checks
    on_disk = folders.actual(root, relative)
    if on_disk is not None and on_disk != relative and inputs.is_file(root / on_disk):
        return (
            f"media file '{value}' is {on_disk} on disk; write the name as it is on disk "
            "(letter case matters on Linux servers and to schedulers)"
        )
    if on_disk is None or not exists:
        from smmplan.paths import display_path

        return (
            f"media file '{value}' not found (looked for {display_path(root / relative)}); "
            "add the file, or fix the path (relative to the calendar repo)"
        )
    return None


class _Folders:
    """The names in each folder, listed once per check."""

    def __init__(self) -> None:
        self._names: dict[Path, list[str]] = {}

    def actual(self, root: Path, relative: str) -> str | None:
        """`relative` spelt as on disk (each name matched exactly, else ignoring case)."""
        folder, spelt = root, []
        for part in relative.split("/"):
            name = self._match(folder, part)
            if name is None:
                return None
            spelt.append(name)
            folder = folder / name
        return "/".join(spelt)

    def _match(self, folder: Path, name: str) -> str | None:
        if folder not in self._names:
            try:
                self._names[folder] = sorted(os.listdir(folder))
            except OSError:
                self._names[folder] = []
        names = self._names[folder]
        wanted = unicodedata.normalize("NFC", name)
        if any(unicodedata.normalize("NFC", n) == wanted for n in names):
            return name
        folded = wanted.casefold()
        like = [n for n in names if unicodedata.normalize("NFC", n).casefold() == folded]
        return like[0] if like else None
