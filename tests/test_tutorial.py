"""docs/tutorial.md works as written: its commands, edits and shown outputs, run in order."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from smmplan.cli import app

TUTORIAL = Path(__file__).parent.parent / "docs" / "tutorial.md"
TODAY = "2026-11-16"  # the date the tutorial states
_EXITS = re.compile(r"#\s*exits with (\d+)\s*$")
_APPEND = re.compile(r"^# add to the end of (\S+)$")
_SKIP = "…"


@dataclass
class Session:
    """A reader at a terminal: the folder they are in and what the last command printed."""

    cwd: Path
    output: str = ""
    ran: list[str] = field(default_factory=list)


def _run(session: Session, line: str) -> None:
    """Run one command line of a ```sh block and check its exit code."""
    match = _EXITS.search(line)
    expected = int(match.group(1)) if match else 0
    words = shlex.split(line, comments=True)
    session.ran.append(line)
    if words[0] == "cd":
        session.cwd = session.cwd / words[1]
        return
    if words[0] == "cat":
        session.output = (session.cwd / words[1]).read_text(encoding="utf-8")
        return
    assert words[0] == "smmplan", f"the tutorial runs {line!r}, which this test cannot check"
    result = CliRunner().invoke(app, words[1:], env={"SMMPLAN_TODAY": TODAY, "COLUMNS": "100"})
    session.output = result.stdout + result.stderr
    assert result.exit_code == expected, f"{line}\n{session.output}"


def _check_output(session: Session, shown: str) -> None:
    """Every line the tutorial shows appears in what the command printed."""
    printed = {line.strip() for line in session.output.splitlines()}
    for line in shown.splitlines():
        if line.strip() and line.strip() != _SKIP:
            assert line.strip() in printed, f"{session.ran[-1]}: {line!r} not in\n{session.output}"


def _edit(session: Session, info: str, text: str) -> None:
    """Apply a file edit the tutorial shows: an addition at the end, or a diff."""
    marker, _, body = text.partition("\n")
    if info == "yaml":
        match = _APPEND.match(marker)
        assert match, f"a yaml block must start with '# add to the end of FILE': {marker!r}"
        with (session.cwd / match.group(1)).open("a", encoding="utf-8") as file:
            file.write(body)
        return
    path = session.cwd / marker.removeprefix("# ")
    lines = body.splitlines(keepends=True)
    old = "".join(line[1:] for line in lines if line.startswith("-"))
    new = "".join(line[1:] for line in lines if line.startswith("+"))
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1, f"{path.name}: the diff's old lines must occur once: {old!r}"
    path.write_text(content.replace(old, new), encoding="utf-8")


@pytest.mark.slow  # two seconds: every command of the tutorial, in order
def test_the_tutorial_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(cwd=tmp_path)
    blocks = [t for t in MarkdownIt("commonmark").parse(TUTORIAL.read_text("utf-8")) if t.block]
    fences = [(token.info.strip(), token.content) for token in blocks if token.type == "fence"]
    for info, text in fences:
        monkeypatch.chdir(session.cwd)
        if info == "sh":
            for line in text.splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    _run(session, line)
        elif info == "text":
            _check_output(session, text)
        elif info in ("yaml", "diff"):
            _edit(session, info, text)
        else:
            pytest.fail(f"a ```{info} block in the tutorial that this test does not run")
    assert any(line.startswith("smmplan explain") for line in session.ran)
