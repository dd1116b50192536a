"""The plan's labels are data: one file per language, complete, shipped, and found by name."""

from __future__ import annotations

import fnmatch
import shutil
import string
import tomllib
from pathlib import Path

import pytest
from calendars_for_tests import calendar, plan_text, schedule_of

from smmplan import l10n
from smmplan.cache.fingerprint import _own_files
from smmplan.export.to_markdown import to_markdown

ROOT = Path(__file__).parent.parent
FILES = sorted(l10n.DATA.glob("*.toml"))
ENGLISH = tomllib.loads((l10n.DATA / "en.toml").read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    """The names between braces that smmplan fills in, e.g. {"name"} of "{name}: plan"."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_language_of_the_plans_has_a_file() -> None:
    names = {path.stem for path in FILES}
    assert {
        "en",
        "ca",
        "es",
        "fr",
        "de",
        "nl",
        "el",
        "hi",
        "zh_Hant",
        "zh_Hans",
        "ar",
        "he",
    } <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_a_language_file_has_every_label_and_no_other(path: Path) -> None:
    labels = tomllib.loads(path.read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(ENGLISH), path.name
    for key, text in labels.items():
        assert isinstance(text, str), f"{path.name}: {key}"
        assert text.strip(), f"{path.name}: {key} is empty"
        assert placeholders(text) == placeholders(ENGLISH[key]), f"{path.name}: {key}"


def test_every_language_file_ships_in_the_wheel() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["smmplan"]
    for path in FILES:
        name = path.relative_to(ROOT / "smmplan").as_posix()
        assert any(fnmatch.fnmatch(name, glob) for glob in globs), name


def test_a_changed_label_file_renews_the_kept_plans() -> None:
    # The output cache keeps Markdown plans while smmplan's own files are unchanged.
    own = {name for name, _size, _mtime in _own_files()}
    assert {f"l10n/{path.name}" for path in FILES} <= own


PORTUGUESE = {"plan_title": "{name}: plano de conteúdos", "summary": "Resumo"}
BODY = """\
language: pt-BR
channels:
  ig:
    network: instagram
    slots: [{days: [fri], times: ["09:00"]}]
"""


def test_adding_a_language_is_adding_a_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = calendar(BODY, period="{start: 2026-12-01, end: 2026-12-31}")
    schedule = schedule_of(plan_text(tmp_path / "repo", text))
    assert "## Summary" in to_markdown(schedule).decode()

    data = tmp_path / "l10n"
    shutil.copytree(l10n.DATA, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    lines = [f'{key} = "{PORTUGUESE.get(key, english)}"' for key, english in ENGLISH.items()]
    (data / "pt.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(l10n, "DATA", data)

    plan = to_markdown(schedule).decode()
    assert plan.startswith("# Test calendar: plano de conteúdos\n")
    assert "## Resumo" in plan
    assert "## Summary" not in plan
