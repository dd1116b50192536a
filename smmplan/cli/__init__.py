"""The `smmplan` command: one module per command (or group), each registering on one typer app."""

from importlib import import_module

from smmplan.cli.base import app, guarded, main

# The order of `smmplan --help`: the everyday commands first.
COMMANDS = (
    "check",
    "build",
    "diff",
    "approve",
    "import_",
    "schema",
    "explain",
    "views",
    "ideas",
    "tasks",
    "init",
    "cache",
)
for _module in COMMANDS:
    import_module(f"{__name__}.{_module}")

__all__ = ["app", "guarded", "main"]
