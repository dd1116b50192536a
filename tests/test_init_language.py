"""`smmplan init --language L` writes the calendar's rubrics, texts and comments in L."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml

from smmplan import scaffold

ENGLISH = tomllib.loads(
    (Path(scaffold.__file__).parent / "texts" / "en.toml").read_text(encoding="utf-8")
)
LANGUAGES = ["ca", "es", "el", "hi", "nl", "zh-Hant"]


def english_words() -> list[str]:
    """Every English rubric name, post, template text and comment init could write."""
    found: list[str] = []
    for key, value in ENGLISH.items():
        if key == "comment":
            found += [line for text in value.values() for line in str(text).splitlines()]
        elif isinstance(value, dict):
            found += [str(v) for k, v in value.items() if k in ("name", "text", "title")]
        else:
            found.append(str(value))
    found += [line for text in ENGLISH["templates"].values() for line in text.splitlines()]
    found += [
        tag
        for day in ("mon", "tue", "wed", "fri", "sat", "sun")
        for tag in ENGLISH[day]["hashtags"]
    ]
    return [text for text in found if text]


def written(language: str, tmp_path: Path) -> dict[Path, str]:
    options = scaffold.Options("Casa Nova", "ES", language, "Europe/Madrid")
    files = scaffold.plan(tmp_path, options, today=date(2027, 5, 31))
    return {path: data.decode("utf-8") for path, data in files.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_and_templates_hold_no_english_rubric_or_text(
    language: str, tmp_path: Path
) -> None:
    files = written(language, tmp_path)
    mine = {p: t for p, t in files.items() if "calendars" in p.parts or "templates" in p.parts}
    assert len(mine) == 4  # the calendar and its three templates
    for path, text in mine.items():
        for english in english_words():
            assert english not in text, f"{path.name} still says {english!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rubrics_are_named_in_the_language(language: str, tmp_path: Path) -> None:
    calendar = yaml.safe_load(written(language, tmp_path)[tmp_path / "calendars/casa-nova.yaml"])
    names = [theme["name"] for theme in calendar["themes"]]
    assert len(set(names)) == 7
    assert not {theme["name"] for theme in calendar["themes"]} & {
        ENGLISH[day]["name"] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    }


def test_catalan_and_spanish_say_it_as_people_do(tmp_path: Path) -> None:
    catalan = written("ca", tmp_path / "ca")[tmp_path / "ca/calendars/casa-nova.yaml"]
    spanish = written("es-ES", tmp_path / "es")[tmp_path / "es/calendars/casa-nova.yaml"]
    assert "Dilluns de motivació" in catalan and "#DillunsDeMotivació" in catalan
    assert "Lunes de inspiración" in spanish


def test_a_language_without_texts_gets_english_and_one_notice(tmp_path: Path) -> None:
    options = scaffold.Options("Casa Nova", "FR", "fr", "Europe/Paris")
    text = scaffold.plan(tmp_path, options, today=date(2027, 5, 31))
    assert "Motivation Monday" in text[tmp_path / "calendars/casa-nova.yaml"].decode()
    notices = [note for note in scaffold.notes(options) if "no texts in 'fr'" in note]
    assert len(notices) == 1
    assert not [note for note in scaffold.notes(scaffold.Options("X", "ES", "ca", "UTC"))]
