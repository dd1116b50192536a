"""Test-session settings shared by every test module."""

from __future__ import annotations

import os
import tempfile


def pytest_configure() -> None:
    # Keep the holiday and template caches of test runs away from the user's own cache.
    os.environ.setdefault("SMMPLAN_CACHE_DIR", tempfile.mkdtemp(prefix="smmplan-test-cache-"))
