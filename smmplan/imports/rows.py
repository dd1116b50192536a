"""From the cells of each row to a post to import, or the reason the row cannot be one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, get_args

from smmplan.imports import dates
from smmplan.imports.columns import Columns, normalise, status_words
from smmplan.imports.table import Row, Table, column_letter

_FORMAT_WORDS = {
    "image": "photo", "imagen": "photo", "imatge": "photo", "foto": "photo", "picture": "photo",
    "afbeelding": "photo", "carrusel": "carousel", "carrousel": "carousel", "historia": "story",
    "stories": "story", "verhaal": "story", "reels": "reel", "enlace": "link", "enllac": "link",
    "encuesta": "poll", "enquesta": "poll", "peiling": "poll", "directo": "live", "directe": "live",
    "article": "link", "post": "text", "texto": "text", "tekst": "text",
}  # fmt: skip
_LIST_SPLIT = re.compile(r"\s*\|\s*|\s*\n\s*")
_BUDGET = re.compile(r"[^\d,.\-]")


@dataclass
class Imported:
    """One row as a post: what the calendar's draft will say."""

    row: int
    date: date
    time: time | None
    channel: str  # as written in the file; matched to the calendar's channels later
    text: str = ""
    title: str = ""
    hashtags: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    link: str = ""
    format: str = ""
    pillar: str = ""
    status: str = ""
    owner: str = ""
    campaign: str = ""
    budget: float | None = None
    network: str = ""
    account: str = ""
    timezone: str = ""
    alt: str = ""  # as the cell says; paired with the media when the draft is written
    first_comment: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowError:
    path: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}: {self.reason}"


class _Bad(ValueError):
    """A cell that cannot be read; `column` names it in the message."""

    def __init__(self, column: int, reason: str) -> None:
        super().__init__(reason)
        self.column = column


def convert(
    table: Table,
    columns: Columns,
    order: str | None,
    zone_of: Callable[[str], str],
) -> tuple[list[Imported], list[RowError]]:
    """Every row as a post, or as the error that rejects it."""
    good: list[Imported] = []
    bad: list[RowError] = []
    for row in table.rows:
        if row.problem:
            bad.append(RowError(table.path, row.number, row.problem))
            continue
        try:
            good.append(_one(row, table, columns, order, zone_of))
        except _Bad as exc:
            bad.append(RowError(table.path, row.number, f"{_name(table, exc.column)}: {exc}"))
    return good, bad


def _name(table: Table, index: int) -> str:
    header = table.header[index] if 0 <= index < len(table.header) else ""
    if table.spreadsheet:
        return f"column {column_letter(index)} ({header})" if header else column_letter(index)
    return f"column '{header}'" if header else f"column {index + 1}"


def _one(
    row: Row, table: Table, columns: Columns, order: str | None, zone_of: Callable[[str], str]
) -> Imported:
    cells = {name: (i, row.cells[i] if i < len(row.cells) else "") for i, name in
             columns.fields.items()}  # fmt: skip
    values = {name: cell for name, (_, cell) in cells.items()}
    channel = _text(values.get("channel") or values.get("network") or "")
    channel = channel or table.defaults.get("channel", "")
    if not channel:
        index = cells.get("channel", cells.get("network", (-1, "")))[0]
        raise _Bad(index, "no channel; add a channel column, or give --channel")
    when = _when(cells, order, zone_of(channel))
    post = Imported(row.number, when[0], when[1], channel)
    for name, (index, value) in cells.items():
        try:
            _fill(post, name, value)
        except ValueError as exc:
            raise _Bad(index, str(exc)) from None
    post.extra = {
        header: _text(row.cells[i])
        for i, header in columns.extra.items()
        if i < len(row.cells) and _text(row.cells[i]).strip()
    }
    if not post.text and not post.hashtags and not post.title:
        raise _Bad(cells.get("text", (-1, ""))[0], "no text, title or hashtags: nothing to post")
    return post


def _when(
    cells: dict[str, tuple[int, Any]], order: str | None, zone: str
) -> tuple[date, time | None]:
    source = "datetime" if "datetime" in cells else "date"
    index, value = cells.get(source, (-1, ""))
    if index < 0:
        raise _Bad(-1, "no date column; name one with --map HEADER=date")
    try:
        day, clock = dates.parse_when(value, order, zone)
    except dates.AmbiguousDates:
        raise _Bad(index, f"'{value}' reads both day first and month first; "
                   "give --dayfirst or --monthfirst") from None  # fmt: skip
    except ValueError as exc:
        raise _Bad(index, str(exc)) from None
    if "time" in cells and _text(cells["time"][1]).strip():
        try:
            clock = dates.parse_time(cells["time"][1])
        except ValueError as exc:
            raise _Bad(cells["time"][0], str(exc)) from None
    return day, clock


def _fill(post: Imported, name: str, value: Any) -> None:
    if name in ("date", "datetime", "time", "channel"):
        return
    if name == "hashtags":
        post.hashtags = hashtags(value)
    elif name == "media":
        post.media = media(value)
    elif name == "format":
        post.format = post_format(_text(value))
    elif name == "status":
        post.status = status(_text(value))
    elif name == "budget":
        post.budget = budget(value)
    elif name == "tags":  # Buffer's Tags, Publer's Label(s): the campaign, then the pillar
        first, _, rest = _text(value).partition(",")
        post.campaign, post.pillar = first.strip(), rest.strip()
    elif name == "text":
        post.text = clean_text(_text(value))
    elif hasattr(post, name):
        setattr(post, name, clean_text(_text(value)).strip())


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def clean_text(text: str) -> str:
    """Line breaks as `\\n`; any other control character is refused (a calendar cannot hold it)."""
    from smmplan.load.positions import CONTROL

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL.search(text)
    if bad:
        raise ValueError(f"control character U+{ord(bad.group()):04X} in the text; remove it")
    return text.strip()


def hashtags(value: Any) -> list[str]:
    from smmplan.load.vocab import parse_hashtag

    words = value if isinstance(value, list) else re.split(r"[\s,;]+", _text(value))
    found: list[str] = []
    for word in (str(w).strip() for w in words):
        if word:
            found.append(parse_hashtag(word))
    return list(dict.fromkeys(found))


def media(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    text = _text(value).strip()
    if not text:
        return []
    parts = _LIST_SPLIT.split(text)
    if len(parts) == 1 and "," in text:  # Publer joins its media URLs with commas
        pieces = [p.strip() for p in text.split(",")]
        if all(p and " " not in p for p in pieces):
            parts = pieces
    return [part for part in parts if part]


def post_format(text: str) -> str:
    from smmplan.load.schema.values import PostFormat

    if not text.strip():
        return ""
    word = normalise(text)
    known = get_args(PostFormat)
    found = word if word in known else _FORMAT_WORDS.get(word)
    if found is None:
        raise ValueError(f"'{text}' is not a format; use one of {', '.join(known)}")
    return found


def status(text: str) -> str:
    if not text.strip():
        return ""
    found = status_words().get(normalise(text))
    if found is None:
        raise ValueError(
            f"'{text}' is not a status; use idea, draft, review, approved, scheduled or published"
        )
    return found


def budget(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _BUDGET.sub("", _text(value))
        if not text:
            return None
        if "," in text and "." not in text:  # 12,50 in most of Europe
            text = text.replace(",", ".")
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            raise ValueError(f"'{_text(value)}' is not an amount") from None
    if number < 0 or number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"'{_text(value)}' is not an amount of 0 or more")
    return number
