"""Every lint rule, in code order."""

from __future__ import annotations

from types import ModuleType

from smmplan.lint import (
    approval,
    days_without_post,
    format_mix,
    media,
    media_files,
    past_drafts,
    posts_per_day,
    repeats,
    spacing,
    tags,
    text_length,
    unfilled,
)

RULES: tuple[ModuleType, ...] = (
    text_length,
    tags,
    posts_per_day,
    spacing,
    days_without_post,
    format_mix,
    media,
    approval,
    past_drafts,
    repeats,
    unfilled,
    media_files,
)
