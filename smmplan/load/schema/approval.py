"""Approvals written by `smmplan approve`: who approved what the calendar rendered, and when."""

from __future__ import annotations

from smmplan.load.schema import about as a
from smmplan.load.schema.values import DateValue, Model


class Approval(Model):
    """`approved:` of a dated draft, or one item of `approvals:` (one per date) of a theme,
    an observance or a repeating draft. `digest` fingerprints the posts approved."""

    by: str = a.about("Who approved: `--by`, else `git config user.name`.", "Marta")
    on: DateValue = a.about("The day of the approval.", "2026-11-28")
    digest: str = a.about(
        "A digest of the approved posts' text, date, time and channel; a post whose digest "
        "no longer matches is W601.",
        "3f2a9c1e0b7d",
        pattern=r"^[0-9a-f]{12}$",
    )
    date: DateValue | None = a.about(
        "In `approvals:` items only: the date of the posts approved.", "2026-12-07", default=None
    )
