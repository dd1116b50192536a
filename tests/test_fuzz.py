"""Mutations of the example calendar repo: smmplan exits 0, or 1 with a positioned message.

Each example copies the project's calendars/ and templates/, damages one file (lines removed,
repeated, swapped, re-indented, cut short, hostile values and stray bytes put in) and runs
`validate` and `build` in-process. Never an internal error (exit 3), never a traceback; the
Hypothesis deadline is the guard against a hang. Both tests are derandomized (the same
examples on every run); what they once found is kept in tests/test_trust_hostile.py.
"""

from __future__ import annotations

import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from calendars_for_tests import copy_examples, run_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan.render.renderer import Renderer, RenderError

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
FILES = sorted(
    str(p.relative_to(PROJECT))
    for folder in ("calendars", "templates")
    for p in (PROJECT / folder).rglob("*")
    if p.is_file()
)
POSITIONED = re.compile(r"^\S[^:]*:\d+:\d+: error [EW]\d{3} ", re.MULTILINE)
HOSTILE = [
    "*alias",
    "&anchor x",
    "!!python/object/apply:os.system [id]",
    "!include /etc/passwd",
    "{{ self.__init__.__globals__ }}",
    "{{ 'a' * 10**9 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ '%1000000000s' % 'a' }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{% include '../calendars/casa-cafe.yaml' %}",
    "../../etc/passwd",
    "/etc/localtime",
    "europe/madrid",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
    "FREQ=DAILY;COUNT=999999999",
    "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO",
    "FREQ=MINUTELY",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "25:61",
    "#launch",
    "text #cut",
    "---",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    '"\\x1b[31m"',
    '"\\u2028"',
    "~",
    "",
    "? [a, b]",
    "<<: {}",
    "1e999",
    "{{ 1e999 }}",
    "{{ 10**10**10 }}",
    "-1",
]
STRAY_BYTES = [b"\x00", b"\xff", b"\xc3\x28", b"\xfe\xff", b"\r", b"\t", b"\xe2\x80\xa8"]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file of the example repo and its damaged bytes."""
    name = draw(st.sampled_from(FILES))
    lines = (PROJECT / name).read_bytes().split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        kind = draw(
            st.sampled_from(
                ["delete", "repeat", "swap", "indent", "value", "insert", "cut", "byte"]
            )
        )
        lines = _mutate(draw, kind, lines, at)
    return name, b"\n".join(lines)


def _mutate(draw: st.DrawFn, kind: str, lines: list[bytes], at: int) -> list[bytes]:
    if not lines:
        return lines
    line = lines[at]
    if kind == "delete":
        return lines[:at] + lines[at + 1 :]
    if kind == "repeat":
        return lines[: at + 1] + lines[at:]
    if kind == "swap" and at + 1 < len(lines):
        return lines[:at] + [lines[at + 1], line] + lines[at + 2 :]
    if kind == "indent":
        return lines[:at] + [b" " * draw(st.integers(0, 9)) + line.lstrip()] + lines[at + 1 :]
    if kind == "cut":
        return lines[:at] + [line[: draw(st.integers(0, len(line)))]]
    if kind == "byte":
        stray = draw(st.sampled_from(STRAY_BYTES))
        cut = draw(st.integers(0, len(line)))
        return lines[:at] + [line[:cut] + stray + line[cut:]] + lines[at + 1 :]
    payload = draw(st.sampled_from(HOSTILE) | st.text(max_size=20)).encode("utf-8", "replace")
    if kind == "value" and b":" in line:
        return lines[:at] + [line.split(b":", 1)[0] + b": " + payload] + lines[at + 1 :]
    return lines[:at] + [payload] + lines[at:]


def _assert_clean(code: int, output: str) -> None:
    assert code in (0, 1), output
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    if code == 1:
        assert POSITIONED.search(output), output


@settings(
    max_examples=40,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: CI never fails by luck
    database=None,
)
@given(mutations())
def test_a_damaged_example_repo_gives_exit_0_or_1_with_positions(
    mutation: tuple[str, bytes],
) -> None:
    name, data = mutation
    with tempfile.TemporaryDirectory(prefix="smmplan-fuzz-") as folder:
        root = Path(folder)
        copy_examples(root)
        (root / name).write_bytes(data)
        _assert_clean(*run_in(root, "validate"))
        code, output = run_in(root, "build", "--format", "csv,ics,md,json", "--out", "out")
        _assert_clean(code, output)
        written = [p for p in (root / "out").rglob("*") if p.is_file()]
        assert bool(written) == (code == 0), (code, written)


VALUES = [
    "vars.words",
    "vars.promo",
    "post.title",
    "post.hashtags",
    "day.date",
    "calendar",
    "range(5)",
    "range(100000)",
    "'a' * 100000",
    "'ab'",
    "''",
    "[]",
    "{}",
    "0",
    "-1",
    "100000",
    "10**5",
    "1e308",
    "1e999",
    "-1e999",
    "(1, 2)",
    "none",
    "true",
    "self",
    "loop",
    "caller",
]
FILTERS = [
    "upper",
    "list",
    "join(', ')",
    "join('x' * 100000)",
    "center(100000)",
    "indent(100000)",
    "format('a')",
    "replace('a', 'bb')",
    "batch(0)",
    "batch(3, 'x')",
    "slice(0)",
    "slice(3)",
    "wordwrap(0)",
    "truncate(0)",
    "sum",
    "sort",
    "unique",
    "first",
    "last",
    "length",
    "int",
    "float",
    "round(5)",
    "tojson",
    "pprint",
    "string",
    "map('upper')",
    "select",
    "reverse",
    "dictsort",
    "groupby('x')",
    "attr('__class__')",
    "format_date",
    "format_date('full')",
    "truncate_graphemes(-1)",
    "truncate_graphemes(3)",
    "hashtags",
    "xmlattr",
    "filesizeformat",
    "urlize",
    "min",
    "max",
    "abs",
    "items",
    "trim",
    "striptags",
    "title",
    "wordcount",
]
TEMPLATES = [
    "{{ %s }}",
    "{{ %s|%s }}",
    "{{ %s|%s|%s }}",
    "{%% for x in %s %%}{{ x|%s }}{%% endfor %%}",
    "{%% for x in %s %%}{%% for y in %s %%}{%% endfor %%}{%% endfor %%}",
    "{%% set s = %s %%}{{ s ~ s ~ s|%s }}",
    "{%% macro m(a) %%}{{ m(a ~ a) }}{%% endmacro %%}{{ m(%s)|%s }}",  # value hole, then filter
    "{{ %s * %s }}",
    "{{ %s %% %s }}",
    "{{ '%%s%%s' %% (%s, %s) }}",
    "{{ '{}{}'.format(%s, %s) }}",
    "{{ (%s).__class__ }}{{ %s }}",
    "{%% include %s %%}",
]


@st.composite
def templates(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(TEMPLATES))
    holes = len(re.findall(r"(?<!%)%s", shape))
    parts = [draw(st.sampled_from(FILTERS if i and "|" in shape else VALUES)) for i in range(holes)]
    return shape % tuple(parts)


@settings(max_examples=300, deadline=timedelta(seconds=10), derandomize=True, database=None)
@given(templates())
def test_a_hostile_template_renders_or_fails_with_a_render_error(text: str) -> None:
    renderer = Renderer(Path(tempfile.gettempdir()), "ca")
    context = {
        "post": {"title": "Launch", "hashtags": ["#a", "#b"]},
        "calendar": {"id": "x", "name": "X", "vars": {}},
        "vars": {"words": ["a", "b"], "promo": "XMAS10"},
        "day": {"date": "2026-12-01", "weekday": "Tuesday", "names": []},
    }
    try:
        body = renderer.render(template=None, text=text, context=context)
    except RenderError as exc:
        assert str(exc)
    else:
        assert len(body) <= 100_000
