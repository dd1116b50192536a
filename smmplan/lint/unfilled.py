"""W320: slots that no draft, observance, greeting or theme took."""

from __future__ import annotations

from collections.abc import Iterator

from smmplan.lint.context import Context, Finding
from smmplan.problems import Code

CODE = Code.UNFILLED_SLOTS
NAME = "unfilled-slots"
SHOWN = 5


def check(context: Context) -> Iterator[Finding]:
    free: dict[str, list[str]] = {}
    for slot in context.schedule.unfilled:
        free.setdefault(slot.channel, []).append(f"{slot.date} {slot.time}")
    for channel, slots in free.items():
        more = f" and {len(slots) - SHOWN} more" if len(slots) > SHOWN else ""
        yield Finding(
            f"{len(slots)} slot(s) on channel '{channel}' left unfilled: "
            f"{', '.join(slots[:SHOWN])}{more} (add drafts or a theme for those days)",
            channel=channel,
        )
