"""Printing problems: one function per output format, all over the same sorted list."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from smmplan.problems import ANY_CONTROL, Code, Problem

Reporter = Callable[[Sequence[Problem]], str]
# validate --format NAME: each reporter registers itself below with @reporter("NAME").
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def add(function: Reporter) -> Reporter:
        REPORTERS[name] = function
        return function

    return add


SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def _one_line(text: str) -> str:
    """Control characters shown escaped, so a value can never forge another problem line."""
    return ANY_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


@reporter("text")
def as_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{_one_line(p.as_text())}\n" for p in problems)


@reporter("json")
def as_json(problems: Sequence[Problem]) -> str:
    """A list of problems; those that name something the calendar plans but the schedule
    leaves out carry `"left_out": true` (their message is the reason)."""
    from smmplan.expand.leftout import CODES

    rows = [{**p.as_dict(), **({"left_out": True} if p.code in CODES else {})} for p in problems]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@reporter("github")
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


@reporter("sarif")
def as_sarif(problems: Sequence[Problem]) -> str:
    """One SARIF 2.1.0 run, for code-scanning views (GitHub code scanning, IDE viewers)."""
    from smmplan import __version__

    codes = sorted({p.code for p in problems})
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "smmplan",
                "version": __version__,
                "rules": [_sarif_rule(code) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(p, codes.index(p.code)) for p in problems],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(code: str) -> dict[str, Any]:
    from smmplan.explain import explain

    known = Code(code).name.lower().replace("_", " ") if code in Code._value2member_map_ else code
    rule: dict[str, Any] = {
        "id": code,
        "name": known.title().replace(" ", ""),
        "shortDescription": {"text": known},
    }
    found = explain(code)
    if found is not None:
        rule["shortDescription"] = {"text": found.title}
        rule["fullDescription"] = {"text": found.means}
        rule["help"] = {"text": found.as_text(), "markdown": found.as_markdown()}
    return rule


def _sarif_result(problem: Problem, index: int) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": problem.line, "startColumn": problem.col}
    if problem.end is not None:
        region["endLine"], region["endColumn"] = problem.end
    return {
        "ruleId": problem.code,
        "ruleIndex": index,
        "level": "error" if problem.level == "error" else "warning",
        "message": {"text": problem.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(problem.path),
                    "region": region,
                }
            }
        ],
    }


def _artifact(path: str) -> dict[str, str]:
    """A relative path is relative to the repository root, where CI runs smmplan."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def render(problems: Sequence[Problem], fmt: str) -> str:
    return REPORTERS[fmt](problems)
