"""Past the host's sessions per process, a new tab gets a clear page, not a playground
(its own server, started with PLAYGROUND_MAX_SESSIONS=1)."""

from __future__ import annotations

import os

import pytest

from benchmarks.chromium import ServerError, running_app
from tests.e2e.browser_check import require_browser

TIMEOUT_MS = 30_000
TITLE = "h1:has-text('Neural Network Playground')"
FULL = "[data-testid=stAlertContentError]:has-text('server is full')"


@pytest.fixture(scope="module")
def one_session_url():
    require_browser()
    env = {**os.environ, "PLAYGROUND_MAX_SESSIONS": "1"}
    try:
        with running_app(env=env) as (url, _):
            yield url
    except ServerError as error:
        pytest.fail(str(error))


def test_a_session_past_the_limit_is_told_the_server_is_full(new_page, one_session_url):
    first = new_page()
    first.goto(one_session_url)
    first.wait_for_selector(TITLE, timeout=TIMEOUT_MS)
    second = new_page()
    second.goto(one_session_url)
    second.wait_for_selector(FULL, timeout=TIMEOUT_MS)
    assert second.locator(TITLE).count() == 0  # no playground was built for it
    first.close()  # its session ends: the place is free again
    second.reload()
    second.wait_for_selector(TITLE, timeout=TIMEOUT_MS)
