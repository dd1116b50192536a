"""Turn a Schedule into the bytes of one output format (SPEC section 5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from smmplan.model import Schedule
from smmplan.problems import UsageError

# `build` writes csv,ics,md unless asked; html is the month view, on request only.
FORMATS: tuple[str, ...] = ("csv", "ics", "md", "json", "html")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Knobs of the exporters; the defaults give the documented output."""

    csv_safe: bool = True
    csv_bom: bool = False
    # UTC; None means the window start at 00:00:00Z, so that output stays deterministic.
    dtstamp: datetime | None = None
    # Template text (not a path) that replaces the shipped Markdown layout.
    md_template: str | None = None


def export(fmt: str, schedule: Schedule, options: ExportOptions) -> bytes:
    """Render `schedule` in format `fmt` (one of FORMATS)."""
    # Each exporter is imported here, not at the top, so that `smmplan --version` and
    # `smmplan validate` never pay for babel or jinja2.
    if fmt == "csv":
        from smmplan.export.to_csv import to_csv

        return to_csv(schedule, safe=options.csv_safe, bom=options.csv_bom)
    if fmt == "ics":
        from smmplan.export.to_ics import to_ics

        return to_ics(schedule, dtstamp=options.dtstamp)
    if fmt == "md":
        from smmplan.export.to_markdown import to_markdown

        return to_markdown(schedule, template_text=options.md_template)
    if fmt == "json":
        from smmplan.export.to_json import to_json

        return to_json(schedule)
    if fmt == "html":
        from smmplan.export.to_html import to_html

        return to_html(schedule)
    raise UsageError(f"unknown output format {fmt!r}; use one of: {', '.join(FORMATS)}")
