"""Publishing keys: the scheduler a calendar or channel is uploaded to, media items with alt
text, the first comment, public media URLs and the approval rule (docs/format.md)."""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from smmplan.load.schema.values import Model
from smmplan.problems import Code


def _scheduler_names(info: ValidationInfo) -> dict[str, tuple[str, ...]]:
    """The schedulers and their plans, as the caller of validation knows them.

    The presets live in the export room; the pipeline passes their names and plans in the
    validation context (`{"schedulers": {name: plans}}`, or a function that gives them), so
    reading a calendar does not import the exporters.
    """
    found = (info.context or {}).get("schedulers", {})
    return dict(found() if callable(found) else found)


class Scheduler(Model):
    """`scheduler: {name: buffer, plan: free}`: where the posts are uploaded, and on which plan."""

    name: str = Field(
        description="The scheduler: buffer, hootsuite, sprout or publer.",
        examples=["buffer"],
    )
    plan: str | None = Field(
        default=None,  # None: the first plan the scheduler offers
        description="The plan you are on (its limits are checked); default: the first it offers.",
        examples=["free"],
    )

    @field_validator("name", mode="before")
    @classmethod
    def _known(cls, value: Any, info: ValidationInfo) -> Any:
        known = _scheduler_names(info)
        if isinstance(value, str) and value.strip().lower() in known:
            return value.strip().lower()
        hint = difflib.get_close_matches(str(value).lower(), list(known), n=1, cutoff=0.6)
        raise PydanticCustomError(
            Code.UNKNOWN_SCHEDULER.value,
            "unknown scheduler '{value}'{hint}; use one of {names}",
            {
                "value": value,
                "hint": f" (did you mean '{hint[0]}'?)" if hint else "",
                "names": ", ".join(known),
            },
        )

    @field_validator("plan")
    @classmethod
    def _offered(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.data.get("name")
        plans = _scheduler_names(info).get(name or "", ())
        if name and value is not None and value not in plans:
            raise PydanticCustomError(
                Code.UNKNOWN_PLAN.value,
                "{name} has no plan '{value}'; use one of {plans}",
                {"name": name, "value": value, "plans": ", ".join(plans)},
            )
        return value


def _scheduler_shorthand(value: Any) -> Any:
    # `scheduler: buffer` is short for `scheduler: {name: buffer}`.
    return {"name": value} if isinstance(value, str) else value


# In the editor's schema: a scheduler's name, or the mapping.
SchedulerValue = Annotated[
    Scheduler, BeforeValidator(_scheduler_shorthand, json_schema_input_type=Scheduler | str)
]


class MediaItem(Model):
    """`media: [{path: photo.jpg, alt: "A cup of tea"}]`: a media file and its alt text."""

    path: Annotated[str, Field(min_length=1)]
    alt: str | None = None


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str | dict) else value


Media = Annotated[
    list[str | MediaItem],
    BeforeValidator(_listify),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}},
            ]
        }
    ),
]


def _comment(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError(
            Code.EMPTY_FIRST_COMMENT.value,
            "'first_comment' is empty: write the comment's text or remove the key",
        )
    return value


FirstComment = Annotated[str, BeforeValidator(_comment)]


def _https(value: Any) -> Any:
    if isinstance(value, str) and not value.lower().startswith("https://"):
        raise PydanticCustomError(
            Code.MEDIA_BASE_NOT_HTTPS.value,
            "media_base_url '{value}' is not an https:// address; schedulers fetch media "
            "from public https URLs, e.g. https://cdn.example.com/media/",
            {"value": value},
        )
    return value


MediaBaseUrl = Annotated[str, BeforeValidator(_https)]


Approval = Literal["required", "optional"]


def media_paths(items: list[str | MediaItem]) -> list[str]:
    """The media paths (or URLs) of a `media:` list, as written."""
    return [item if isinstance(item, str) else item.path for item in items]


def media_alts(items: list[str | MediaItem]) -> list[str]:
    """The alt text of each media item; empty where none is given."""
    return ["" if isinstance(item, str) else item.alt or "" for item in items]
