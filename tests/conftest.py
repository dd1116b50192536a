"""Test-session settings shared by every test module."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        _installed(config)
    # Keep the holiday and template caches of test runs away from the user's own cache.
    os.environ.setdefault("SMMPLAN_CACHE_DIR", tempfile.mkdtemp(prefix="smmplan-test-cache-"))
    _derandomized()
    # pytest keeps each test module's rewritten bytecode only where bytecode may be written;
    # without it, every worker rewrites every test module on every run.
    sys.dont_write_bytecode = False
    _built_once()
    if not hasattr(config, "workerinput"):
        _compiled()


def _installed(config: pytest.Config) -> None:
    """Stop at once, saying what to install, when this Python lacks smmplan or what it and its
    tests need: otherwise every test module fails on its own import, one error each. Where the
    checkout has the README's `.venv` and this is another Python, the same test command runs
    again with the `.venv`'s instead (a shell where the venv is not activated)."""
    import tomllib
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    wanted = [project["project"]["name"]]
    for line in [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
    ]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            wanted.append(requirement.name)
    present = {
        canonicalize_name(found.metadata["Name"] or "") for found in metadata.distributions()
    }
    missing = [name for name in dict.fromkeys(wanted) if canonicalize_name(name) not in present]
    if missing:
        _again_in_the_checkouts_venv(config, Path(__file__).parents[1] / ".venv")
        pytest.exit(
            f"{sys.executable} lacks what smmplan's tests need ({', '.join(missing)}); "
            "install the project with its test extra first: python -m pip install -e '.[test]'",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


def _again_in_the_checkouts_venv(config: pytest.Config, venv: Path) -> None:
    """Run this test command with `venv`'s Python in place of this process, when `venv` is
    another environment than this one (and this is not already such a second run)."""

    pythons = [venv / "bin" / "python", venv / "Scripts" / "python.exe"]
    python = next((found for found in pythons if found.is_file()), None)
    if (
        python is None
        or os.environ.get("SMMPLAN_TESTS_IN_VENV")
        or Path(sys.prefix).resolve() == venv.resolve()
        or subprocess.run([python, "-c", "import pytest, smmplan"], capture_output=True).returncode
    ):
        return  # no such venv, this one, or one without smmplan and pytest: say what to do
    sys.stderr.write(
        f"{sys.executable} lacks smmplan's test dependencies; running the tests with "
        f"{python} (the checkout's .venv) instead\n"
    )
    sys.stderr.flush()
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:  # give the terminal back to the run that replaces this one
        capture.stop_global_capturing()
    args = [str(python), "-m", "pytest", *config.invocation_params.args]
    os.chdir(config.invocation_params.dir)
    os.execve(python, args, {**os.environ, "SMMPLAN_TESTS_IN_VENV": "1"})


def _compiled() -> None:
    """Compile smmplan once, before any worker starts, as installing a wheel does.

    An editable install leaves it uncompiled, and where PYTHONDONTWRITEBYTECODE is set (some
    CI images) every process the tests start, and there are hundreds, compiled it again. Only
    changed modules are compiled; the files land in __pycache__ as Python's own would.
    """
    import compileall

    try:
        import smmplan
    except ImportError:  # not installed: the tests say so themselves
        return
    with contextlib.suppress(OSError):  # a read-only install: the tests just run slower
        compileall.compile_dir(Path(smmplan.__file__).parent, quiet=1)


def _derandomized() -> None:
    """Every property test draws the same examples on every run and machine: a red run is
    never luck, and a green one is never luck either. A test's own @settings keep this."""
    from hypothesis import settings

    settings.register_profile("smmplan", derandomize=True, database=None)
    settings.load_profile("smmplan")


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Use every core when pytest-xdist is installed (the test extra has it) and no -n is given.

    `-n auto` in addopts would make a Python without the plugin refuse to run any test.
    """
    if getattr(config.option, "numprocesses", 0) is None and not hasattr(config, "workerinput"):
        config.option.numprocesses = "auto"


def _built_once() -> None:
    """Build the click command of an app once per set of commands, as one smmplan run does.

    `CliRunner.invoke` asks typer to build every command's parser again on each call (~0.1 s
    of reading type hints); the parser only changes when a command is registered.
    """
    try:
        import typer.main
        import typer.testing
    except ImportError:  # smmplan's dependencies are missing: the tests that use them say so
        return

    build = typer.main.get_command
    built: dict[tuple[int, int, int], object] = {}

    def get_command(app: typer.Typer) -> object:
        key = (id(app), len(app.registered_commands), len(app.registered_groups))
        if key not in built:
            built[key] = build(app)
        return built[key]

    typer.testing._get_command = get_command  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def _a_run_of_its_own() -> None:
    """Each test starts as a new smmplan process would: nothing an earlier test's run worked
    out in memory (smmplan.cache.run_memo) is there to be reused."""
    from smmplan.cache import run_memo

    run_memo.clear()
