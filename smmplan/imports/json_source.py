"""smmplan's own JSON output (`build --format json`), or any JSON list of flat records."""

from __future__ import annotations

import json
from typing import Any

from smmplan.imports.table import FileRefused, Row, Table, check_rows


def read_json(raw: bytes, path: str) -> Table:
    """The posts of a JSON file; a row's number is its place in the list (1 = first post)."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileRefused(f"{path}: not readable JSON ({exc})") from None
    calendar: dict[str, str] = {}
    records: Any = data
    if isinstance(data, dict):
        records = data.get("posts")
        info = data.get("calendar")
        if isinstance(info, dict):
            calendar = {
                key: str(info[key])
                for key in ("name", "timezone", "language")
                if isinstance(info.get(key), str) and info[key]
            }
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise FileRefused(
            f"{path}: JSON that smmplan imports is its own build output (with 'posts') "
            "or a list of records"
        )
    check_rows(path, len(records))
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = [
        Row(number, [_cell(record.get(key)) for key in header])
        for number, record in enumerate(records, start=1)
    ]
    return Table(path, header, rows, "json", calendar=calendar, notes=["row = the post's place"])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
