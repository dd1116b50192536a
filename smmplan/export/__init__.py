"""Output formats: one module per format that registers itself (docs/outputs.md).

A format is a module `smmplan/export/to_<name>.py` that calls `register(Format(...))` when
imported; a third-party package adds one through the entry point group `smmplan.formats`,
whose object is such a module or a `Format`. The CLI's choices, the docs' table and the output
file names all come from `formats()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from smmplan import plugins
from smmplan.model import Schedule
from smmplan.problems import UsageError

ENTRY_POINTS = "smmplan.formats"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Knobs of the exporters; the defaults give the documented output."""

    csv_safe: bool = True
    csv_bom: bool = False
    # UTC; None means the window start at 00:00:00Z, so that output stays deterministic.
    dtstamp: datetime | None = None
    # Template text (not a path) that replaces the shipped Markdown layout.
    md_template: str | None = None


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its name is the `--format` choice and the file name's extension."""

    name: str
    summary: str  # one line for `--help` and the docs
    write: Callable[[Schedule, ExportOptions], bytes]
    # The first bytes of a file in this format as smmplan writes it: `-o` replaces only such.
    signatures: tuple[bytes, ...] = ()
    default: bool = False  # written by `build` when --format is not given
    order: int = 100  # place in lists; built-ins use 10, 20, ...
    # Its bytes follow from the schedule and the options alone, so the output cache may keep
    # them (HTML embeds media files, which the schedule only names).
    cacheable: bool = True


_FORMATS: plugins.Registry[Format] = plugins.Registry(
    "output formats", ENTRY_POINTS, __name__, Format, lambda module: module.startswith("to_")
)
register = _FORMATS.register


def formats() -> dict[str, Format]:
    """Every format, built-in and from plugins, in display order."""
    return _FORMATS.all()


def default_formats() -> tuple[str, ...]:
    return tuple(name for name, fmt in formats().items() if fmt.default)


def get(name: str) -> Format:
    found = formats().get(name)
    if found is None:
        raise UsageError(f"unknown output format {name!r}; use one of: {', '.join(formats())}")
    return found


def export(fmt: str, schedule: Schedule, options: ExportOptions) -> bytes:
    """Render `schedule` in format `fmt` (a name in `formats()`)."""
    return get(fmt).write(schedule, options)
