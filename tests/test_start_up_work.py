"""Start-up work: a calendar's sections left at their defaults, and its time zone, cost a cold
run nothing beyond what checking them needs, and come out exactly as before."""

from __future__ import annotations

import os
import subprocess
import sys
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from calendars_for_tests import calendar
from pydantic import BaseModel

from smmplan.load import schema, zones
from smmplan.load.schema import about

# No rules, holidays, evergreen or channel limits: each takes its default.
PLAIN = calendar(
    """\
    channels:
      li: {network: linkedin, slots: [{days: [tue, thu], times: ["08:00"]}]}
    themes:
      - {name: Notes, days: [tue, thu], text: "A note for the team."}
    """,
    period="{start: 2026-03-01, end: 2026-03-31}",
)

# The sections a calendar may leave out, made by their default factories.
DEFAULTED = ("Rules", "Holidays", "FragmentHolidays", "Evergreen", "Limits", "Lint")


def _default_factories() -> list[tuple[str, Callable[[], Any]]]:
    """Every model field whose default is a whole section, with its factory."""
    found: list[tuple[str, Callable[[], Any]]] = []
    for owner in vars(schema).values():
        if isinstance(owner, type) and issubclass(owner, BaseModel):
            for name, field in owner.model_fields.items():
                made = field.default_factory
                if made is not None and isinstance(made(), BaseModel):  # type: ignore[call-arg]
                    found.append((f"{owner.__name__}.{name}", made))  # type: ignore[arg-type]
    return found


def test_every_defaulted_section_is_made_as_validating_it_would_make_it() -> None:
    factories = _default_factories()
    assert {type(made()).__name__ for _, made in factories} >= set(DEFAULTED)
    for where, made in factories:
        built = made()
        validated = type(built).model_validate({})
        assert built == validated, where
        assert built.model_fields_set == validated.model_fields_set, where
    lint = about.defaults_of(schema.Lint)()
    assert lint == schema.Lint() and lint.disable == schema.Lint().disable


def test_a_calendar_that_leaves_sections_out_builds_no_validator_for_them(tmp_path: Path) -> None:
    """Each section's schema is inside the calendar's validator already; building one of its
    own on the first run was a twentieth of a cold `validate`."""
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    script = (
        "import sys\n"
        "from smmplan.cli import main\n"
        "sys.argv = ['smmplan', 'validate', '--no-cache', 'calendars']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "from smmplan.load import schema\n"
        f"built = [n for n in {DEFAULTED!r} if getattr(schema, n).__pydantic_complete__]\n"
        "print('built:', *built)\n"
    )
    env = {
        **os.environ,
        "SMMPLAN_CACHE_DIR": str(tmp_path / "cache"),
        "SMMPLAN_TODAY": "2026-02-01",
    }
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "built:"


def test_every_zone_tzdata_lists_is_one_python_knows() -> None:
    """The quick look-up accepts no zone the full list would refuse."""
    listed = zones._listed()
    assert "Europe/Madrid" in listed and "Asia/Kolkata" in listed
    assert listed <= zoneinfo.available_timezones()


def test_a_listed_zone_is_checked_without_listing_every_zone_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def every_zone_file() -> set[str]:
        raise AssertionError("listed every zone file")

    monkeypatch.setattr(zoneinfo, "available_timezones", every_zone_file)
    zones._known.cache_clear()
    try:
        assert (
            zones.check_zone("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"
        )
        with pytest.raises(AssertionError, match="listed every zone file"):
            zones.check_zone("europe/madrid")  # not as listed: the full list decides
    finally:
        zones._known.cache_clear()


def test_a_zone_in_the_wrong_case_is_still_named_rightly() -> None:
    with pytest.raises(ValueError, match="case-sensitive: 'Europe/Madrid'"):
        zones.check_zone("europe/madrid")
    with pytest.raises(ValueError, match="use an IANA name"):
        zones.check_zone("Europe/Atlantis")
