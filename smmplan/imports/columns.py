"""Which calendar field each column of an imported table goes to, from its header word."""

from __future__ import annotations

import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from smmplan.problems import UsageError

# Fields a column can fill; "datetime" is a date and a time in one cell, "derived" a column
# that follows from the others (weekday, utc, id) and is not imported.
FIELDS = (
    "date",
    "datetime",
    "time",
    "channel",
    "network",
    "account",
    "title",
    "text",
    "hashtags",
    "media",
    "link",
    "format",
    "pillar",
    "status",
    "owner",
    "campaign",
    "budget",
    "timezone",
    "tags",  # Buffer's Tags and Publer's Label(s): the campaign, then the pillar
    "alt",  # alt text of the media, in their order (Publer's Alt text(s))
    "first_comment",
    "derived",
)
# Not a field of its own: a column the user maps to `extra` keeps its header as the key.
EXTRA = "extra"
IGNORE = "ignore"
_WORDS_FILE = Path(__file__).with_name("headers.toml")


def normalise(word: str) -> str:
    """A header word without case, accents, spaces or punctuation: "Media URL(s)" -> "mediaurls"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    kept = (c for c in decomposed if not unicodedata.combining(c) and (c.isalnum()))
    return "".join(kept)


@cache
def header_words() -> dict[str, dict[str, str]]:
    """Normalised header word -> {"field": ..., "language": ...} from headers.toml."""
    with _WORDS_FILE.open("rb") as stream:
        data = tomllib.load(stream)
    words: dict[str, dict[str, str]] = {}
    for name in FIELDS:
        for language, spelled in data.get(name, {}).items():
            for word in spelled:
                found = words.setdefault(normalise(word), {"field": name, "language": language})
                if found["field"] != name:  # headers.toml must say each word once
                    raise ValueError(f"header word '{word}' names both {found['field']} and {name}")
    return words


@cache
def status_words() -> dict[str, str]:
    """Normalised status word in any language -> the calendar's status."""
    with _WORDS_FILE.open("rb") as stream:
        data = tomllib.load(stream)["statuses"]
    return {normalise(word): status for status, words in data.items() for word in words}


@dataclass
class Columns:
    """The field of each column (by index); unknown columns keep their header for `extra`."""

    fields: dict[int, str] = field(default_factory=dict)
    extra: dict[int, str] = field(default_factory=dict)  # index -> header, kept per post
    ignored: list[str] = field(default_factory=list)  # headers not imported, for the summary
    language: str = ""  # the language most header words are in, when one stands out

    def index(self, name: str) -> int | None:
        return next((i for i, f in self.fields.items() if f == name), None)


def parse_map(text: str | None) -> dict[str, str]:
    """`--map "Fecha=date,Copy=text"` as {normalised header: field}."""
    overrides: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        header, sep, target = part.partition("=")
        target = target.strip().lower()
        allowed = (*FIELDS[:-1], EXTRA, IGNORE)
        if not sep or not header.strip() or target not in allowed:
            raise UsageError(
                f"--map '{part.strip()}': write HEADER=FIELD, FIELD one of {', '.join(allowed)}"
            )
        overrides[normalise(header)] = target
    return overrides


def recognise(header: list[str], overrides: dict[str, str]) -> Columns:
    """The field of each header: `--map` first, then the header words of every language."""
    words = header_words()
    columns = Columns()
    languages: Counter[str] = Counter()
    for index, title in enumerate(header):
        key = normalise(title)
        target = overrides.get(key)
        if target is None and key in words:
            target = words[key]["field"]
            languages[words[key]["language"]] += 1
        _place(columns, index, title, target)
    unused = set(overrides) - {normalise(title) for title in header}
    if unused:
        raise UsageError(
            f"--map names no column of the file: {', '.join(sorted(unused))}; "
            f"the headers are: {', '.join(h for h in header if h.strip())}"
        )
    ranked = languages.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        columns.language = ranked[0][0]
    return columns


def _place(columns: Columns, index: int, title: str, target: str | None) -> None:
    if target == IGNORE or target == "derived":
        columns.ignored.append(title)
    elif target in (None, EXTRA) or target in columns.fields.values():
        # An unknown header, or a second column for a field: its values are kept as extras.
        if title.strip():
            columns.extra[index] = title.strip()
        else:
            columns.ignored.append(f"column {index + 1} (no header)")
    else:
        columns.fields[index] = target
