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
