"""Approvals against what the calendar renders now: a post stays approved only while its text,
date, time and channel are those its approver saw (the digest written by `smmplan approve`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from smmplan.load.checks import Checked
from smmplan.load.positions import KeyPath
from smmplan.model import Post, Schedule
from smmplan.problems import Code, Collector

# What a post whose approval went stale falls back to: someone has to look at it again.
STALE_STATUS = "review"


@dataclass(frozen=True)
class Unit:
    """What one approval covers: an entry's posts, on one date unless the entry is a dated
    draft (then all of its posts, one per channel)."""

    source: str
    source_id: str
    date: str | None
    path: KeyPath  # the entry in the merged calendar
    entry: Any = field(compare=False)  # models are not hashable; the path names the entry


def digest(posts: list[Post]) -> str:
    """Twelve hex digits over what the approver saw: text, date, time and channel."""
    rows = sorted(f"{p.channel}\x1f{p.date}\x1f{p.time}\x1f{p.text}" for p in posts)
    return hashlib.sha256("\x1e".join(rows).encode()).hexdigest()[:12]


class Entries:
    """The entries that make posts (drafts, themes, observances), found by id in one lookup."""

    def __init__(self, checked: Checked) -> None:
        m = checked.model
        tables: list[tuple[str, list[str], list[Any], KeyPath]] = [
            ("draft", checked.draft_ids, list(m.posts), ("posts",)),
            ("theme", checked.theme_ids, list(m.themes), ("themes",)),
            (
                "observance",
                checked.observance_ids,
                list(m.holidays.observances),
                ("holidays", "observances"),
            ),
        ]
        self._by_id: dict[tuple[str, str], tuple[KeyPath, Any]] = {}
        for source, ids, entries, prefix in tables:
            for index, source_id in reversed(list(enumerate(ids))):  # the first of an id wins
                self._by_id[source, source_id] = ((*prefix, index), entries[index])

    def of(self, post: Post) -> tuple[KeyPath, Any] | None:
        """The entry that made `post` and where it is; None for a holiday greeting or a pack
        day: nothing of the user's to approve."""
        return self._by_id.get((post.source, post.source_id))


def whole_entry(entry: Any) -> bool:
    """A dated draft is approved as a whole (`approved:`); anything repeating, per date."""
    # The class's fields, not hasattr: a pydantic model answers a missing name slowly.
    return "approved" in type(entry).model_fields and entry.rrule is None


def units(checked: Checked, posts: list[Post]) -> dict[Unit, list[Post]]:
    """`posts` grouped by the approval that covers them (posts of no entry are left out)."""
    found: dict[Unit, list[Post]] = {}
    entries = Entries(checked)
    for post in posts:
        located = entries.of(post)
        if located is None:
            continue
        path, entry = located
        day = None if whole_entry(entry) else post.date
        found.setdefault(Unit(post.source, post.source_id, day, path, entry), []).append(post)
    return found


def settle(checked: Checked, schedule: Schedule, out: Collector) -> None:
    """Mark posts with a still-valid approval approved; warn (W601) where one went stale."""
    if not _any_approval(checked):  # most calendars: nothing to settle, no posts to group
        return
    in_window = units(checked, schedule.posts)
    for unit, posts in in_window.items():
        for approval, at in _approvals_of(unit):
            if digest(posts) == approval.digest:
                for post in posts:
                    post.status = "approved"
                continue
            for post in posts:
                if post.status == "approved":
                    post.status = STALE_STATUS
            file, line, col = checked.source.at(at)
            out.add(file, line, col, Code.APPROVAL_STALE, _stale(unit, approval), level="warning")


def _any_approval(checked: Checked) -> bool:
    m = checked.model
    return any(map(_has_approval, (*m.posts, *m.themes, *m.holidays.observances)))


def _has_approval(entry: Any) -> bool:
    # The class's fields, as whole_entry reads them: only a dated draft has `approved:`.
    return bool(entry.approvals) or (
        "approved" in type(entry).model_fields and entry.approved is not None
    )


def _approvals_of(unit: Unit) -> Iterator[tuple[Any, KeyPath]]:
    entry = unit.entry
    if unit.date is None:
        if entry.approved is not None:
            yield entry.approved, (*unit.path, "approved")
        return
    for index, approval in enumerate(entry.approvals):
        if approval.date is not None and approval.date.isoformat() == unit.date:
            yield approval, (*unit.path, "approvals", index)


def _stale(unit: Unit, approval: Any) -> str:
    on = f" on {unit.date}" if unit.date else ""
    return (
        f"{unit.source} '{unit.source_id}'{on} was approved by {approval.by} on "
        f"{approval.on.isoformat()}; its text, date, time or channel changed since "
        f"(approve it again: smmplan approve FILE --post ID)"
    )
