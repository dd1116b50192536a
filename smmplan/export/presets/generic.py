"""The standard CSV columns, for schedulers that let you map columns at upload."""

from dataclasses import replace

from smmplan.export.presets import Preset, register
from smmplan.model import POST_FIELDS, Post


def _row(post: Post, media: list[str]) -> list[str]:
    from smmplan.export.to_csv import post_row

    return post_row(replace(post, media=media), safe=False)


GENERIC = register(
    Preset(
        "generic",
        "any scheduler",
        POST_FIELDS,
        "%Y-%m-%d %H:%M",
        _row,
        public_urls=False,
        order=90,
    )
)
