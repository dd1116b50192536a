"""What changed in a calendar's month: posts matched by their stable id, changes classified."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from smmplan.model import Post, Schedule
from smmplan.review.causes import Causes
from smmplan.review.planning import Pair, Planning

# Fields shown as "other fields changed"; date/time are moves, text is a text change.
FIELDS = ("hashtags", "media", "link", "status", "owner", "title", "format", "pillar", "campaign")
# The order changes are listed in on one day.
KINDS = (
    "calendar-added",
    "calendar-removed",
    "calendar-failed",
    "blackout-added",
    "blackout-removed",
    "day-added",
    "day-removed",
    "removed",
    "added",
    "moved",
    "text",
    "fields",
    "unfilled-gained",
    "unfilled-lost",
)


@dataclass(frozen=True)
class Change:
    """One difference between OLD and NEW of one calendar."""

    calendar: str
    kind: str
    date: str = ""  # the day it concerns (NEW's date for a move)
    time: str = ""
    post: str = ""  # the post's id
    channel: str = ""
    source: str = ""  # draft | theme | observance | holiday
    source_id: str = ""
    title: str = ""
    old: Any = None
    new: Any = None
    cause: str = ""
    diff: str = ""  # a word diff of the text

    def as_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value not in ("", None)}


def compare(planning: Planning) -> list[Change]:
    """Every change of every calendar, in calendar order, then by date."""
    return [change for pair in planning.pairs for change in compare_pair(pair)]


def compare_pair(pair: Pair) -> list[Change]:
    failures = pair.failures
    if failures:
        problems = {side: [p.as_text() for p in found] for side, found in failures.items()}
        return [
            Change(pair.name, "calendar-failed", old=problems.get("old"), new=problems.get("new"))
        ]
    if pair.old is None or pair.new is None:
        kind = "calendar-added" if pair.old is None else "calendar-removed"
        return [
            Change(
                pair.name,
                kind,
                new=pair.file if pair.old is None else None,
                old=pair.file if pair.new is None else None,
            )
        ]
    old, new = pair.old_schedule, pair.new_schedule
    assert old is not None and new is not None
    changes = _Comparison(pair.name, old, new).run()
    return sorted(changes, key=lambda c: (c.date, KINDS.index(c.kind), c.time, c.channel, c.post))


class _Comparison:
    def __init__(self, name: str, old: Schedule, new: Schedule) -> None:
        self.name = name
        self.old, self.new = old, new
        self.causes = Causes(old, new)

    def run(self) -> list[Change]:
        old = {p.id: p for p in self.old.posts}
        new = {p.id: p for p in self.new.posts}
        gone = [old[i] for i in old if i not in new]
        came = [new[i] for i in new if i not in old]
        pairs = [(old[i], new[i]) for i in old if i in new]
        # A theme post whose slot time changed has a new id; it is the same post, moved.
        pairs += self._same_day_pairs(gone, came)
        self.causes.note_matches(gone, came)
        changes = [self._post("removed", p, self.causes.removed(p)) for p in gone]
        changes += [self._post("added", p, self.causes.added(p)) for p in came]
        for before, after in pairs:
            changes += self._changed(before, after)
        return changes + self._days() + self._blackouts() + self._unfilled()

    def _same_day_pairs(self, gone: list[Post], came: list[Post]) -> list[tuple[Post, Post]]:
        found = []
        for before in list(gone):
            after = next((p for p in came if _same_day(before, p)), None)
            if after is not None:
                gone.remove(before)
                came.remove(after)
                found.append((before, after))
        return found

    def _post(self, kind: str, post: Post, cause: str, **values: Any) -> Change:
        return Change(
            self.name,
            kind,
            post.date,
            post.time,
            post.id,
            post.channel,
            post.source,
            post.source_id,
            post.title,
            cause=cause,
            **values,
        )

    def _changed(self, before: Post, after: Post) -> list[Change]:
        found = []
        if (before.date, before.time) != (after.date, after.time):
            found.append(
                self._post(
                    "moved",
                    after,
                    self.causes.moved(before, after),
                    old=_when(before),
                    new=_when(after),
                )
            )
        if before.text != after.text:
            found.append(
                self._post(
                    "text",
                    after,
                    self.causes.text(after),
                    old=before.text,
                    new=after.text,
                    diff=word_diff(before.text, after.text),
                )
            )
        fields = [name for name in FIELDS if getattr(before, name) != getattr(after, name)]
        if fields:
            found.append(
                self._post(
                    "fields",
                    after,
                    self.causes.fields(after, fields),
                    old={n: getattr(before, n) for n in fields},
                    new={n: getattr(after, n) for n in fields},
                )
            )
        return found

    def _days(self) -> list[Change]:
        changes = []
        old = {d.id: d for d in self.old.days}
        new = {d.id: d for d in self.new.days}
        for kind, side, other in (("day-removed", old, new), ("day-added", new, old)):
            for event_id, day in side.items():
                if event_id not in other:
                    changes.append(
                        Change(
                            self.name,
                            kind,
                            day.date,
                            source=day.kind,
                            source_id=day.source_id,
                            title=day.name,
                        )
                    )
        return changes

    def _blackouts(self) -> list[Change]:
        changes = []
        for kind, side, other in (
            ("blackout-removed", self.old.blackout, self.new.blackout),
            ("blackout-added", self.new.blackout, self.old.blackout),
        ):
            for blackout, reason in side.items():
                if blackout not in other and self._in_both(blackout):
                    changes.append(Change(self.name, kind, blackout, title=reason))
        return changes

    def _in_both(self, day: str) -> bool:
        """Whether `day` is inside both windows (a day outside one is no change of the plan)."""
        return all(s.start.isoformat() <= day <= s.end.isoformat() for s in (self.old, self.new))

    def _unfilled(self) -> list[Change]:
        old = {(u.date, u.time, u.channel) for u in self.old.unfilled}
        new = {(u.date, u.time, u.channel) for u in self.new.unfilled}
        changes = []
        for kind, side, other in (("unfilled-gained", new, old), ("unfilled-lost", old, new)):
            for slot in sorted(side - other):
                if self._in_both(slot[0]):
                    changes.append(
                        Change(
                            self.name,
                            kind,
                            slot[0],
                            slot[1],
                            channel=slot[2],
                            cause=self.causes.unfilled(kind, slot),
                        )
                    )
        return changes


def _same_day(before: Post, after: Post) -> bool:
    return (before.source, before.source_id, before.channel, before.date) == (
        after.source,
        after.source_id,
        after.channel,
        after.date,
    )


def _when(post: Post) -> str:
    return f"{post.date} {post.time}"


def word_diff(
    old: str, new: str, gone: tuple[str, str] = ("[-", "-]"), came: tuple[str, str] = ("{+", "+}")
) -> str:
    """A compact word diff, as `git diff --word-diff` writes it: [-gone-]{+new+}."""
    from difflib import SequenceMatcher

    a, b = old.split(" "), new.split(" ")
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            kept = a[i1:i2]
            # Long unchanged runs are cut to their ends: the change is what a reviewer reads.
            parts.append(" ".join(kept if len(kept) <= 6 else [*kept[:2], "…", *kept[-2:]]))
            continue
        if i2 > i1:
            parts.append(gone[0] + " ".join(a[i1:i2]) + gone[1])
        if j2 > j1:
            parts.append(came[0] + " ".join(b[j1:j2]) + came[1])
    return " ".join(part for part in parts if part).replace("\n", "⏎")
