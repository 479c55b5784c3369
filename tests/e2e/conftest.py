"""Shared fixtures for real-browser tests: the playground app on a free port, and Chromium.

The browser tests skip (with the reason) when Debian's Chromium or Playwright's Python
package is missing, unless PLAYGROUND_REQUIRE_BROWSER=1 (CI), where that is a failure.
Fixture names are distinct from those a test module defines for itself (e.g. ``app_url``
in test_live_chart_demo.py), so both kinds live side by side.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS, ServerError, running_app
from tests.e2e.browser_check import require_browser

VIEWPORT = {"width": 1500, "height": 1000}


@pytest.fixture(scope="session")
def playground_url() -> Iterator[str]:
    """Base URL (no trailing slash) of ``streamlit run app.py`` started from the repo root.

    One server for the whole session: every new browser page is a new Streamlit session.
    """
    require_browser()
    try:
        with running_app() as (url, _):
            yield url
    except ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def chromium_context():
    """A Playwright browser context in Debian's Chromium at 1500x1000.

    Module scope, not session: Playwright's sync API cannot run twice at once in one thread,
    and other test modules start their own. One context per module shares the HTTP cache,
    so plotly.min.js (4.8 MB) is fetched once.
    """
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=VIEWPORT)
        try:
            yield context
        finally:
            context.close()
            browser.close()


@pytest.fixture(scope="module")
def chromium_browser():
    """Debian's Chromium for a module that makes its own contexts (viewports, fresh
    sessions); not with chromium_context in the same module (see there)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(chromium_context):
    """A fresh tab (a new Streamlit session once it loads the app), closed after the test."""
    pages = []

    def open_page():
        page = chromium_context.new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
