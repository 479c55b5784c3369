"""Shared fixtures for real-browser tests: the playground app on a free port, and Chromium.

The browser tests skip (with the reason) when Debian's Chromium or Playwright's Python
package is missing, unless PLAYGROUND_REQUIRE_BROWSER=1 (CI), where that is a failure.
Fixture names are distinct from those a test module defines for itself (e.g. ``app_url``
in test_live_chart_demo.py), so both kinds live side by side.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1500, "height": 1000}
STARTUP_TIMEOUT_S = 60


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


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, timeout_s: float) -> None:
    """Poll ``url``/_stcore/health until it answers 200; fail if the server dies or stalls."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited early with code {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling the server's start, not timing a feature
    pytest.fail(f"streamlit did not become healthy within {timeout_s} s")


@pytest.fixture(scope="session")
def playground_url() -> Iterator[str]:
    """Base URL (no trailing slash) of ``streamlit run app.py`` started from the repo root.

    One server for the whole session: every new browser page is a new Streamlit session.
    """
    require_browser()
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py"]
    cmd += ["--server.headless", "true", "--server.port", str(port)]
    server = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server, STARTUP_TIMEOUT_S)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


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
