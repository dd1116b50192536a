"""Hootsuite's bulk composer: one file per profile, no header, a 5-minute grid."""

from smmplan.export.presets import Preset, register
from smmplan.model import Post


def _row(post: Post, media: list[str]) -> list[str]:
    return [HOOTSUITE.when(post), post.text, post.link]


HOOTSUITE = register(
    Preset(
        "hootsuite",
        "Hootsuite",
        (),
        "%m/%d/%Y %H:%M",
        _row,
        per_channel=True,
        max_rows=350,
        minute_step=5,
        plans={"paid": None},  # Hootsuite has had no free plan since 2023
        lead_minutes=10,
        public_urls=False,  # the file has no media column
        order=20,
    )
)
