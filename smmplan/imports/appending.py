"""`import --calendar`: posts added to a calendar (or a fragment it includes) in place.

Every other byte of the files stays as it was (smmplan.edit.roundtrip), and the calendar with
the new posts is checked, from the edited text in memory, before anything is written.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smmplan.edit.roundtrip import Document, EditError
from smmplan.imports.rows import Imported
from smmplan.imports.table import FileRefused
from smmplan.imports.target import Channels, draft, ids, slots

if TYPE_CHECKING:
    from smmplan.imports.session import Identity
    from smmplan.load.checks import Checked

_SHOWN_ERRORS = 5


class Existing:
    """A calendar that is there, free of errors."""

    def __init__(self, path: Path, checked: Checked, into: Path | None) -> None:
        self.path = path
        self.checked = checked
        self.model = checked.model
        self.into = into
        self.language = self.model.language
        self.country = self.model.holidays.country or ""
        self.channels = {key: ch.network for key, ch in self.model.channels.items()}

    @classmethod
    def load(cls, path: Path, into: str | None) -> Existing:
        from smmplan.load.checks import check
        from smmplan.load.schema import Calendar
        from smmplan.load.source import read_source, validate_model
        from smmplan.pipeline import validation_context
        from smmplan.problems import Collector

        if not path.is_file():
            raise FileRefused(f"--calendar {path}: no such file")
        out = Collector()
        source = read_source(path, out)
        context = validation_context()
        model = validate_model(Calendar, source.located, out, context=context) if source else None
        checked = check(source, model, out) if source and model else None
        if checked is None or out.has_errors:
            _refuse("the calendar has errors before the import", out.problems)
        assert checked is not None
        return cls(path, checked, _fragment(path, checked, into) if into else None)

    def zone_for(self, channels: Channels) -> Callable[[str], str]:
        def zone(value: str) -> str:
            try:
                key = Channels(channels.known).match(value)
            except ValueError:
                return self.model.timezone
            return self.model.channels[key].timezone or self.model.timezone

        return zone

    def existing(self, posts: list[Imported]) -> set[Identity]:
        """The posts the calendar already makes on the imported rows' dates."""
        if not posts:
            return set()
        from smmplan.pipeline import Window, plan_one

        window = Window(min(p.date for p in posts), max(p.date for p in posts))
        schedule = plan_one(self.path, window).schedule
        found: set[Identity] = set()
        for post in schedule.posts if schedule else []:
            day = date.fromisoformat(post.date)
            found.add((day, post.time, post.channel, post.text))
            found.add((day, "", post.channel, post.text))
        return found

    def edit(self, posts: list[Imported], channels: Channels) -> tuple[dict[Path, bytes], str]:
        """The edited files' bytes, checked with the new posts in place."""
        from smmplan.imports.creating import dump

        entries = [draft(p, i) for p, i in zip(posts, ids(posts, set(self.checked.draft_ids)),
                                                strict=True)]  # fmt: skip
        try:
            calendar = Document.read(self.path)
            if channels.added:
                made = slots(posts)
                calendar.set_keys(
                    ("channels",),
                    {key: {"network": net, "slots": made.get(key, [])}
                     for key, net in channels.added.items()},
                )  # fmt: skip
            target = Document.read(self.into) if self.into else calendar
            append_all(target, ("posts",), entries)
        except EditError as exc:
            raise FileRefused(str(exc)) from None
        files = {doc.path: _bytes(doc) for doc in {id(d): d for d in (calendar, target)}.values()}
        self._check(files, posts)
        return files, dump(entries)

    def _check(self, files: dict[Path, bytes], posts: list[Imported]) -> None:
        from smmplan.cache import inputs
        from smmplan.pipeline import Window, plan_one

        period = self.model.period
        first, last = min(p.date for p in posts), max(p.date for p in posts)
        if period:
            first, last = min(first, period.start), max(last, period.end)
        with inputs.overlaid(files):
            problems = plan_one(self.path, Window(first, last)).problems
        errors = [p for p in problems if p.level == "error"]
        if errors:
            _refuse("with the imported posts, the calendar would have errors", errors)

    def write(self, files: dict[Path, bytes]) -> None:
        from smmplan.export.atomic import write_all

        write_all(files)


def append_all(doc: Document, path: tuple[str, ...], items: list[dict[str, Any]]) -> None:
    """Add every item to the list at `path` with one splice (10,000 rows stay quick)."""
    doc.append_item(path, items[0])
    located = doc.node(path)
    rest = items[1:]
    if not rest:
        return
    if located is None or located.flow:
        for item in rest:
            doc.append_item(path, item)
        return
    from smmplan.edit import roundtrip

    expected = copy.deepcopy(doc.data)
    expected_list = expected
    for step in path:
        expected_list = expected_list[step]
    expected_list.extend(copy.deepcopy(rest))
    # The editor's own steps for one item, done once for all of them: its layout, one check.
    first = located.node.value[0]
    column = doc._dash(first.start_mark.index) - doc._line_start(first.start_mark.index)
    lines = [line for item in rest for line in roundtrip._block_item(item, column)]
    doc._insert_lines(doc._line_end(located.end), lines)
    doc._check(expected)


def _bytes(doc: Document) -> bytes:
    return (("\ufeff" if doc.bom else "") + doc.text).encode("utf-8")


def _fragment(path: Path, checked: Checked, into: str) -> Path:
    """The file named by --into: one of the fragments the calendar includes."""
    wanted = (path.parent / into).resolve()
    included = checked.model.include
    if not any((path.parent / name).resolve() == wanted for name in included):
        raise FileRefused(
            f"--into {into}: {path} does not include it; add it to the calendar's "
            f"'include:' (create it with 'posts: []' first)"
        )
    return wanted


def _refuse(why: str, problems: list[Any]) -> None:
    shown = [f"  {p.path}:{p.line}:{p.col}: {p.code} {p.message}" for p in problems
             if p.level == "error"][:_SHOWN_ERRORS]  # fmt: skip
    more = len([p for p in problems if p.level == "error"]) - len(shown)
    tail = f"\n  … and {more} more (smmplan validate shows all)" if more > 0 else ""
    raise FileRefused(f"{why}; nothing was written:\n" + "\n".join(shown) + tail)
