"""Descriptions and examples of the calendar's keys: editors show them on hover and completion.

The same texts make docs/reference.md (`smmplan schema --markdown`). Keys shared by several
entries (text, template, hashtags, ...) are described once here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, Field

_M = TypeVar("_M", bound=BaseModel)


def about(description: str, *examples: Any, **field: Any) -> Any:
    """A pydantic `Field` with its description and examples (values as a YAML file holds them)."""
    made = field.get("default_factory")
    if made is list:
        field["default_factory"] = new_list
    elif isinstance(made, type) and issubclass(made, BaseModel):
        field["default_factory"] = defaults_of(made)
    return Field(description=description, examples=list(examples), **field)


def new_list() -> list[Any]:
    """A new empty list, a field's default. pydantic reads each default factory's signature
    when it builds the models: the builtin `list`'s is parsed from text, 0.15 ms each."""
    return []


def defaults_of(model: type[_M]) -> Callable[[], _M]:
    """A default factory: `model` with every field at its default.

    Calling the model itself would validate those defaults, and so build a validator of the
    model's own on the first run, though `Calendar`'s validator already holds its schema:
    six such builds were a twentieth of a cold `validate`. The defaults need no validating
    (a test checks that each such model comes out as calling it would make it).
    """

    def defaults() -> _M:
        return model.model_construct()

    return defaults


def text(entry: str) -> Any:
    return about(
        f"The {entry}'s body as inline Jinja text (`{{{{ vars.website }}}}` works); "
        "give `text` or `template`, not both.",
        "Tip of the week: grind just before brewing ☕",
        default=None,
    )


def template(entry: str) -> Any:
    return about(
        f"The {entry}'s body from a Jinja file under templates/ (path relative to that folder); "
        "give `template` or `text`, not both.",
        "tip.j2",
        default=None,
    )


def hashtags(*, default: Any = list) -> Any:
    kwargs: dict[str, Any] = {"default_factory": default} if default else {"default": None}
    return about(
        "Hashtags added to the published text: a list, or one string of tags separated by "
        'spaces; the `#` may be left out. Quote them in YAML (`"#tag"`).',
        ["#coffee", "#barista"],
        "#coffee #barista",
        **kwargs,
    )


def channels(entry: str) -> Any:
    return about(
        f"Channel keys the {entry} posts on (one word or a list); default: every channel.",
        ["instagram", "linkedin"],
        "instagram",
        default=None,
    )


def post_format(*, optional: bool = False) -> Any:
    return about(
        "The kind of post: text, photo, video, carousel, story, reel, poll, link, audio or live.",
        "photo",
        default=None if optional else "text",
    )


def pillar() -> Any:
    return about("Content category (pillar), for balance in `stats`.", "education", default="")


def entry_id(made_from: str) -> Any:
    return about(
        f"Unique id (lowercase letters, digits, `-`); default: made from `{made_from}`.",
        "tip-tuesday",
        default=None,
    )


def time() -> Any:
    return about(
        'Its own 24-hour time `"HH:MM"`; default: the channel\'s first free slot that day.',
        "09:30",
        default=None,
    )


def media() -> Any:
    return about(
        "Images or videos: paths relative to the calendar repo's root, or URLs.",
        ["media/latte.jpg"],
        default_factory=list,
    )


def link() -> Any:
    return about("A link to go with the post.", "https://casacafe.example/menu", default="")


def lint() -> Any:
    return about(
        "Lint rules that do not apply to this entry's posts.",
        {"disable": ["W316"]},
        default_factory=_lint_default,
    )


def rrule() -> Any:
    return about(
        "An RFC 5545 rule of dates (no time parts) for a recurring entry; give `date` or `rrule`.",
        "FREQ=MONTHLY;BYDAY=1MO",
        default=None,
    )


def start() -> Any:
    return about(
        "The date that anchors `rrule` (`YYYY-MM-DD`); default: `period.start`.",
        "2026-01-05",
        default=None,
    )


@functools.cache  # one shared, frozen `lint: {}`: built for every entry, it was a twentieth
def _lint_default() -> Any:  # of reading a calendar of 10,000 drafts
    from smmplan.load.schema.settings import Lint

    return defaults_of(Lint)()
