"""CSV for schedulers and spreadsheets: one row per post, columns in POST_FIELDS order."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from smmplan.export import Format, register
from smmplan.model import POST_FIELDS, Post, Schedule, post_values

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_FORMULA_FIRST = frozenset(_FORMULA_STARTS)  # each is one character
_LIST_SEPARATORS = {"hashtags": " ", "media": "|", "day_names": "|"}


def to_csv(schedule: Schedule, *, safe: bool = True, bom: bool = False) -> bytes:
    """Return the posts as UTF-8 CSV (RFC 4180), neutralising formula cells when `safe`."""
    return write_rows(POST_FIELDS, (post_row(post, safe=safe) for post in schedule.posts), bom=bom)


def write_rows(header: Sequence[str], rows: Iterable[list[str]], *, bom: bool) -> bytes:
    """RFC 4180 CSV in UTF-8 with CRLF line ends (and a BOM for Excel when asked).

    An empty `header` writes no header row: some schedulers' uploads have none.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")


def post_row(post: Post, *, safe: bool) -> list[str]:
    """The CSV cells of one post, in column order; formula-neutralised when `safe`."""
    # Most cells are text already; only lists and the budget need writing out.
    cells = [
        value if type(value) is str else _cell(name, value)
        for name, value in zip(POST_FIELDS, post_values(post), strict=True)
    ]
    if not safe:
        return cells
    # One look at the first character: startswith with a tuple tries every prefix in turn.
    return ["'" + cell if cell[:1] in _FORMULA_FIRST else cell for cell in cells]


def _cell(name: str, value: object) -> str:
    if isinstance(value, list):
        return _LIST_SEPARATORS.get(name, "|").join(map(str, value))
    if name == "budget":
        return format_budget(value)
    return "" if value is None else str(value)


def format_budget(budget: object) -> str:
    """Write a budget the way a person would: empty when unset, 40 rather than 40.0."""
    if budget is None:
        return ""
    if isinstance(budget, float) and budget.is_integer():
        return str(int(budget))
    return str(budget)


def neutralise(cell: str) -> str:
    """A leading `'` on a cell a spreadsheet would run as a formula (as `post_row` does)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


register(
    Format(
        "csv",
        "one row per post, for spreadsheets and scheduler bulk upload",
        lambda schedule, options: to_csv(schedule, safe=options.csv_safe, bom=options.csv_bom),
        signatures=(b"date,time,timezone,utc,", b"\xef\xbb\xbfdate,time,timezone,utc,"),
        default=True,
        order=10,
        cacheable=True,
    )
)
