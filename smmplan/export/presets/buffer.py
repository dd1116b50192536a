"""Buffer: one file per channel, one image per post, a queue limit per plan."""

from smmplan.export.presets import Preset, first, labels, register
from smmplan.model import Post


def _row(post: Post, media: list[str]) -> list[str]:
    return [post.text, first(media), ",".join(labels(post)), BUFFER.when(post)]


BUFFER = register(
    Preset(
        "buffer",
        "Buffer",
        ("Text", "Image URL", "Tags", "Posting Time"),
        "%Y-%m-%d %H:%M",
        _row,
        per_channel=True,
        max_media=1,
        plans={"free": 10, "paid": 100},
        order=10,
    )
)
