"""What the imported rows become in a calendar: channel keys, draft entries, a new calendar."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, get_args

from smmplan.imports.columns import normalise
from smmplan.imports.rows import Imported, RowError

# What people call a network in a sheet, for the network's name.
_ALIASES = {
    "ig": "instagram", "insta": "instagram", "fb": "facebook", "meta": "facebook",
    "twitter": "x", "tw": "x", "xcom": "x", "li": "linkedin", "yt": "youtube", "tt": "tiktok",
    "tg": "telegram", "bsky": "bluesky", "pin": "pinterest", "vkontakte": "vk",
}  # fmt: skip
_JINJA = re.compile(r"\{[{%#]")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TITLE_CHARS = 60


def network_of(value: str) -> str:
    """The network a channel name stands for ("IG", "Instagram" -> instagram), or ''."""
    from smmplan.load.schema.values import Network

    word = normalise(value)
    word = _ALIASES.get(word, word)
    return word if word in get_args(Network) and word != "other" else ""


@dataclass
class Channels:
    """The calendar's channels (key -> network) and those an import adds."""

    known: dict[str, str]
    add: bool = False  # --add-channels, or a new calendar
    added: dict[str, str] = field(default_factory=dict)  # key -> network
    _found: dict[str, str] = field(default_factory=dict)  # a sheet names few channels often

    def match(self, value: str) -> str:
        """The channel key `value` means; ValueError says why there is none."""
        if value not in self._found:
            self._found[value] = self._match(value)
        return self._found[value]

    def _match(self, value: str) -> str:
        word = normalise(value)
        every = {**self.known, **self.added}
        for key in every:
            if normalise(key) == word:
                return key
        network = network_of(value)
        same = [key for key, net in every.items() if network and net == network]
        if len(same) == 1:
            return same[0]
        if len(same) > 1:
            raise ValueError(
                f"channel '{value}' could be any of {', '.join(same)}; write the channel key"
            )
        if not self.add:
            raise ValueError(
                f"unknown channel '{value}'; the calendar's channels are "
                f"{', '.join(self.known)} (or add --add-channels)"
            )
        key = _new_key(value, network, every)
        self.added[key] = network or "other"
        return key


def _new_key(value: str, network: str, taken: dict[str, str]) -> str:
    from smmplan.load.vocab import CHANNEL_RE, slugify

    if CHANNEL_RE.fullmatch(value) and value not in taken:  # already a key: "fb", "ig_shop"
        return value
    base = network or re.sub(r"[^a-z0-9_-]", "", slugify(value)).strip("-_") or "channel"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def assign_channels(posts: list[Imported], channels: Channels) -> list[RowError]:
    """Each post's channel key, in place; the rows whose channel matches none."""
    errors: list[RowError] = []
    for post in posts:
        try:
            post.channel = channels.match(post.channel)
        except ValueError as exc:
            errors.append(RowError("", post.row, str(exc)))
    return errors


def published(post: Imported) -> str:
    """The text the post will publish (as build writes it), for telling duplicates."""
    from smmplan.render.renderer import published_text

    return published_text(post.text, post.hashtags)


def body_of(post: Imported) -> str:
    """The text without the hashtag line that build adds after it (the draft lists them)."""
    from smmplan.render.renderer import published_text

    body, sep, last = post.text.rpartition("\n\n")
    tags = {tag.casefold() for tag in post.hashtags}
    words = last.split()
    tags_only = sep and words and all(word.casefold() in tags for word in words)
    if tags_only and published_text(body, post.hashtags) == post.text:
        return body
    return post.text


def draft(post: Imported, draft_id: str | None) -> dict[str, Any]:
    """The `posts:` entry of one imported row; keys as people write them, empty ones left out."""
    entry: dict[str, Any] = {}
    if draft_id:
        entry["id"] = draft_id
    entry["title"] = post.title
    entry["date"] = post.date
    if post.time is not None:
        entry["time"] = f"{post.time:%H:%M}"
    entry["channels"] = [post.channel]
    if post.text:
        entry["text"] = protect(body_of(post))
    for name in ("hashtags", "media", "link", "format", "pillar", "status", "owner", "campaign"):
        value = getattr(post, name)
        if value:
            entry[name] = value
    if post.media and post.alt:
        entry["media"] = with_alt(post.media, post.alt)
    if post.first_comment:
        entry["first_comment"] = protect(post.first_comment)
    if post.budget is not None:
        entry["budget"] = int(post.budget) if post.budget.is_integer() else post.budget
    if post.extra:
        entry["extra"] = dict(post.extra)
    return entry


def with_alt(media: list[str], alt: str) -> list[Any]:
    """Media items with their alt text: `{path, alt}` where a text is given, the path elsewhere."""
    # Publer joins the texts with commas, which an alt text may hold too: split from the right
    # into one piece per item, so commas stay in the first texts; too few pieces go to the first.
    texts = [part.strip() for part in alt.rsplit(",", len(media) - 1)]
    if len(texts) != len(media):
        texts = [alt]
    return [{"path": path, "alt": text} if text else path for path, text in
            zip(media, texts + [""] * len(media), strict=False)]  # fmt: skip


def protect(text: str) -> str:
    """Text that Jinja prints as written: `{{` in an imported text is not a template."""
    if not _JINJA.search(text):
        return text
    parts = text.split("{% endraw %}")
    return "{{ '{% endraw %}' }}".join(f"{{% raw %}}{part}{{% endraw %}}" for part in parts)


def title_of(post: Imported) -> str:
    """The given title, else the text's first line cut at a word (what a plan shows)."""
    if post.title:
        return post.title
    line = (post.text or " ".join(post.hashtags)).split("\n", 1)[0].strip()
    if len(line) <= _TITLE_CHARS:
        return line
    cut = line[:_TITLE_CHARS].rsplit(" ", 1)[0]
    return f"{cut}…"


_PLAIN_TITLE = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*", re.IGNORECASE)


def _slug(title: str) -> str:
    """The id a title gives (vocab.slugify), without its cost for plain ASCII words."""
    if _PLAIN_TITLE.fullmatch(title):
        return title.lower().replace(" ", "-")
    from smmplan.load.vocab import slugify

    return slugify(title)


def ids(posts: list[Imported], taken: set[str]) -> list[str | None]:
    """An id for each post that the calendar does not already use (None: its title's slug)."""
    found: list[str | None] = []
    for post in posts:
        post.title = title_of(post)
        natural = _slug(post.title)
        base = natural[:_TITLE_CHARS].strip("-") or "post"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        found.append(None if candidate == natural else candidate)
    return found


def slots(posts: list[Imported]) -> dict[str, list[dict[str, Any]]]:
    """Posting slots for new channels: the weekdays and times the file posts at, and enough
    free times each day for the posts without a time."""
    timed: dict[str, dict[int, set[time]]] = defaultdict(lambda: defaultdict(set))
    untimed: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for post in posts:
        if post.time is None:
            untimed[post.channel][post.date] += 1
        else:
            timed[post.channel][post.date.weekday()].add(post.time)
    found: dict[str, list[dict[str, Any]]] = {}
    for channel in {*timed, *untimed}:
        groups: dict[tuple[time, ...], list[str]] = defaultdict(list)
        for weekday, times in sorted(timed[channel].items()):
            groups[tuple(sorted(times))].append(_WEEKDAYS[weekday])
        rows: list[dict[str, Any]] = [{"days": days, "times": [f"{t:%H:%M}" for t in times]}
                for times, days in groups.items()]  # fmt: skip
        need = max(untimed[channel].values(), default=0)
        if need or not rows:
            used = {t for times in timed[channel].values() for t in times}
            rows.append({"days": "daily", "times": _free_times(max(need, 1), used)})
        found[channel] = rows
    return found


def _free_times(count: int, used: set[time]) -> list[str]:
    """`count` times from 09:00 on, every 30 minutes, that no timed post uses."""
    free = [time(h, m) for h in range(9, 24) for m in (0, 30)]
    free += [time(h, m) for h in range(0, 9) for m in (0, 30)]
    chosen = [t for t in free if t not in used][:count]
    if len(chosen) < count:
        raise ValueError(f"{count} posts without a time on one day of one channel; give times")
    return [f"{t:%H:%M}" for t in chosen]
