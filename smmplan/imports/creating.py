"""`import --new`: a new calendar made from the file alone, checked before it is written."""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from smmplan.imports.columns import Columns
from smmplan.imports.rows import Imported
from smmplan.imports.table import FileRefused, Table
from smmplan.imports.target import Channels, draft, ids, network_of, slots

if TYPE_CHECKING:
    from smmplan.imports.session import Identity, Request


class Fresh:
    """A calendar that does not exist yet."""

    def __init__(self, path: Path, source: Path, name: str, timezone: str, language: str) -> None:
        self.path = path
        self.source = source
        self.name = name
        self.timezone = timezone
        self.language = language
        self.country = ""
        self.channels: dict[str, str] = {}

    @classmethod
    def start(cls, request: Request, table: Table, columns: Columns, notes: list[str]) -> Fresh:
        path = request.new
        assert path is not None
        if path.exists():
            raise FileRefused(f"{path} exists; name a new file, or add to it with --calendar")
        if path.suffix not in (".yaml", ".yml"):
            raise FileRefused(f"--new {path}: a calendar file ends in .yaml")
        zone = request.timezone or table.calendar.get("timezone") or _zone_column(table, columns)
        if not zone:
            zone = _system_zone()
            notes.append(f"time zone {zone} is this computer's; give --timezone to choose")
        _check_zone(zone)
        language = request.language or table.calendar.get("language") or ""
        if not language and columns.language not in ("", "en"):
            language = columns.language
        name = table.calendar.get("name") or _name_from(request.source)
        return cls(path, request.source, name, zone, language)

    def zone_for(self, channels: Channels) -> Callable[[str], str]:
        return lambda _channel: self.timezone

    def existing(self, posts: list[Imported]) -> set[Identity]:
        return set()

    def edit(self, posts: list[Imported], channels: Channels) -> tuple[dict[Path, bytes], str]:
        """The new calendar's bytes, checked as `validate` checks any calendar."""
        text = self.text(posts, channels)
        data = text.encode("utf-8")
        _check_new(self.path, data)
        return {self.path: data}, text

    def text(self, posts: list[Imported], channels: Channels) -> str:
        first = min(post.date for post in posts)
        last = max(post.date for post in posts)
        calendar: dict[str, Any] = {"smmplan": 1, "name": self.name, "timezone": self.timezone}
        if self.language:
            calendar["language"] = self.language
        calendar["period"] = {"start": first, "end": last}
        calendar["channels"] = self._channels(posts, channels)
        calendar["posts"] = [draft(p, i) for p, i in zip(posts, ids(posts, set()), strict=True)]
        return f"# Imported by smmplan from {self.source.name}\n" + dump(calendar)

    def _channels(self, posts: list[Imported], channels: Channels) -> dict[str, Any]:
        found: dict[str, Any] = {}
        made = slots(posts)
        for key in sorted({post.channel for post in posts}):
            mine = [post for post in posts if post.channel == key]
            network = _most(p.network for p in mine)
            network = network_of(network) or channels.added.get(key) or "other"
            entry: dict[str, Any] = {"network": network}
            account = _most(p.account for p in mine)
            if account:
                entry["account"] = account
            zone = _most(p.timezone for p in mine)
            if zone and zone != self.timezone:
                entry["timezone"] = zone
            entry["slots"] = made[key]
            found[key] = entry
        return found

    def write(self, files: dict[Path, bytes]) -> None:
        from smmplan.export.atomic import write_all

        write_all(files)


def _most(values: Any) -> str:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else ""


def _zone_column(table: Table, columns: Columns) -> str:
    index = columns.index("timezone")
    if index is None:
        return ""
    return _most(str(row.cells[index]) for row in table.rows if index < len(row.cells))


def _system_zone() -> str:
    try:
        import tzlocal

        return tzlocal.get_localzone_name() or "UTC"
    except Exception:  # no zone configured on this machine: UTC, and the notice says so
        return "UTC"


def _check_zone(zone: str) -> None:
    from smmplan.load.zones import check_zone

    try:
        check_zone(zone)
    except ValueError as exc:
        raise FileRefused(f"--timezone: {exc}") from None


def _name_from(source: Path) -> str:
    stem = re.sub(r"[_]+", " ", source.stem).strip()
    return stem or "Imported calendar"


def _check_new(path: Path, data: bytes) -> None:
    """Check the calendar as a file beside where it will go (includes and media resolve)."""
    from smmplan.pipeline import plan_one

    path.parent.mkdir(parents=True, exist_ok=True)
    check = path.with_name(f".{path.stem}.import-check{path.suffix}")
    try:
        check.write_bytes(data)
        problems = plan_one(check, None, expand_always=True).problems
    finally:
        with contextlib.suppress(OSError):
            os.unlink(check)
    errors = [p for p in problems if p.level == "error"]
    if errors:
        first = errors[0]
        raise FileRefused(
            f"the new calendar would not validate ({len(errors)} error(s)), first: "
            f"{first.code} {first.message}; nothing was written"
        )


class _Dumper(yaml.CSafeDumper):
    """Calendar YAML as people write it: short lists inline, texts as blocks, times quoted."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # calendars do not allow aliases (E103): repeat the value


def _list(dumper: Any, items: list[Any]) -> yaml.Node:
    inline = all(not isinstance(item, dict | list) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=inline)


def _str(dumper: Any, text: str) -> yaml.Node:
    style = None
    if re.fullmatch(r"\d{1,2}:\d{2}", text):
        style = '"'
    elif "\n" in text:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _period(dumper: Any, value: dict[str, Any]) -> yaml.Node:
    flow = set(value) == {"start", "end"} and all(isinstance(v, date) for v in value.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(str, _str)
_Dumper.add_representer(dict, _period)


def dump(data: Any) -> str:
    """YAML text of calendar data (also what --dry-run shows of posts added to a calendar)."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
        default_flow_style=False,
    )  # fmt: skip
