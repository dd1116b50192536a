"""The YAML loader gives the same data, positions and problems with and without libyaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smmplan.load import positions as loader
from smmplan.problems import Collector

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    [*ROOT.glob("calendars/*.yaml"), *ROOT.glob("tests/cases/*/*/calendars/*.yaml")],
    key=str,
)


def _load(path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool) -> tuple[object, ...]:
    monkeypatch.setattr(yaml, "__with_libyaml__", libyaml)
    out = Collector()
    located = loader.load_file(path, "f.yaml", out)
    # libyaml words syntax errors its own way; position and code must still agree.
    problems = [
        (p.line, p.col, p.level, p.code, p.message if p.code != "E100" else "")
        for p in out.problems
    ]
    if located is None:
        return (None, problems)
    return (located.data, located.values, located.keys, located.cut, problems)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_libyaml_and_pure_python_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _load(path, monkeypatch, True)
    slow = _load(path, monkeypatch, False)
    assert fast == slow


def test_yaml_11_traps_stay_text() -> None:
    out = Collector()
    located = loader.load_text("country: NO\ntime: 9:30\nname: yes\nn: 010\n", "f.yaml", out)
    assert located is not None
    assert located.data == {"country": "NO", "time": "9:30", "name": "yes", "n": "010"}
    assert out.problems == []


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 1


_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029\x85"),
    max_size=12,
)


_DOCUMENTS = {
    "data": st.recursive(
        _TEXT,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
        max_leaves=25,
    ),
    "style": st.sampled_from([True, False, None]),
    "libyaml": st.booleans(),
}


@settings(max_examples=50, deadline=None)
@given(**_DOCUMENTS)
def test_data_is_what_pyyaml_reads(data: object, style: bool | None, libyaml: bool) -> None:
    """Built from parser events in one pass, the data equals PyYAML's own untyped loading."""
    _same_as_pyyaml(data, style, libyaml)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(**_DOCUMENTS)
def test_data_is_what_pyyaml_reads_thoroughly(
    data: object, style: bool | None, libyaml: bool
) -> None:
    _same_as_pyyaml(data, style, libyaml)


def _same_as_pyyaml(data: object, style: bool | None, libyaml: bool) -> None:
    assume(_depth(data) < loader.MAX_DEPTH)
    text = yaml.safe_dump(data, default_flow_style=style, allow_unicode=True, width=40)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml, "__with_libyaml__", libyaml and yaml.__with_libyaml__)
        out = Collector()
        located = loader.load_text(text, "f.yaml", out)
    assert located is not None and out.problems == []
    assert located.data == yaml.load(text, Loader=yaml.BaseLoader)
