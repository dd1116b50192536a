"""What every source gives the import: a header, rows with the numbers a user sees, and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smmplan.problems import SmmplanError

# A bound on time and memory, whatever the file holds (docs/import.md, "Limits").
MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 100_000


class FileRefused(SmmplanError):
    """The whole file cannot be imported: empty, unreadable, too large, not a table."""


@dataclass
class Row:
    number: int  # the row number a spreadsheet shows (the header is row 1 of most files)
    cells: list[Any]
    problem: str = ""  # why the source already knows the row cannot be imported


@dataclass
class Table:
    path: str  # as the user named it
    header: list[str]
    rows: list[Row]
    kind: str  # csv, tsv, xlsx, ods, xls, json, ics
    spreadsheet: bool = False  # problems name the column letter
    preset: str = ""  # the scheduler whose CSV this is, when the header says so
    date_order: str | None = None  # known from the format (Sprout is day first)
    notes: list[str] = field(default_factory=list)  # encoding, delimiter, sheet: for the summary
    # What the source says of its calendar (JSON and ICS): name, timezone, language.
    calendar: dict[str, str] = field(default_factory=dict)
    # Field defaults for every row (an ICS import knows its channel by the file name).
    defaults: dict[str, str] = field(default_factory=dict)


def column_letter(index: int) -> str:
    """A spreadsheet's name of the column (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def check_rows(path: str, count: int) -> None:
    if count > MAX_ROWS:
        raise FileRefused(
            f"{path}: {count:,} rows; smmplan imports at most {MAX_ROWS:,} at once: split the file"
        )
