"""`smmplan approve`: write approvals into the calendar, changing only the approved entries.

Edits go through smmplan.edit.roundtrip, which splices text at node positions and checks the
result parses to what was meant; when any edit cannot be made safely, no file is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from smmplan.expand.approvals import Unit, digest, units
from smmplan.load.positions import Pos
from smmplan.model import Post
from smmplan.pipeline import Window, plan_one
from smmplan.problems import Code, Problem, ProblemsFound, UsageError

# Where each kind of entry is listed in a calendar or a fragment.
LISTS = {"draft": ("posts",), "theme": ("themes",), "observance": ("holidays", "observances")}


@dataclass(frozen=True)
class Request:
    window: Window | None
    post_ids: tuple[str, ...] = ()  # empty: every post in the window
    by: str = ""
    on: date = date(1970, 1, 1)


@dataclass
class Result:
    approved: list[tuple[Unit, str]] = field(default_factory=list)  # the unit, its file
    skipped: list[Post] = field(default_factory=list)  # greetings and pack days
    written: list[str] = field(default_factory=list)


def approve(files: list[Path], request: Request) -> Result:
    """Approve the chosen posts of `files`; raise ProblemsFound when a calendar has errors or
    an entry cannot be edited (then nothing is written)."""
    result = Result()
    problems: list[Problem] = []
    wanted = set(request.post_ids)
    todo: list[tuple[Pos, Unit, str]] = []  # where the entry is, what it covers, its digest
    for file in files:
        planned = plan_one(file, request.window)
        if planned.schedule is None or planned.checked is None:
            problems += [p for p in planned.problems if p.level == "error"]
            continue
        checked, posts = planned.checked, planned.schedule.posts
        chosen = {p.id for p in posts if not wanted or p.id in wanted}
        wanted -= chosen
        grouped = units(checked, posts)
        covered = {p.id for unit_posts in grouped.values() for p in unit_posts}
        result.skipped += [p for p in posts if p.id in chosen - covered]
        todo += [
            (checked.source.at(unit.path), unit, digest(unit_posts))
            for unit, unit_posts in grouped.items()
            if any(p.id in chosen for p in unit_posts)
        ]
    if wanted:
        raise UsageError(f"no post with the id {', '.join(sorted(wanted))} in the window")
    docs = _edit(todo, request, problems, result)
    if problems:
        raise ProblemsFound(sorted(problems))
    for where, doc in docs.items():
        doc.write()
        result.written.append(where)
    return result


def _edit(
    todo: list[tuple[Pos, Unit, str]], request: Request, problems: list[Problem], result: Result
) -> dict[str, Any]:
    """Every approval spliced into its file's text (nothing written yet)."""
    from smmplan.edit.roundtrip import Document, EditError

    docs: dict[str, Document] = {}
    # Entries are found by the line they start on before any edit moves lines down.
    paths: dict[Pos, tuple[str | int, ...] | EditError] = {}
    for pos, unit, _ in todo:
        where, line, _col = pos
        try:
            doc = docs.get(where) or docs.setdefault(where, Document.read(Path(where)))
            paths[pos] = _item_path(doc, unit, line)
        except EditError as exc:
            paths[pos] = exc
    for pos, unit, stamp in todo:
        found = paths[pos]
        try:
            if isinstance(found, EditError):
                raise found
            _write(docs[pos[0]], found, unit, stamp, request)
        except EditError as exc:
            message = f"cannot approve {unit.source} '{unit.source_id}': {exc}"
            problems.append(Problem(*pos, "error", Code.APPROVE_EDIT.value, message))
            continue
        result.approved.append((unit, pos[0]))
    return docs


def _item_path(doc: Any, unit: Unit, line: int) -> tuple[str | int, ...]:
    """Where the entry is in this file: fragments list their own entries, so the index of the
    merged calendar is found again by the line the entry starts on."""
    from smmplan.edit.roundtrip import EditError

    prefix = LISTS[unit.source]
    located = doc.node(prefix)
    items = getattr(located.node, "value", []) if located else []
    for index, item in enumerate(items):
        if not isinstance(item, tuple) and item.start_mark.line + 1 == line:
            return (*prefix, index)
    raise EditError(
        f"{doc.path}: the entry at line {line} is not a list item of {'.'.join(prefix)}"
    )


def _write(doc: Any, path: tuple[str | int, ...], unit: Unit, stamp: str, req: Request) -> None:
    approval: dict[str, Any] = {"by": req.by, "on": req.on, "digest": stamp}
    if unit.date is None:
        doc.set_keys(path, {"status": "approved", "approved": approval})
        return
    day = date.fromisoformat(unit.date)
    for index, given in enumerate(unit.entry.approvals):
        if given.date == day:
            doc.set_keys((*path, "approvals", index), approval)
            return
    doc.append_item((*path, "approvals"), {"date": day, **approval})
