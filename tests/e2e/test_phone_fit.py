"""Every page on a phone (390x844) and a projector (1280x720) in Chromium: the page never
scrolls sideways and what it shows is whole (the weights view's labels and titles, the
learning step's equations). One server (the conftest's), one browser for the module.

Set PLAYGROUND_SHOTS to a folder to save the screens these tests look at.
"""

from __future__ import annotations

import contextlib

import pytest

from tests.e2e.fit_check import (
    WIDE_EQUATIONS,
    assert_chart_text_whole,
    assert_page_fits,
    assert_views_fit,
)
from tests.e2e.test_page import IS_DRAWN

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 720}
CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"
TIMEOUT_MS = 90_000  # a fresh server's first pages on a shared, busy machine


@pytest.fixture
def open_at(chromium_browser, playground_url):
    """Open a page (path and query) at a viewport; waits until these charts are drawn."""
    contexts = []

    def open_page(viewport: dict, address: str, charts=("network",)):
        context = chromium_browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{playground_url}/{address}")
        page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
        for key in charts:
            page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
        return page

    yield open_page
    for context in contexts:
        context.close()


# The weights view is drawn once its heatmaps are.
WEIGHTS_DRAWN = """
() => { const gd = document.querySelector("[data-chart=weights] .js-plotly-plot");
        return gd && gd.offsetHeight > 0 && gd.querySelectorAll("image").length > 1; }
"""


@pytest.mark.parametrize(
    "address",
    ["?dataset=penguins", "autoencoder"],  # class names under it; four layers side by side
)
def test_the_weights_view_is_whole_on_a_phone(open_at, address):
    page = open_at(PHONE, address, charts=())
    page.wait_for_function(WEIGHTS_DRAWN, timeout=TIMEOUT_MS)
    page.locator("[data-chart=weights]").scroll_into_view_if_needed()
    assert_chart_text_whole(page, "weights")
    assert_views_fit(page, PHONE["width"], f"phone_weights_{address.strip('?')}.png")
    assert_page_fits(page, PHONE["width"])


STEP_TABS = ["1 Inputs", "2 Layers", "3 Prediction", "4 Loss", "5 Backprop", "6 Update",
             "7 Apply", "Mini-batch"]  # fmt: skip
# KaTeX's fonts are in (before, the maths is measured in a stand-in font).
FONTS_LOADED = '() => document.fonts.status === "loaded"'
SHOWN_EQUATIONS = (
    '() => [...document.querySelectorAll(".katex-display")].filter((b) => b.offsetWidth).length'
)


@pytest.mark.parametrize(
    ("viewport", "address"),
    [
        (PHONE, ""),
        (PHONE, "?optimizer=adam&hidden=3,3"),
        (PHONE, "?dataset=digits"),
        (PROJECTOR, ""),
    ],  # fmt: skip
)
def test_the_learning_steps_equations_fit_the_column(open_at, viewport, address):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = open_at(viewport, address)
    page.locator(".st-key-learn_open label").click()
    page.wait_for_selector(".katex-display", state="attached", timeout=TIMEOUT_MS)
    shown = 0
    for tab in STEP_TABS:
        page.get_by_role("tab", name=tab).click()
        page.wait_for_function(FONTS_LOADED, timeout=TIMEOUT_MS)
        # fitting runs on the next frames (its observers): wait for it, or fail below
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(f"() => ({WIDE_EQUATIONS})().length === 0", timeout=3_000)
        assert page.evaluate(WIDE_EQUATIONS) == [], f"{tab}: equations wider than the page"
        assert_page_fits(page, viewport["width"])
        shown += page.evaluate(SHOWN_EQUATIONS)
    assert shown >= 30  # the steps' maths was there to be measured


LAB_PAGES = ["", "?dataset=penguins", "?dataset=digits", "autoencoder", "convnet", "rnn", "rl",
             "labs"]  # fmt: skip
# A page has drawn what it shows first: the home's labs, or a lab's first live chart.
PAGE_DRAWN = """
() => document.querySelector("[data-chart] .js-plotly-plot .main-svg")
      || (location.pathname.endsWith("/labs") && document.body.innerText.includes("Sequences"))
"""


@pytest.mark.parametrize("viewport", [PHONE, PROJECTOR])
def test_no_page_scrolls_sideways(open_at, viewport):
    page = open_at(viewport, "", charts=())
    base = page.url.split("?")[0].rstrip("/")
    for address in LAB_PAGES:
        page.goto(f"{base}/{address}")
        page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
        page.wait_for_function(PAGE_DRAWN, timeout=TIMEOUT_MS)
        assert_page_fits(page, viewport["width"])
