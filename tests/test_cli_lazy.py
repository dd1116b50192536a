"""The command line loads one command's module per run: its table of commands must be true."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from smmplan.cli import COMMANDS, _command_asked, app


def _registered() -> dict[str, str]:
    """Each registered command's (or group's) name and the module that registered it."""
    found = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        found[name] = command.callback.__module__
    for group in app.registered_groups:
        typer_app = group.typer_instance
        assert typer_app is not None and group.name
        module = typer_app.registered_commands[0].callback.__module__  # type: ignore[union-attr]
        found[group.name] = module
    return found


def test_every_command_is_listed_with_the_module_that_registers_it() -> None:
    assert _registered() == {name: f"smmplan.cli.{module}" for name, module in COMMANDS.items()}


def test_help_lists_every_command_in_the_tables_order() -> None:
    output = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    lines = [line.strip("│ ").split(" ")[0] for line in output.splitlines()]
    assert [line for line in lines if line in COMMANDS] == list(COMMANDS)


@pytest.mark.parametrize(
    ("args", "asked"),
    [
        (["validate", "calendars"], "validate"),
        (["--debug", "build", "--format", "ics"], "build"),
        (["--help"], None),
        ([], None),
        (["valdiate"], None),  # a typo loads every command, so the error can list them
    ],
)
def test_the_command_is_read_past_the_roots_flags(args: list[str], asked: str | None) -> None:
    assert _command_asked(args) == asked
