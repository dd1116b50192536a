"""The one clock: what smmplan takes as today, so that CI and tests can set it.

`--today` wins, then the SMMPLAN_TODAY environment variable, then the real local date.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date

from smmplan.problems import UsageError

ENV = "SMMPLAN_TODAY"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def today(option: str | None = None, environ: Mapping[str, str] | None = None) -> date:
    """`--today` if given, else SMMPLAN_TODAY (an empty one counts as unset), else the date."""
    if option is not None:
        return parse_day("--today", option)
    value = (os.environ if environ is None else environ).get(ENV, "")
    if value:
        return parse_day(f"the {ENV} environment variable", value)
    return date.today()


def parse_day(name: str, value: str) -> date:
    """A YYYY-MM-DD date; UsageError naming where the bad value came from."""
    try:
        if _ISO_DAY.fullmatch(value.strip()):
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise UsageError(f"{name} '{value}' is not a date (YYYY-MM-DD, e.g. 2026-12-01)")
