"""Printing problems: one function per output format, all over the same sorted list."""

from __future__ import annotations

import json
from collections.abc import Sequence

from smmplan.problems import Problem

REPORT_FORMATS = ("text", "json", "github")


def as_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{p.as_text()}\n" for p in problems)


def as_json(problems: Sequence[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, escaped as the runner expects."""
    lines = []
    for p in problems:
        command = "error" if p.level == "error" else "warning"
        props = ",".join(
            f"{name}={_escape_property(str(value))}"
            for name, value in (
                ("file", p.path),
                ("line", p.line),
                ("col", p.col),
                ("title", p.code),
            )
        )
        lines.append(f"::{command} {props}::{_escape_data(p.message)}\n")
    return "".join(lines)


def render(problems: Sequence[Problem], fmt: str) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[fmt](problems)
