"""Sprout Social's bulk scheduling: one file per profile, posts 10 minutes apart."""

from smmplan.export.presets import Preset, first, register
from smmplan.model import Post


def _row(post: Post, media: list[str]) -> list[str]:
    return [
        SPROUT.when(post, "%d/%m/%Y"),
        SPROUT.when(post, "%H:%M"),
        post.text,
        post.link,
        first(media),
    ]


SPROUT = register(
    Preset(
        "sprout",
        "Sprout Social",
        ("date", "time_24hr", "message_text", "link", "image_url"),
        "%d/%m/%Y %H:%M",
        _row,
        per_channel=True,
        max_rows=350,
        min_gap_minutes=10,
        max_media=1,
        plans={"paid": None},  # Sprout offers a trial, not a free plan
        refused_media=(".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".svg"),
        order=30,
    )
)
