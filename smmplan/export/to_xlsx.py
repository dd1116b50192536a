"""An Excel workbook of the posts: what a client opens with no CSV encoding dialog.

One sheet with the CSV's columns, with real date and time cells, the weekday in the
calendar's language, a frozen header row, column widths that fit and wrapped texts. Every text
cell is written as text, so nothing in a post ever runs as a formula. `smmplan import` reads it
back (docs/import.md).
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

from smmplan.export import ExportOptions, Format, register
from smmplan.model import POST_FIELDS, Post, Schedule

# What XlsxWriter's files start with: a zip entry with its fixed 1980 timestamp. Excel's and
# LibreOffice's own files carry the real time there, so `-o` does not replace them unasked.
SIGNATURE = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00"
_WIDTHS = {"text": 60, "title": 30, "hashtags": 30, "media": 30, "link": 30, "day_names": 24}
_LIST_SEPARATORS = {"hashtags": " ", "media": "|", "day_names": "|"}
_MAX_WIDTH = 40
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def to_xlsx(schedule: Schedule, options: ExportOptions) -> bytes:
    """The posts as an .xlsx workbook of one sheet named after the calendar."""
    import xlsxwriter

    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_formulas": False})
    # The same schedule gives the same bytes: the creation time is the window's start.
    created = options.dtstamp or datetime.combine(schedule.start, time())
    book.set_properties({"title": schedule.calendar.name, "created": created.replace(tzinfo=None)})
    sheet = book.add_worksheet(_sheet_name(schedule.calendar.name))
    styles = {
        "header": book.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "time": book.add_format({"num_format": "hh:mm", "valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "cell": book.add_format({"valign": "top"}),
    }
    days = _day_names(schedule.calendar.language)
    for col, name in enumerate(POST_FIELDS):
        sheet.write_string(0, col, name, styles["header"])
    for row, post in enumerate(schedule.posts, start=1):
        _write_post(sheet, row, post, styles, days)
    for col, name in enumerate(POST_FIELDS):
        sheet.set_column(col, col, _width(name, schedule.posts))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(schedule.posts), len(POST_FIELDS) - 1)
    book.close()
    return stream.getvalue()


def _write_post(sheet: Any, row: int, post: Post, styles: dict[str, Any], days: list[str]) -> None:
    for col, name in enumerate(POST_FIELDS):
        value = getattr(post, name)
        if name == "date":
            sheet.write_datetime(row, col, date.fromisoformat(value), styles["date"])
        elif name == "time":
            sheet.write_datetime(row, col, time.fromisoformat(value), styles["time"])
        elif name == "weekday":
            sheet.write_string(row, col, days[date.fromisoformat(post.date).weekday()])
        elif name == "budget":
            if value is not None:
                sheet.write_number(row, col, value, styles["cell"])
        elif isinstance(value, list):
            text = _LIST_SEPARATORS.get(name, "|").join(str(item) for item in value)
            sheet.write_string(row, col, text, styles["wrap"])
        elif value:
            style = styles["wrap"] if name in _WIDTHS else styles["cell"]
            sheet.write_string(row, col, str(value), style)


def _day_names(language: str) -> list[str]:
    from smmplan.l10n import language as resolve

    return resolve(language).weekdays("wide")


def _width(name: str, posts: list[Post]) -> float:
    if name in _WIDTHS:
        return _WIDTHS[name]
    longest = max((len(str(getattr(post, name) or "")) for post in posts[:500]), default=0)
    return min(max(len(name), longest) + 2, _MAX_WIDTH)


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, not empty."""
    cleaned = " ".join(name.translate(_SHEET_NAME_BAD).split()).strip("'")
    return cleaned[:31] or "posts"


register(
    Format(
        "xlsx",
        "an Excel workbook of the posts, with real dates and times",
        to_xlsx,
        signatures=(SIGNATURE,),
        default=False,
        order=45,
        # Binary: the output cache keeps UTF-8 text only.
        cacheable=False,
    )
)
