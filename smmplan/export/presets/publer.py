"""Publer's twelve-column CSV template: every column, in order, unused ones empty."""

from smmplan.export.presets import Preset, labels, register
from smmplan.model import Post

HEADER = (
    "Date",
    "Text",
    "Link(s)",
    "Media URL(s)",
    "Title",
    "Label(s)",
    "Alt text(s)",
    "Comment(s)",
    "Board/Album",
    "Post subtype",
    "CTA",
    "Reminder",
)
# Networks whose posts have a title of their own (a video's or a Pin's).
_TITLED = ("youtube", "pinterest")


def _row(post: Post, media: list[str]) -> list[str]:
    alts = ",".join(post.alt_text) if any(post.alt_text) else ""
    return [
        PUBLER.when(post),
        post.text,
        post.link,
        ",".join(media),
        post.title if post.network in _TITLED else "",
        ",".join(labels(post)),
        alts,
        post.first_comment,
        "",
        "",
        "",
        "",
    ]


PUBLER = register(
    Preset(
        "publer",
        "Publer",
        HEADER,
        "%Y-%m-%d %H:%M",
        _row,
        max_rows=500,
        max_media=10,
        plans={"free": None, "paid": None},
        order=40,
    )
)
