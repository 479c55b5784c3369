"""Whether a real-browser test can run here: skip with the reason, or fail in CI.

The browser tests skip when Debian's Chromium or Playwright's Python package is missing,
unless PLAYGROUND_REQUIRE_BROWSER=1 (set by .ci/run), where that is a failure.
"""

import importlib.util
import os

import pytest

from benchmarks.chromium import CHROMIUM


def missing_browser_reason() -> str | None:
    """Why a real-browser test cannot run here, or None when it can."""
    if not CHROMIUM.exists():
        return f"no {CHROMIUM} (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (requirements-dev.txt)"
    return None


def require_browser() -> None:
    """Skip the calling test when no browser is available; fail instead in CI."""
    reason = missing_browser_reason()
    if reason is None:
        return
    if os.environ.get("PLAYGROUND_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PLAYGROUND_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)
