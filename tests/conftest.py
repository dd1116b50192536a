"""Test-session settings shared by every test module."""

from __future__ import annotations

import os
import tempfile

import pytest


def pytest_configure() -> None:
    # Keep the holiday and template caches of test runs away from the user's own cache.
    os.environ.setdefault("SMMPLAN_CACHE_DIR", tempfile.mkdtemp(prefix="smmplan-test-cache-"))


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Use every core when pytest-xdist is installed (the test extra has it) and no -n is given.

    `-n auto` in addopts would make a Python without the plugin refuse to run any test.
    """
    if getattr(config.option, "numprocesses", 0) is None and not hasattr(config, "workerinput"):
        config.option.numprocesses = "auto"
