"""The words of a new calendar in its language: one TOML file per language in scaffold/texts/.

Each file holds the rubric names, post and template texts, hashtags and the calendar's comments,
written for that language rather than translated word for word; adding a language is adding a
file. A key a file lacks is taken from en.toml, so a new file can grow a key at a time.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

FALLBACK = "en"
COMMENTS = "comment"  # the table whose values are YAML comments, written as they are
TEMPLATES = "templates"  # the table of the files in templates/, by name without .j2


@dataclass(frozen=True)
class Words:
    language: str  # the file the words come from, e.g. "zh_Hant"
    values: dict[str, str]  # the ${...} values of calendar.yaml, ready to stand in YAML
    templates: dict[str, str]  # template file name -> its text
    fell_back: bool  # the calendar's language has no file, so the words are English


def words(language: str) -> Words:
    """The words for a calendar in `language` (a tag such as "ca" or "zh-Hant")."""
    found = _file_for(language)
    data = _merged(_read(FALLBACK), _read(found)) if found else _read(FALLBACK)
    templates = {f"{name}.j2": str(text) for name, text in data.pop(TEMPLATES).items()}
    return Words(found or FALLBACK, _values(data), templates, found is None)


def _file_for(language: str) -> str | None:
    """The language file for a tag: its locale, script variant or language (zh-TW → zh_Hant)."""
    from smmplan.l10n import language as resolve

    parts = resolve(language).locale.split("_")
    available = {entry.name.removesuffix(".toml") for entry in _folder().iterdir()}
    for size in range(len(parts), 0, -1):
        if (name := "_".join(parts[:size])) in available:
            return name if name != FALLBACK or language.lower().startswith(FALLBACK) else None
    return None


def _values(data: dict[str, Any]) -> dict[str, str]:
    """Flat ${section_key} values: comments as written, the rest as YAML (JSON) scalars/lists."""
    values: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            for inner, text in value.items():
                name = f"{key}_{inner}"
                values[name] = str(text).replace("\n", "\n# ") if key == COMMENTS else _yaml(text)
        else:
            values[key] = _yaml(value)
    return values


def _yaml(value: object) -> str:
    """`value` as it stands after a key in YAML: plain when it reads back the same, else JSON."""
    if isinstance(value, str) and _reads_back(f"key: {value}", {"key": value}):
        return value
    # JSON strings and lists are YAML flow values: quoting and escapes need no YAML writer.
    return json.dumps(value, ensure_ascii=False)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = {**base[key], **value} if isinstance(value, dict) else value
    return merged


def _folder() -> Any:
    return resources.files("smmplan") / "scaffold" / "texts"


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads((_folder() / f"{name}.toml").read_text(encoding="utf-8"))


def _reads_back(text: str, wanted: object) -> bool:
    import yaml

    try:
        return bool(yaml.safe_load(text) == wanted)
    except yaml.YAMLError:
        return False
