"""The one problem type every check produces, and the one exception root."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

# Every control character, tab and newline included: what may not stand in a mapping key,
# and what a one-line problem message shows escaped.
ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

Level = Literal["error", "warning"]


class Code(StrEnum):
    """Stable problem codes; documented in docs/codes.md."""

    # Reading the file (E0xx)
    READ = "E001"  # file cannot be read or decoded
    # YAML and schema (E1xx)
    YAML_SYNTAX = "E100"
    SCHEMA = "E101"  # wrong type, missing key, invalid value
    UNKNOWN_KEY = "E102"
    YAML_ALIAS = "E103"
    DUPLICATE_KEY = "E104"
    UNQUOTED_HASHTAG = "E105"
    YAML_TAG = "E106"
    TOO_LARGE = "E107"
    BAD_DATE = "E110"
    BAD_TIME = "E111"
    BAD_TIMEZONE = "E112"
    BAD_RRULE = "E113"
    BAD_HASHTAG = "E114"
    CONTROL_CHAR = "E115"
    BAD_DAY = "E116"
    BAD_ID = "E117"
    INCLUDE = "E120"
    UNKNOWN_CHANNEL = "E121"
    HOLIDAYS = "E122"
    TEMPLATE_NOT_FOUND = "E130"
    TEMPLATE_SYNTAX = "E131"
    TEMPLATE_RENDER = "E132"
    TEMPLATE_LIMIT = "E133"
    UNKNOWN_VAR = "E134"  # `{{ vars.x }}` in hashtags, link or first_comment names no var
    # YAML mistakes of text copied from documents (E14x)
    YAML_COLON = "E140"  # an unquoted ': ' inside a value
    YAML_ODD_SPACE = "E141"  # a no-break or other Unicode space after a key or in indentation
    YAML_TAB = "E142"  # a tab used for indentation
    # Conflicts found while expanding (E2xx)
    DUPLICATE_ID = "E201"
    THEME_CLASH = "E202"
    DRAFT_ON_BLACKOUT = "E203"
    DRAFT_NO_SLOT = "E204"
    DRAFT_CLASH = "E205"
    RRULE_NEEDS_START = "E206"
    NO_WINDOW = "E207"
    EXPANSION_LIMIT = "E208"
    DUPLICATE_CALENDAR_ID = "E209"
    # Scheduler presets (E5xx)
    PRESET_RULE = "E501"  # a post breaks a rule of the --preset scheduler
    UNKNOWN_SCHEDULER = "E502"
    UNKNOWN_PLAN = "E503"
    VIDEO_ALT = "E504"  # alt text on a video for a network that takes none
    MEDIA_BASE_NOT_HTTPS = "E505"
    EMPTY_FIRST_COMMENT = "E506"
    MEDIA_NOT_PUBLIC = "E507"  # a relative media path where a scheduler needs a URL
    SCHEDULER_LIMIT = "E508"  # text, comment, hashtags or links over a network's limit
    # Production workflow (E8xx, W8xx): docs/workflow.md
    STEP_OVERDUE_STRICT = "E801"  # W801 under `validate --deadlines strict`
    BAD_LEAD = "E802"
    ROLE_UNSTAFFED = "E803"
    STEP_CYCLE = "E804"
    STEP_UNKNOWN = "E805"
    DUPLICATE_STEP = "E806"
    WORKDAYS_NO_COUNTRY = "E807"
    ROLE_AWAY = "E808"
    STEP_OVERDUE = "W801"
    PERSON_AWAY = "W802"
    APPLIES_TO_UNKNOWN = "W803"
    # Content planning: campaigns, evergreen library, hashtag sets, ideas (E7xx)
    UNKNOWN_CAMPAIGN = "E701"
    DATES_REVERSED = "E702"  # a campaign (or an evergreen post's use) ends before it starts
    BAD_AMOUNT = "E703"
    BAD_CURRENCY = "E704"
    OVER_BUDGET = "E705"
    OTHER_CURRENCY = "E706"
    UNKNOWN_HASHTAG_SET = "E707"
    HASHTAG_SET_CYCLE = "E708"
    BAD_WEIGHT = "E709"
    BAD_COOLDOWN = "E710"
    IDEA_ID = "E711"  # an idea's id is also another idea's or a draft's
    EVERGREEN_ID = "E712"  # two evergreen posts share an id
    NO_FREE_SLOT = "E713"  # `smmplan schedule`: the date has no free slot
    EVERGREEN_START = "E714"  # evergreen filling without a day to count the rotation from
    # Warnings (W3xx)
    OBSERVANCE_NO_SLOT = "W301"
    DST_GAP = "W302"
    HOLIDAY_LANGUAGE = "W303"
    GREETING_NO_SLOT = "W304"
    TEXT_CUT_BY_COMMENT = "W305"
    DRAFT_OUTSIDE_PERIOD = "W306"
    SKIP_UNUSED = "W307"
    DRAFT_NO_DATE = "W308"
    THEME_UNUSED = "W309"
    # Lint rules (W31x, W32x): docs/rules.md
    TEXT_TOO_LONG = "W310"
    TOO_MANY_TAGS = "W311"
    POSTS_PER_DAY = "W312"
    POSTS_TOO_CLOSE = "W313"
    DAYS_WITHOUT_POST = "W314"
    FORMAT_MIX = "W315"
    MEDIA_MISSING = "W316"
    APPROVAL_DUE = "W317"
    DRAFT_IN_PAST = "W318"
    TEXT_REPEATED = "W319"
    UNFILLED_SLOTS = "W320"
    MEDIA_NOT_FOUND = "W321"
    PACK_NAMES_MISSING = "W322"  # a load check, silenced like a lint rule: `rules: {disable}`
    # Scheduler hand-off (W5xx)
    ALT_TEXT_MISSING = "W502"
    POST_IN_PAST = "W503"  # left out of a scheduler file: before today + its lead time
    # Review: diff and approve (E6xx, W6xx)
    APPROVE_EDIT = "E601"  # approve cannot edit the entry safely; nothing written
    APPROVAL_STALE = "W601"  # an approved post changed since it was approved
    # Content planning warnings (W7xx)
    OUTSIDE_CAMPAIGN = "W701"  # a post dated outside its campaign's dates
    CAMPAIGN_CHANNEL = "W702"  # a post on a channel its campaign does not include
    UTM_KEPT = "W703"  # the link already has utm_* parameters
    MANY_HASHTAGS = "W704"  # more hashtags than a network recommends
    EVERGREEN_EXHAUSTED = "W705"


@dataclass(frozen=True, order=True)
class Problem:
    """A positioned finding about a calendar; sorts by path, then position."""

    path: str
    line: int
    col: int
    level: Level = field(compare=True)
    code: str = field(compare=True)
    message: str = field(compare=True)
    # Where the problem ends (line, col), when it has a span: SARIF's endLine/endColumn.
    end: tuple[int, int] | None = field(default=None, compare=False)

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.level} {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


class SmmplanError(Exception):
    """Root of every user-facing failure."""


class ProblemsFound(SmmplanError):
    """Raised when checks found errors; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def __reduce__(self) -> tuple[type[ProblemsFound], tuple[list[Problem]]]:
        return (ProblemsFound, (self.problems,))  # whole, when raised in a worker process


class UsageError(SmmplanError):
    """Options that do not fit together (exit code 2)."""


class Collector:
    """Gathers problems for one calendar so that checks never stop at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self,
        path: str,
        line: int,
        col: int,
        code: Code | str,
        message: str,
        *,
        level: Level = "error",
        end: tuple[int, int] | None = None,
    ) -> None:
        """`code` is a `Code`, or a plugin rule's own code as a string; `end` ends a span."""
        value = code.value if isinstance(code, Code) else code
        self.problems.append(Problem(path, line, col, level, value, message, end))

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)
