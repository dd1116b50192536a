"""The YAML loader gives the same data, positions and problems with and without libyaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from smmplan import loader
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
