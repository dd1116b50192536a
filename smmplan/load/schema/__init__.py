"""The calendar format (docs/format.md) as pydantic models, one module per part of a calendar.

Values arrive as text from the loader; the annotated types parse them and raise errors whose
type is the stable problem code, so positions and codes map back directly.
"""

from smmplan.load.schema.channels import Channel, Slot
from smmplan.load.schema.days import Blackout, FragmentHolidays, Holidays, PackUse
from smmplan.load.schema.entries import Draft, Greeting, Observance, Theme, Variant
from smmplan.load.schema.root import Calendar, Fragment
from smmplan.load.schema.settings import Limits, Lint, Period, Rules
from smmplan.load.schema.values import (
    LINT_CODES,
    ChannelKey,
    ChannelList,
    Count,
    DateValue,
    DayList,
    DayValue,
    Hashtag,
    Hashtags,
    Id,
    Language,
    LintCode,
    LintCodes,
    Model,
    Network,
    ObservanceDate,
    PlannedStatus,
    Positive,
    PostFormat,
    RRule,
    Status,
    TextList,
    TimeValue,
    Zone,
)

__all__ = [
    "Blackout",
    "Calendar",
    "Channel",
    "ChannelKey",
    "ChannelList",
    "Count",
    "DateValue",
    "DayList",
    "DayValue",
    "Draft",
    "Fragment",
    "FragmentHolidays",
    "Greeting",
    "Hashtag",
    "Hashtags",
    "Holidays",
    "Id",
    "LINT_CODES",
    "Language",
    "Limits",
    "Lint",
    "LintCode",
    "LintCodes",
    "Model",
    "Network",
    "Observance",
    "ObservanceDate",
    "PackUse",
    "Period",
    "PlannedStatus",
    "Positive",
    "PostFormat",
    "RRule",
    "Rules",
    "Slot",
    "Status",
    "TextList",
    "Theme",
    "TimeValue",
    "Variant",
    "Zone",
]
