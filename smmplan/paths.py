"""Where a calendar repo's root is, and how a path is shown to the user."""

from __future__ import annotations

import os
from pathlib import Path

from smmplan.cache import inputs


def find_root(file: Path) -> Path:
    """The calendar repo's root: nearest folder upwards with templates/, calendars/ or .git."""
    start = file.resolve().parent
    for folder in (start, *start.parents):
        if any(inputs.exists(folder / name) for name in ("templates", "calendars", ".git")):
            return folder
    return start


def display_path(file: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(file)
    except ValueError:
        return str(file)
