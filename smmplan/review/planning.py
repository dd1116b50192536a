"""Both versions of each calendar planned over one window, ready to compare."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from smmplan.model import Schedule
from smmplan.pipeline import Planned, Window, discover, plan_one
from smmplan.problems import Problem, UsageError
from smmplan.review.revisions import Version


@dataclass
class Pair:
    """One calendar file in OLD and NEW: a schedule, or the problems that stopped it."""

    file: str  # relative to the current folder
    old: Planned | None = None
    new: Planned | None = None
    name: str = ""  # the calendar's id where either version gives one, else the file

    @property
    def old_schedule(self) -> Schedule | None:
        return self.old.schedule if self.old else None

    @property
    def new_schedule(self) -> Schedule | None:
        return self.new.schedule if self.new else None

    @property
    def failures(self) -> dict[str, list[Problem]]:
        """The errors of each side that loaded with errors ("old", "new")."""
        found: dict[str, list[Problem]] = {}
        for side, planned in (("old", self.old), ("new", self.new)):
            if planned is not None and planned.schedule is None:
                found[side] = [p for p in planned.problems if p.level == "error"]
        return found


@dataclass
class Planning:
    old: Version
    new: Version
    pairs: list[Pair] = field(default_factory=list)


def plan_versions(
    old: Version, new: Version, paths: list[PurePosixPath], window: Window | None
) -> Planning:
    """Every calendar under `paths` in either version, planned in both.

    Without a window each version is planned over its own period, so that the posts compared
    cover the union of both periods (a longer period adds posts).
    """
    for path in paths:
        if not any((version.root / path).exists() for version in (old, new)):
            raise UsageError(
                f"'{path}' is not a git revision, and no file or folder of that name is in "
                f"{old.label} or in {new.label}"
            )
    files = _calendar_files(old, paths) | _calendar_files(new, paths)
    if not files:
        shown = ", ".join(map(str, paths))
        raise UsageError(f"no calendars in {shown} in {old.label} or in {new.label}")
    planning = Planning(old, new)
    for rel in sorted(files):
        pair = Pair(rel)
        pair.old = _plan(old, rel, window)
        pair.new = _plan(new, rel, window)
        pair.name = _name(pair)
        planning.pairs.append(pair)
    return planning


def _calendar_files(version: Version, paths: list[PurePosixPath]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        target = version.root / path
        if target.exists():
            found |= {p.relative_to(version.root).as_posix() for p in discover([target])}
    return found


def _plan(version: Version, rel: str, window: Window | None) -> Planned | None:
    if not (version.root / rel).is_file():
        return None
    with _inside(version.root):  # problems name files as the user sees them
        return plan_one(Path(rel), window)


def _name(pair: Pair) -> str:
    for planned in (pair.new, pair.old):
        if planned is not None and planned.calendar_id and planned.calendar_id[0]:
            return planned.calendar_id[0]
    return pair.file


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
