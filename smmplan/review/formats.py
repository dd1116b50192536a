"""`smmplan diff` output: text lines for a terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from smmplan.problems import ANY_CONTROL
from smmplan.review.compare import Change, word_diff
from smmplan.review.planning import Planning

# A sign per kind: what a reviewer scans the left margin for.
SIGNS = {
    "added": "+", "removed": "-", "moved": "→", "text": "~", "fields": "~",
    "day-added": "+", "day-removed": "-", "blackout-added": "+", "blackout-removed": "-",
    "unfilled-gained": "+", "unfilled-lost": "-", "calendar-added": "+",
    "calendar-removed": "-", "calendar-failed": "!",
}  # fmt: skip
LABELS = {
    "added": "added", "removed": "removed", "moved": "moved", "text": "text changed",
    "fields": "fields changed", "day-added": "day added", "day-removed": "day removed",
    "blackout-added": "blackout day added", "blackout-removed": "blackout day removed",
    "unfilled-gained": "unfilled slot", "unfilled-lost": "slot filled",
    "calendar-added": "calendar added", "calendar-removed": "calendar removed",
    "calendar-failed": "calendar failed to load",
}  # fmt: skip


def summary(planning: Planning, changes: Sequence[Change]) -> str:
    """One line: what was compared and how much changed."""
    head = f"{planning.old.label} → {planning.new.label}"
    if not changes:
        return f"{head}: no changes in {_count(len(planning.pairs), 'calendar')}"
    counts = Counter(LABELS[c.kind] for c in changes)
    parts = ", ".join(f"{n} {label}" for label, n in counts.items())
    calendars = len({c.calendar for c in changes})
    return f"{head}: {parts} in {_count(calendars, 'calendar')}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _one_line(text: str) -> str:
    return ANY_CONTROL.sub(lambda m: "⏎" if m.group() == "\n" else " ", text)


def describe(change: Change) -> str:
    """What changed, on one line, without the kind: the post, its day and slot, old → new."""
    if change.kind in ("calendar-added", "calendar-removed"):
        return str(change.new or change.old)
    if change.kind == "calendar-failed":
        sides = [
            (side, found) for side, found in (("old", change.old), ("new", change.new)) if found
        ]
        return "; ".join(f"{side}: {_one_line(' | '.join(found))}" for side, found in sides)
    if change.kind.startswith(("day-", "blackout-")):
        what = f"{change.source} " if change.source else ""
        return f"{change.date} {what}{change.title}".rstrip()
    if change.kind.startswith("unfilled-"):
        return f"{change.date} {change.time} {change.channel}"
    entry = f"{change.source} '{change.source_id}'"
    if change.kind == "moved":
        return f"{change.old} → {change.new} {change.channel} {entry}"
    if change.kind == "text":
        return f"{change.date} {change.channel} {entry}: {_one_line(change.diff)}"
    if change.kind == "fields":
        fields = ", ".join(f"{k}: {change.old[k]!r} → {change.new[k]!r}" for k in change.new)
        return f"{change.date} {change.channel} {entry}: {fields}"
    title = f" ({_one_line(change.title)})" if change.title != change.source_id else ""
    return f"{change.date} {change.time} {change.channel} {entry}{title}".replace("  ", " ")


def text_lines(planning: Planning, changes: Sequence[Change]) -> list[tuple[str, str]]:
    """(kind, line) pairs; the kind lets a terminal colour the line."""
    lines: list[tuple[str, str]] = []
    for calendar in _calendars(changes):
        lines.append(("calendar", calendar))
        for change in (c for c in changes if c.calendar == calendar):
            cause = f"  ({change.cause})" if change.cause else ""
            line = f"  {SIGNS[change.kind]} {LABELS[change.kind]}: {describe(change)}{cause}"
            lines.append((change.kind, line))
    lines.append(("summary", summary(planning, changes)))
    return lines


def as_markdown(planning: Planning, changes: Sequence[Change]) -> str:
    """A summary line, then one table per calendar: ready to paste as a PR comment."""
    out = [f"**smmplan diff** {summary(planning, changes)}", ""]
    for calendar in _calendars(changes):
        out += [
            f"### {_cell(calendar)}",
            "",
            "| | Change | What | Why |",
            "| --- | --- | --- | --- |",
        ]
        for change in (c for c in changes if c.calendar == calendar):
            what = describe(change)
            if change.kind == "text":  # Markdown shows the word diff as struck and bold words
                marked = word_diff(change.old, change.new, ("~~", "~~"), ("**", "**"))
                what = (
                    f"{change.date} {change.channel} {change.source} '{change.source_id}': {marked}"
                )
            out.append(f"| {SIGNS[change.kind]} | {LABELS[change.kind]} | {_cell(what)} | "
                       f"{_cell(change.cause)} |")  # fmt: skip
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def as_json(changes: Sequence[Change]) -> str:
    return json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2) + "\n"


def _calendars(changes: Sequence[Change]) -> list[str]:
    return list(dict.fromkeys(c.calendar for c in changes))
