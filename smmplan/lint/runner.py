"""Run every enabled rule over one schedule and position what they find."""

from __future__ import annotations

from datetime import date

from smmplan.lint.context import Context, Finding
from smmplan.lint.registry import code_of, rules
from smmplan.load.checks import Checked
from smmplan.model import Schedule
from smmplan.problems import Collector


def lint(
    checked: Checked,
    schedule: Schedule,
    out: Collector,
    *,
    today: date | None,
    limits_checked: frozenset[str] = frozenset(),
) -> None:
    """Add a warning to `out` for every finding of every rule the calendar leaves on.

    `limits_checked`: the ids of posts whose limits a declared scheduler's rules measured
    (E508); W310 and W311 do not report them again.
    """
    context = Context(checked, schedule, today, limits_checked)
    disabled = set(checked.model.rules.disable)
    for rule in rules():
        code = code_of(rule)
        if code in disabled:
            continue
        for finding in rule.check(context):
            if not _disabled_for_entry(context, finding, code):
                _report(context, finding, code, out)


def _disabled_for_entry(context: Context, finding: Finding, code: str) -> bool:
    if finding.entry is not None:
        entry = finding.entry
    elif finding.post is not None:
        entry = context.entry(finding.post)
    else:
        return False
    lint = getattr(entry, "lint", None)
    return lint is not None and code in lint.disable


def _report(context: Context, finding: Finding, code: str, out: Collector) -> None:
    if finding.at is not None:
        file, line, col = context.checked.source.at(finding.at)
    elif finding.post is not None:
        file, line, col = finding.post.origin
    else:
        file, line, col = context.checked.source.at(("channels", finding.channel or ""), key=True)
    out.add(file, line, col, code, finding.message, level="warning")
