"""W705: the free slots the evergreen library could not fill, and why."""

from __future__ import annotations

from datetime import date

from smmplan.load.checks import Checked
from smmplan.problems import Code, Collector


def resting(checked: Checked, left: dict[str, list[date]], out: Collector) -> None:
    """One warning per channel whose free slots stayed free with every library post resting."""
    for channel, days in left.items():
        file, line, col = checked.source.at(("evergreen", "library"), key=True)
        shown = ", ".join(str(day) for day in sorted(set(days))[:3])
        out.add(
            file,
            line,
            col,
            Code.EVERGREEN_EXHAUSTED,
            f"{len(days)} free slot(s) on channel '{channel}' stay unfilled (from {shown}): "
            "every evergreen post for it is in its cooldown, already used that day or outside "
            "its not_before/not_after; add posts to the library or shorten their 'cooldown'",
            level="warning",
        )
