"""Checks that need the whole calendar: ids, references, clashes, holidays, anchors."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smmplan.load import packs, schema, vocab
from smmplan.load.packs import PackDay
from smmplan.load.positions import KeyPath, Pos
from smmplan.load.recurrence import depends_on_anchor
from smmplan.load.source import Source
from smmplan.problems import Code, Collector


@dataclass
class Checked:
    """A calendar that passed its checks, with every default resolved."""

    source: Source
    model: schema.Calendar
    id: str
    id_at: Pos  # where the id is written, or what it was made from
    theme_ids: list[str]
    observance_ids: list[str]
    draft_ids: list[str]
    holiday_language: str | None = None
    blackout: dict[date, str] = field(default_factory=dict)
    pack_days: list[PackDay] = field(default_factory=list)  # after the calendar's own
    hashtag_sets: dict[str, list[str]] = field(default_factory=dict)  # `+set`s expanded

    def channels_of(self, names: list[str] | None) -> list[str]:
        return list(names) if names else list(self.model.channels)


def check(source: Source, model: schema.Calendar, out: Collector) -> Checked:
    """Every check across entries (docs/format.md); problems go to `out`."""
    report = _Reporter(source, out)
    calendar_id, id_at = _calendar_id(report, model)
    checked = Checked(
        source=source,
        model=model,
        id=calendar_id,
        id_at=id_at,
        theme_ids=_ids(report, "themes", model.themes, "name"),
        observance_ids=_ids(
            report, ("holidays", "observances"), model.holidays.observances, "name"
        ),
        draft_ids=_ids(report, "posts", model.posts, "title"),
        blackout={b.date: b.reason for b in model.holidays.blackout},
    )
    _check_channel_refs(report, model)
    _check_theme_clashes(report, model)
    _check_anchors(report, model)
    _check_drafts_on_blackout(report, checked)
    checked.holiday_language = _check_holidays(report, model)
    _check_packs(report, checked)
    from smmplan.load import planning_checks

    planning_checks.check(report, checked)
    return checked


class _Reporter:
    def __init__(self, source: Source, out: Collector) -> None:
        self.source = source
        self.out = out

    def __call__(
        self, path: KeyPath, code: Code, message: str, *, key: bool = False, level: str = "error"
    ) -> None:
        file, line, col = self.source.at(path, key=key)
        self.out.add(file, line, col, code, message, level=level)  # type: ignore[arg-type]


def _calendar_id(report: _Reporter, model: schema.Calendar) -> tuple[str, Pos]:
    """`id:`, else the file name as an id, else the calendar's `name` as one."""
    source = report.source
    if model.id:
        return model.id, source.at(("id",))
    stem = unicodedata.normalize("NFC", source.file.stem)
    from_file = stem if vocab.is_id(stem) else vocab.slugify(stem)
    if from_file:
        return from_file, (source.located.path, 1, 1)
    from_name = vocab.slugify(model.name)
    if not from_name:
        report(
            ("name",),
            Code.BAD_ID,
            f"no id can be made from the file name '{source.file.name}' or this name; "
            "give the calendar an 'id:'",
        )
    return from_name, source.at(("name",))


def _ids(report: _Reporter, where: str | KeyPath, entries: list[Any], label: str) -> list[str]:
    prefix: KeyPath = (where,) if isinstance(where, str) else where
    seen: dict[str, KeyPath] = {}
    ids: list[str] = []
    for index, entry in enumerate(entries):
        written = getattr(entry, label) or ""
        given = entry.id or vocab.slugify(written)
        here = (*prefix, index, "id") if entry.id else (*prefix, index, label)
        if not given:
            report(
                (*prefix, index),
                Code.BAD_ID,
                f"give this entry an 'id' (or a '{label}' to derive one from)"
                if not written
                else f"no id can be made from the {label} '{written}'; give this entry an 'id'",
            )
        elif given in seen:
            file, line, col = report.source.at(seen[given])
            made = "" if entry.id else f"the {label} '{written}' gives "
            report(
                here,
                Code.DUPLICATE_ID,
                f"{made}id '{given}', which the entry at {file}:{line}:{col} already has; "
                "ids must be unique (give one of them its own 'id')",
            )
        seen.setdefault(given, here)
        ids.append(given or f"entry-{index + 1}")
    return ids


def _check_channel_refs(report: _Reporter, model: schema.Calendar) -> None:
    known = list(model.channels)
    networks = {c.network for c in model.channels.values()}
    groups: list[tuple[KeyPath, list[str] | None]] = [
        (("themes", i, "channels"), t.channels) for i, t in enumerate(model.themes)
    ]
    groups += [
        (("holidays", "observances", i, "channels"), o.channels)
        for i, o in enumerate(model.holidays.observances)
    ]
    groups += [(("posts", i, "channels"), d.channels) for i, d in enumerate(model.posts)]
    if model.holidays.greeting:
        groups.append((("holidays", "greeting", "channels"), model.holidays.greeting.channels))
    for path, names in groups:
        for index, name in enumerate(names or []):
            if name not in model.channels:
                report((*path, index), Code.UNKNOWN_CHANNEL, _unknown_channel(name, known))
    for i, theme in enumerate(model.themes):
        for key in theme.variants:
            if key not in model.channels and key not in networks:
                report(
                    ("themes", i, "variants", key),
                    Code.UNKNOWN_CHANNEL,
                    f"variant '{key}' names no channel or network of this calendar",
                    key=True,
                )


def _unknown_channel(name: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(name, known, n=1)
    tail = f"; did you mean '{hint[0]}'?" if hint else f" (channels: {', '.join(known)})"
    return f"unknown channel '{name}'{tail}"


def _check_theme_clashes(report: _Reporter, model: schema.Calendar) -> None:
    claimed: dict[tuple[int, str], str] = {}
    for index, theme in enumerate(model.themes):
        days = sorted({d for group in theme.days for d in group})
        for channel in theme.channels or list(model.channels):
            for day in days:
                other = claimed.setdefault((day, channel), theme.name)
                if other != theme.name:
                    report(
                        ("themes", index, "days"),
                        Code.THEME_CLASH,
                        f"'{theme.name}' and '{other}' both claim "
                        f"{vocab.WEEKDAY_NAMES[day]} on channel '{channel}'",
                    )
                    return


def _check_anchors(report: _Reporter, model: schema.Calendar) -> None:
    if model.period:
        return
    rules: list[tuple[KeyPath, str | None, date | None]] = []
    for key, channel in model.channels.items():
        rules += [
            (("channels", key, "slots", i, "rrule"), s.rrule, s.start)
            for i, s in enumerate(channel.slots)
        ]
    rules += [
        (("holidays", "observances", i, "rrule"), o.rrule, o.start)
        for i, o in enumerate(model.holidays.observances)
    ]
    rules += [(("posts", i, "rrule"), d.rrule, d.start) for i, d in enumerate(model.posts)]
    for path, rule, start in rules:
        if rule and start is None and depends_on_anchor(rule):
            report(
                path,
                Code.RRULE_NEEDS_START,
                "this rule's dates depend on its start date; give 'start: YYYY-MM-DD' "
                "or a calendar 'period'",
            )


def _check_drafts_on_blackout(report: _Reporter, checked: Checked) -> None:
    for index, draft in enumerate(checked.model.posts):
        if draft.date and draft.date in checked.blackout:
            reason = checked.blackout[draft.date]
            report(
                ("posts", index, "date"),
                Code.DRAFT_ON_BLACKOUT,
                f"{draft.date} is a blackout day"
                + (f" ({reason})" if reason else "")
                + "; move the post or remove the blackout",
            )


def _check_packs(report: _Reporter, checked: Checked) -> None:
    """Resolve `holidays.packs`: a day the calendar (or an earlier pack) already has is left out."""
    taken = set(checked.observance_ids)
    for index, use in enumerate(checked.model.holidays.pack_uses()):
        path: KeyPath = ("holidays", "packs", index)
        try:
            pack = packs.load(use.name)
        except ValueError as exc:
            report(path, Code.HOLIDAYS, str(exc))
            continue
        known = pack.ids()
        for at, day_id in enumerate(use.skip):
            if day_id not in known:
                hint = difflib.get_close_matches(day_id, known, n=1)
                report(
                    (*path, "skip", at),
                    Code.HOLIDAYS,
                    f"pack '{use.name}' has no day '{day_id}'"
                    + (f"; did you mean '{hint[0]}'?" if hint else ""),
                )
        for at, name in enumerate(use.channels or []):
            if name not in checked.model.channels:
                report(
                    (*path, "channels", at),
                    Code.UNKNOWN_CHANNEL,
                    _unknown_channel(name, list(checked.model.channels)),
                )
        names = pack.names_for(checked.model.language)
        days = packs.days_of(
            pack,
            path,
            skip=taken | set(use.skip),
            channels=use.channels,
            posts=use.posts,
            names=names,
        )
        _warn_unnamed(report, checked, path, use.name, days, names)
        checked.pack_days += days
        taken |= {day.id for day in days}


def _warn_unnamed(
    report: _Reporter,
    checked: Checked,
    path: KeyPath,
    pack: str,
    days: list[PackDay],
    names: dict[str, str] | None,
) -> None:
    """W322 once per pack: days the calendar uses that have no name in its `language`."""
    if names is None or Code.PACK_NAMES_MISSING.value in checked.model.rules.disable:
        return
    unnamed = [day.id for day in days if day.id not in names]
    if not unnamed:
        return
    language = checked.model.language
    report(
        path,
        Code.PACK_NAMES_MISSING,
        f"{len(unnamed)} of the {len(days)} days of pack '{pack}' have no name in "
        f"'{language}' and keep their English names (e.g. {', '.join(unnamed[:3])}); "
        "write such a day as an observance with its own name and the same `id`, leave it "
        "out with `skip:`, or silence this with `rules: {disable: [W322]}`",
        level="warning",
    )


def _check_holidays(report: _Reporter, model: schema.Calendar) -> str | None:
    """Check country, subdivision, categories; return the holiday language to use."""
    spec = model.holidays
    if not spec.country:
        for key in ("subdivision", "language", "categories", "greeting"):
            if getattr(spec, key):
                report(
                    ("holidays", key),
                    Code.HOLIDAYS,
                    f"'{key}' needs a holidays 'country'",
                    key=True,
                )
        return None
    from smmplan.cache.holidays import country_info

    info = country_info(spec.country)
    if info is None:
        report(
            ("holidays", "country"),
            Code.HOLIDAYS,
            f"no public holiday data for country '{spec.country}'; use an ISO 3166 "
            "alpha-2 code such as ES, NL or IN",
        )
        return None
    if spec.subdivision and spec.subdivision not in info.subdivisions:
        report(
            ("holidays", "subdivision"),
            Code.HOLIDAYS,
            f"'{spec.subdivision}' is not a subdivision of {spec.country}; "
            f"use one of {', '.join(info.subdivisions[:12])}"
            + (" …" if len(info.subdivisions) > 12 else ""),
        )
    for index, category in enumerate(spec.categories):
        if category not in info.categories:
            report(
                ("holidays", "categories", index),
                Code.HOLIDAYS,
                f"'{category}' is not a holiday category of {spec.country}; "
                f"use {', '.join(info.categories)}",
            )
    wanted = spec.language or model.language
    language = info.language_for(wanted)
    if wanted and language is None:
        report(
            ("holidays", "language") if spec.language else ("language",),
            Code.HOLIDAY_LANGUAGE,
            f"holiday names for {spec.country} are not available in '{wanted}' "
            f"(available: {', '.join(info.languages)}); the default names are used",
            level="warning",
        )
    return language
