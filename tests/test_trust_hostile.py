"""Inputs that once stopped smmplan with an internal error, or could: each is a positioned problem.

Huge numbers, ranges and recursion in templates, templates nested deeper than Python compiles,
a 100 MB calendar, and bytes that are not UTF-8 in a calendar, a fragment and a template. Each
must end `validate` with exit 1 and the problem at its file, line and column: never exit 3.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from calendars_for_tests import calendar, line_of, run_in, write_repo
from test_hostile import CHANNELS

BODY = (
    CHANNELS
    + """\
posts:
  - title: Probe
    date: 2026-12-07
    time: "10:00"
"""
)
PERIOD = "{start: 2026-12-07, end: 2026-12-07}"


def _validate(root: Path) -> tuple[int, str]:
    code, output = run_in(root, "validate")
    assert "internal error" not in output and "Traceback" not in output, output
    return code, output


def _with_text(root: Path, text: str) -> tuple[str, int]:
    """A calendar whose one post has `text`; the calendar text and the line of the text."""
    body = calendar(BODY, period=PERIOD) + f"    text: {json.dumps(text)}\n"
    write_repo(root, body, name="shop.yaml")
    return body, line_of(body, "    text: ")


NUMBERS = [
    "{{ 1e999 }}",
    "{{ -1e999 }}",
    "{{ [1e999] }}",
    "{% set big = 1e999 %}{{ big }}",
    "{{ 'x' ~ 1e999 }}",
    "{{ 1e999|int }}",
    "{{ 1e308 + 1e308 }}",
    "{{ 1e308 * 10 }}",
    "{{ (1e308 * 10)|string }}",
    "{{ 10**10**10 }}",
    "{{ range(10**12) }}",
    "{% for i in range(10**9) %}x{% endfor %}",
    "{{ 'a' * 10**9 }}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
]


@pytest.mark.parametrize("text", NUMBERS)
def test_a_number_range_or_recursion_too_large_is_e133_at_the_text(
    tmp_path: Path, text: str
) -> None:
    _, line = _with_text(tmp_path, text)
    code, output = _validate(tmp_path)
    assert code == 1, output
    assert f"calendars/shop.yaml:{line}:11: error E133 template stopped" in output, output


def test_a_number_too_large_for_a_float_is_refused_at_its_template_line(tmp_path: Path) -> None:
    text = calendar(BODY, period=PERIOD) + "    template: offer.j2\n"
    write_repo(tmp_path, text, name="shop.yaml", templates={"offer.j2": "Hi\n\n{{ 1e999 }}\n"})
    code, output = _validate(tmp_path)
    assert code == 1, output
    assert "templates/offer.j2:3:1: error E133" in output, output
    assert "too large for a float" in output


NESTED = [
    "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "{{ " + "[" * 300 + "]" * 300 + " }}",
    "{{ 1" + " + 1" * 5000 + " }}",
    "{{ 'a'" + "|upper" * 3000 + " }}",
    "{% if 1 %}" * 120 + "x" + "{% endif %}" * 120,
    "{% for i in range(1) %}" * 30 + "x" + "{% endfor %}" * 30,
]


@pytest.mark.parametrize("source", NESTED, ids=["parens", "lists", "sum", "filters", "ifs", "fors"])
def test_a_template_nested_too_deeply_to_compile_is_e131_at_the_template(
    tmp_path: Path, source: str
) -> None:
    text = calendar(BODY, period=PERIOD) + "    template: deep.j2\n"
    write_repo(tmp_path, text, name="shop.yaml", templates={"deep.j2": source})
    code, output = _validate(tmp_path)
    assert code == 1, output
    assert "templates/deep.j2:1:1: error E131" in output, output
    assert "nested too deeply" in output


def test_the_same_nesting_in_a_calendar_text_is_e131_at_the_text(tmp_path: Path) -> None:
    _, line = _with_text(tmp_path, "{% if 1 %}" * 120 + "{% endif %}" * 120)
    code, output = _validate(tmp_path)
    assert code == 1, output
    assert f"calendars/shop.yaml:{line}:11: error E131" in output, output


def test_a_100_mb_calendar_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    write_repo(tmp_path, calendar(BODY, period=PERIOD), name="shop.yaml")
    with (tmp_path / "calendars" / "huge.yaml").open("wb") as huge:
        huge.truncate(100 * 1024 * 1024)  # sparse: no disk, but 100 MB to read
    tracemalloc.start()
    try:
        code, output = _validate(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 1, output
    assert "calendars/huge.yaml:1:1: error E107 file is larger than 1024 KiB" in output
    assert peak < 50 * 1024 * 1024, f"{peak} bytes at the peak: the file was read"


def test_invalid_utf8_in_a_calendar_is_e001_at_the_byte(tmp_path: Path) -> None:
    text = calendar(BODY, period=PERIOD) + '    text: "Cafe"\n'
    path = write_repo(tmp_path, text, name="shop.yaml")
    path.write_bytes(text.replace('"Cafe"', '"Caf\udce9"').encode("utf-8", "surrogateescape"))
    code, output = _validate(tmp_path)
    assert code == 1, output
    line = line_of(text, '"Cafe"')
    assert f"calendars/shop.yaml:{line}:15: error E001 invalid UTF-8 byte 0xe9" in output, output


def test_invalid_utf8_in_a_fragment_is_e001_in_the_fragment(tmp_path: Path) -> None:
    text = calendar("include: [extra.yaml]\n" + BODY, period=PERIOD) + '    text: "Hi"\n'
    write_repo(tmp_path, text, name="shop.yaml")
    (tmp_path / "calendars" / "extra.yaml").write_bytes(b'vars:\n  promo: "caf\xe9"\n')
    code, output = _validate(tmp_path)
    assert code == 1, output
    assert "calendars/extra.yaml:2:14: error E001 invalid UTF-8 byte 0xe9" in output, output


def test_invalid_utf8_in_a_template_is_e130_where_it_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    text = calendar(BODY, period=PERIOD) + "    template: offer.j2\n"
    write_repo(tmp_path, text, name="shop.yaml")
    (tmp_path / "templates" / "offer.j2").write_bytes(b"Hello\n{{ 'caf\xe9' }}\n")
    code, output = _validate(tmp_path)
    assert code == 1, output
    line = line_of(text, "template: offer.j2")
    assert f"calendars/shop.yaml:{line}:15: error E130" in output, output
    assert "not UTF-8 (byte 0xe9 on its line 2)" in output
