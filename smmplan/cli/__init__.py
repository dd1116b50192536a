"""The `smmplan` command: one module per command (or group), each registering on one typer app.

A run imports only the module of the command it was asked for: typer then builds one command's
parser, not all of them, and `validate` never imports what `build` or `init` need. Help and an
unknown command load every module, so both list every command.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from smmplan.cli.base import VERSION_LINE, guarded

if TYPE_CHECKING:
    import typer

# Each command's name and the module that registers it, in the order of `smmplan --help`
# (the everyday commands first). tests/test_cli_lazy.py checks this against the modules.
COMMANDS = {
    "validate": "check",
    "build": "build",
    "diff": "diff",
    "approve": "approve",
    "import": "import_",
    "schema": "schema",
    "explain": "explain",
    "show": "views",
    "stats": "views",
    "holidays": "views",
    "ideas": "ideas",
    "schedule": "ideas",
    "tasks": "tasks",
    "init": "init",
    "cache": "cache",
}


def load(names: list[str] | None = None) -> typer.Typer:
    """The app with the commands `names` registered (every command when None)."""
    from smmplan.cli.base import app

    wanted = list(COMMANDS) if names is None else names
    for name in wanted:
        # The import statement's own path (not importlib's), so `-X importtime` lists it.
        __import__(f"{__name__}.{COMMANDS[name]}")
    return app


def __getattr__(name: str) -> object:
    if name == "app":  # the whole command line, as tests and `python -m smmplan` use it
        return load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _command_asked(args: list[str]) -> str | None:
    """The command named on the command line, if it is one (the root takes only flags)."""
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main() -> None:
    """Console entry point."""
    args = sys.argv[1:]
    if args == ["--version"]:
        # Answered before typer builds any parser: --version stays instant.
        sys.stdout.write(f"{VERSION_LINE}\n")
        return
    # A run builds hundreds of thousands of small, acyclic objects (parsed YAML, models,
    # posts) that reference counting frees; the cycle collector's default pace rescans them
    # all again and again (a fifth of a 10,000-post build). A short-lived command can afford
    # a much larger first generation, as mypy does for the same reason.
    gc.set_threshold(200_000, 30, 30)
    # smmplan's models are its own: a pydantic plugin installed beside it (a tracer, say) has
    # no business in them, and finding plugins reads every installed package's metadata at the
    # first validation. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    asked = _command_asked(args)
    load([asked] if asked else None)(prog_name="smmplan")


__all__ = ["COMMANDS", "guarded", "load", "main"]
