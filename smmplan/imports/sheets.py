"""Spreadsheets (.xlsx, .ods, .xls) through python-calamine: typed cells, merged cells filled."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

from smmplan.imports.table import FileRefused, Row, Table, check_rows


def read_sheet(raw: bytes, path: str, kind: str, sheet: str | None) -> Table:
    """The first sheet (or the one named `sheet`) with the header in its first non-empty row."""
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as exc:  # calamine raises its own kinds for each broken part
        raise FileRefused(f"{path}: not a readable {kind} spreadsheet ({exc})") from None
    names = book.sheet_names
    if not names:
        raise FileRefused(f"{path}: the workbook has no sheets")
    if sheet is not None and sheet not in names:
        raise FileRefused(f"{path}: no sheet named '{sheet}'; the sheets are: {', '.join(names)}")
    chosen = sheet or names[0]
    try:
        grid = book.get_sheet_by_name(chosen)
        cells = grid.to_python(skip_empty_area=False)
        merged = grid.merged_cell_ranges or []
    except Exception as exc:
        raise FileRefused(f"{path}: sheet '{chosen}' cannot be read ({exc})") from None
    check_rows(path, len(cells))
    _fill_merged(cells, merged)
    rows = [
        Row(number, [_cell(value) for value in values])
        for number, values in enumerate(cells, start=1)
        if any(_cell(value) != "" for value in values)
    ]
    if not rows:
        raise FileRefused(f"{path}: sheet '{chosen}' is empty")
    header = [str(value).strip() for value in rows.pop(0).cells]
    notes = [f"sheet '{chosen}'" + (f" of {len(names)}" if len(names) > 1 else "")]
    return Table(path, header, rows, kind, spreadsheet=True, notes=notes)


def _fill_merged(cells: list[list[Any]], merged: list[Any]) -> None:
    """A merged range shows its top-left value in every cell it covers (a date over a day's
    posts): each covered row gets that value."""
    for (top, left), (bottom, right) in merged:
        if top >= len(cells) or left >= len(cells[top]):
            continue
        value = cells[top][left]
        for row in range(top, min(bottom, len(cells) - 1) + 1):
            for col in range(left, min(right, len(cells[row]) - 1) + 1):
                cells[row][col] = value


def _cell(value: Any) -> Any:
    """Dates and times stay typed; whole numbers lose their '.0' (a budget of 40, not 40.0)."""
    if isinstance(value, datetime | date | time):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return "" if value is None else value
