"""Which kind of file this is (by its bytes, not its name) and, for CSV, which scheduler."""

from __future__ import annotations

import re
from pathlib import Path

from smmplan.imports import dates
from smmplan.imports.columns import normalise
from smmplan.imports.table import MAX_BYTES, FileRefused, Row, Table

# The headers `build --preset` writes (smmplan/export/presets/), each column's field; a
# scheduler may have more than one layout (Publer's old four columns still read).
PRESET_COLUMNS: tuple[tuple[str, dict[str, str]], ...] = (
    ("buffer", {"Text": "text", "Image URL": "media", "Tags": "tags", "Posting Time": "datetime"}),
    (
        "sprout",
        {
            "date": "date",
            "time_24hr": "time",
            "message_text": "text",
            "link": "link",
            "image_url": "media",
        },
    ),
    (
        "publer",
        {
            "Date": "datetime",
            "Text": "text",
            "Link(s)": "link",
            "Media URL(s)": "media",
            "Title": "title",
            "Label(s)": "tags",
            "Alt text(s)": "alt",
            "Comment(s)": "first_comment",
            "Board/Album": "extra",
            "Post subtype": "extra",
            "CTA": "extra",
            "Reminder": "extra",
        },
    ),
    ("publer", {"Date": "datetime", "Text": "text", "Link(s)": "link", "Media URL(s)": "media"}),
)
_PRESET_ORDER = {"sprout": dates.DAY_FIRST, "hootsuite": dates.MONTH_FIRST}
# Hootsuite's upload has no header: date and time (month first), text, link.
_HOOTSUITE_FIRST = re.compile(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}")
# `build --preset` names per-channel files <window>.<preset>-<channel>.csv.
_PRESET_FILE = re.compile(r"\.(buffer|hootsuite|sprout)-([a-z0-9_-]+)\.csv$")


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in `path`, whatever kind of file it is; FileRefused when there is none."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileRefused(
                f"{shown}: {size / 1e6:.0f} MB; smmplan imports files up to "
                f"{MAX_BYTES // (1024 * 1024)} MiB: split it"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise FileRefused(f"{shown}: cannot read it ({exc.strerror or exc})") from None
    if not raw.strip():
        raise FileRefused(f"{shown}: the file is empty")
    table = _read(raw, shown, path.suffix.lower(), sheet)
    if table.kind in ("csv", "tsv"):
        _scheduler(table)
    found = _PRESET_FILE.search(path.name)
    if found and table.kind in ("csv", "tsv"):
        table.defaults.setdefault("channel", found[2])
    if not table.rows:
        raise FileRefused(f"{shown}: only a header row, no posts")
    return table


def _read(raw: bytes, shown: str, suffix: str, sheet: str | None) -> Table:
    if raw.startswith(b"PK\x03\x04"):
        kind = "ods" if b"application/vnd.oasis.opendocument.spreadsheet" in raw[:200] else "xlsx"
        from smmplan.imports.sheets import read_sheet

        return read_sheet(raw, shown, kind, sheet)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        from smmplan.imports.sheets import read_sheet

        return read_sheet(raw, shown, "xls", sheet)
    head = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"BEGIN:VCALENDAR"):
        from smmplan.imports.ics_source import read_ics

        return read_ics(raw, shown)
    if head.startswith((b"{", b"[")) and suffix not in (".csv", ".tsv", ".txt"):
        from smmplan.imports.json_source import read_json

        return read_json(raw, shown)
    if suffix in (".xlsx", ".ods", ".xls", ".ics", ".json"):
        raise FileRefused(f"{shown}: not a {suffix[1:]} file (its content is something else)")
    from smmplan.imports.csv_sources import read_csv

    return read_csv(raw, shown)


def _scheduler(table: Table) -> None:
    """Name the scheduler whose bulk-upload CSV this is, and map its columns."""
    if table.header and _HOOTSUITE_FIRST.fullmatch(table.header[0].strip()):
        first = Row(table.rows[0].number - 1 if table.rows else 1, list(table.header))
        table.rows.insert(0, first)
        table.header = ["Date", "Text", "Link"][: len(first.cells)]
        table.preset = "hootsuite"
    else:
        table.preset = next((name for name, _ in _layouts(table.header)), "")
    if table.preset:
        table.date_order = _PRESET_ORDER.get(table.preset)
        table.notes.append(f"a {table.preset} bulk-upload CSV")


def preset_columns(table: Table) -> dict[str, str]:
    """`--map`-style overrides that a scheduler's CSV implies (normalised header -> field)."""
    if table.preset == "hootsuite":
        return {"date": "datetime", "text": "text", "link": "link"}
    found = next((columns for _, columns in _layouts(table.header)), {})
    return {normalise(h): f for h, f in found.items()} if table.preset else {}


def _layouts(header: list[str]) -> list[tuple[str, dict[str, str]]]:
    """The scheduler layouts whose header is exactly this one (case and punctuation aside)."""
    given = [normalise(h) for h in header]
    return [(n, c) for n, c in PRESET_COLUMNS if given == [normalise(h) for h in c]]
