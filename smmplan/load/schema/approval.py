"""Approvals written by `smmplan approve`: who approved what the calendar rendered, and when."""

from __future__ import annotations

from pydantic import Field

from smmplan.load.schema.types import DateValue, Model


class Approval(Model):
    """`approved:` of a dated draft, or one item of `approvals:` (one per date) of a theme,
    an observance or a repeating draft. `digest` fingerprints the posts approved."""

    by: str
    on: DateValue
    digest: str = Field(pattern=r"^[0-9a-f]{12}$")
    date: DateValue | None = None  # the posts' date; in `approvals:` items only
