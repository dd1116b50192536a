"""The one table of network text limits, and text counted the way each network counts it.

Every figure carries where it comes from and when it was last checked: networks change their
limits, and a calendar can override any of them per channel (`limits:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

Counting = Literal["x", "graphemes", "graphemes-url23", "utf16", "codepoints"]

# Mastodon and X replace every link by a fixed-length one; this finds what they count as a link.
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_HASHTAG = re.compile(r"(?:^|(?<=\s))#\w+")
URL_LENGTH = 23


@dataclass(frozen=True)
class Limit:
    """What one network accepts in a post's text."""

    text: int
    counting: Counting
    source: str
    checked: str  # YYYY-MM-DD
    caption: int | None = None  # text limit when the post carries media, where it differs
    hashtags: int | None = None  # most hashtags a post may carry
    links: int | None = None  # most links a post's text may carry


LIMITS: dict[str, Limit] = {
    "x": Limit(
        280,
        "x",
        "twitter-text v3 configuration (maxWeightedTweetLength 280, defaultWeight 200, "
        "code points U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F, U+2032-U+2037 weigh 100, "
        "emoji 200, transformedURLLength 23), via the twitter-text-parser package; "
        "docs.x.com counting-characters",
        "2026-11-23",
    ),
    "bluesky": Limit(
        300,
        "graphemes",
        "app.bsky.feed.post lexicon: text maxGraphemes 300",
        "2026-11-23",
    ),
    "threads": Limit(
        500,
        "codepoints",
        "Publer help, character limits of all networks (updated 2025-12-05): 500; one topic tag "
        "per post (Social Media Today, 2025-12-18)",
        "2026-11-23",
        hashtags=1,
    ),
    "mastodon": Limit(
        500,
        "graphemes-url23",
        "docs.joinmastodon.org/user/posting: 500 characters on most servers, every link "
        "counts as 23; Mastodon's StatusLengthValidator counts grapheme clusters",
        "2026-11-23",
    ),
    "linkedin": Limit(
        3000,
        "codepoints",
        "Publer help, character limits of all networks (updated 2025-12-05): 3,000",
        "2026-11-23",
    ),
    "instagram": Limit(
        2200,
        "utf16",
        "captions up to 2,200 characters (Publer help, 2025-12-05); hashtags capped at 5 per "
        "post or reel since December 2025 (Instagram @creators, reported by Social Media "
        "Today 2025-12-18), 30 before",
        "2026-11-23",
        hashtags=5,
    ),
    "facebook": Limit(
        63206,
        "utf16",
        "SocialKit limits table (checked by them 2026-06): posts up to 63,206 characters",
        "2026-11-23",
    ),
    "tiktok": Limit(
        2200,
        "utf16",
        "TikTok Content Posting API: video captions up to 2,200 characters (SocialKit, "
        "2026-06; Publer, 2025-12-05); the app allows about 4,000 on some accounts",
        "2026-11-23",
    ),
    "youtube": Limit(
        5000,
        "codepoints",
        "Publer help (2025-12-05): descriptions up to 5,000 characters; a video with more "
        "than 15 hashtags has all of them ignored (YouTube help, as quoted by lettercounter.org)",
        "2026-11-23",
        hashtags=15,
    ),
    "telegram": Limit(
        4096,
        "utf16",
        "Telegram Bot API (core.telegram.org/bots/api#sendmessage): text 1-4096 characters, "
        "media captions 0-1024, after entities parsing, in UTF-16 code units",
        "2026-11-23",
        caption=1024,
    ),
    "pinterest": Limit(
        500,
        "codepoints",
        "Publer help (2025-12-05): Pin descriptions up to 500 characters (titles 100)",
        "2026-11-23",
    ),
    "vk": Limit(
        16384,
        "codepoints",
        "no official figure found for wall.post; 16,384 is what posting tools use "
        "(unverified: override with the channel's limits: where it matters)",
        "2026-11-23",
    ),
}


def limit_for(network: str) -> Limit | None:
    """The limits of a known network; None for "other"."""
    return LIMITS.get(network)


@cache
def _x_parser() -> Any:
    """twitter-text's parser. It reads its emoji list through setuptools' pkg_resources, whose
    import warns that pkg_resources is deprecated: a line of Python's in the user's terminal
    and CI log about a library they never chose, so that one warning is kept quiet."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
        warnings.filterwarnings("ignore", "Deprecated call to `pkg_resources", DeprecationWarning)
        from twitter_text import parse_tweet
    return parse_tweet


def text_length(text: str, counting: Counting) -> int:
    """The length of `text` as a network with this counting measures it."""
    if counting == "x":
        return int(_x_parser()(text).weightedLength)
    if counting == "graphemes":
        return grapheme_count(text)
    if counting == "graphemes-url23":
        return grapheme_count(_URL.sub("x" * URL_LENGTH, text))
    if counting == "utf16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def grapheme_count(text: str) -> int:
    """User-perceived characters: an emoji with ZWJ or an accent is one."""
    import regex

    return len(regex.findall(r"\X", text))


@lru_cache(maxsize=4096)  # posts of one rubric share their text
def hashtag_count(text: str) -> int:
    return len(_HASHTAG.findall(text))


@lru_cache(maxsize=4096)
def link_count(text: str) -> int:
    return len(_URL.findall(text))


def counting_name(counting: Counting) -> str:
    """How the count is made, for messages."""
    return {
        "x": "weighted characters (CJK and emoji count 2, a link 23)",
        "graphemes": "graphemes",
        "graphemes-url23": "characters (a link counts 23)",
        "utf16": "characters (UTF-16, most emoji count 2)",
        "codepoints": "characters",
    }[counting]
