"""Lint rules (docs/rules.md) over an expanded schedule: one small module per rule.

Each rule module has a stable `CODE`, a `NAME` and a `check(context)` that yields findings;
`registry.rules()` finds them (and plugins' rules) and `runner.lint` runs them, as
yamllint runs its rules.
"""

from smmplan.lint.runner import lint

__all__ = ["lint"]
