"""What a build tells the user about its scheduler files: per file, the posts written and
left out, warnings for posts in the past (W503), and texts a spreadsheet would run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smmplan.export.presets import Preset, formula_like
from smmplan.export.presets.selection import by_file, pick
from smmplan.model import Post, Schedule
from smmplan.problems import Code, Problem


@dataclass(frozen=True)
class FileSummary:
    """One scheduler file of one calendar: its name's ending and its counts."""

    calendar: str
    suffix: str  # e.g. ".buffer-ig.csv"
    written: int
    by_status: int
    by_date: int
    formula_like: tuple[str, ...]  # titles of posts whose text starts with = + - @

    def as_text(self) -> str:
        line = (
            f"{self.calendar} {self.suffix.lstrip('.')}: {self.written} post(s) written, "
            f"{self.by_status} left out by status, {self.by_date} by date"
        )
        if self.formula_like:
            line += (
                f"; {len(self.formula_like)} text(s) start with = + - @ (e.g. "
                f"'{self.formula_like[0]}'): upload the file as it is, since opening it in "
                "a spreadsheet could run them as formulas"
            )
        return line


def summarise(
    preset: Preset, schedule: Schedule, statuses: tuple[str, ...], today: date | None
) -> tuple[list[FileSummary], list[Problem]]:
    """The summary of each file `preset` writes for `schedule`, and a W503 warning for each
    post left out because it is in the past."""
    from smmplan.export.files import preset_suffix

    summaries: list[FileSummary] = []
    warnings: list[Problem] = []
    for suffix, posts in by_file(preset, schedule.posts).items():
        picked = pick(preset, schedule, statuses, today, posts)
        if not picked.posts and preset.per_channel:
            continue  # no file is written for a channel with nothing to upload
        risky = tuple(post.title for post in formula_like(picked.posts))
        summaries.append(
            FileSummary(
                schedule.calendar.id,
                schedule.window_name + preset_suffix(preset.name, suffix),
                len(picked.posts),
                picked.by_status,
                len(picked.by_date),
                risky,
            )
        )
        warnings += [_in_past(preset, post) for post in picked.by_date]
    return summaries, warnings


def _in_past(preset: Preset, post: Post) -> Problem:
    lead = f" plus {preset.lead_minutes} minutes" if preset.lead_minutes else ""
    return Problem(
        *post.origin,
        "warning",
        Code.POST_IN_PAST.value,
        f"'{post.title}' on {post.date} at {post.time} (channel '{post.channel}') is before "
        f"today{lead}, so it is left out of the {preset.tool} file: move it or publish it "
        "by hand",
    )
