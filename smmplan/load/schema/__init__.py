"""The calendar format (docs/format.md) as pydantic models, one module per part of a calendar.

Values arrive as text from the loader; the annotated types parse them and raise errors whose
type is the stable problem code, so positions and codes map back directly.
"""

from smmplan.load.schema.approval import Approval
from smmplan.load.schema.campaigns import Campaign, Money, Utm
from smmplan.load.schema.channels import Channel, Slot
from smmplan.load.schema.days import Blackout, FragmentHolidays, Holidays, PackUse
from smmplan.load.schema.entries import Draft, Greeting, Observance, Theme, Variant
from smmplan.load.schema.planning import Evergreen, EvergreenPost, Idea
from smmplan.load.schema.production import Person, Step
from smmplan.load.schema.publishing import MediaItem, Scheduler
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
    "Approval",
    "Blackout",
    "Calendar",
    "Campaign",
    "Channel",
    "ChannelKey",
    "ChannelList",
    "Count",
    "DateValue",
    "DayList",
    "DayValue",
    "Draft",
    "Evergreen",
    "EvergreenPost",
    "Fragment",
    "FragmentHolidays",
    "Greeting",
    "Hashtag",
    "Hashtags",
    "Holidays",
    "Idea",
    "Id",
    "LINT_CODES",
    "Language",
    "Limits",
    "Lint",
    "MediaItem",
    "LintCode",
    "LintCodes",
    "Model",
    "Money",
    "Network",
    "Observance",
    "ObservanceDate",
    "PackUse",
    "Person",
    "Period",
    "PlannedStatus",
    "Positive",
    "PostFormat",
    "RRule",
    "Rules",
    "Scheduler",
    "Slot",
    "Status",
    "Step",
    "TextList",
    "Theme",
    "TimeValue",
    "Utm",
    "Variant",
    "Zone",
]
