"""The vision lab's page (/convnet) in real headless Chromium: it loads with its views and
no exception, Play advances the epoch and the filters, feature maps and predictions update
in place (the same plot divs), Pause stops; screenshots at 1500 and 390 px.

Waits are wait_for_function with timeouts, never sleeps used as assertions.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_page import (
    EPOCH_STEADY_FOR,
    IS_DRAWN,
    TIMEOUT_MS,
    epoch,
    exception_count,
    play_button,
    wait_epoch_above,
    wait_label,
)

LIVE_KEYS = ("maps", "predictions", "loss")
SHOTS = os.environ.get("PLAYGROUND_SHOTS")  # a folder: save each width's screenshot there
# Figures live_chart has drawn into a view's plot div (its liveStats counter).
DRAWN_COUNT = (
    "(key) => { const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);"
    " return gd && gd.liveStats ? gd.liveStats.drawn : 0; }"
)


def open_lab(page, base_url: str, query: str = ""):
    """Open /convnet (with a query string) and wait until its live views are drawn."""
    page.goto(f"{base_url}/convnet{query}")
    for key in LIVE_KEYS:
        page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
    return page


def test_the_page_shows_the_network_and_its_parameter_count(new_page, playground_url):
    page = open_lab(new_page(), playground_url)
    assert exception_count(page) == 0
    assert epoch(page) == 0
    assert page.locator("[data-chart=layers]").get_by_text("8×8×8").count() >= 1
    assert page.get_by_text("1,370").count() >= 1  # the stats row and the table's total


def test_play_updates_the_filters_and_maps_in_place_and_pause_stops(new_page, playground_url):
    page = open_lab(new_page(), playground_url)
    marker = "[data-chart=maps] .js-plotly-plot"
    page.evaluate(f"() => {{ document.querySelector('{marker}').__original = true; }}")
    before = {key: page.evaluate(DRAWN_COUNT, key) for key in ("maps", "filters")}
    play_button(page).click()
    wait_epoch_above(page, 3)
    wait_label(page, "Pause")
    for key, drawn in before.items():
        page.wait_for_function(f"(n) => ({DRAWN_COUNT})('{key}') > n", arg=drawn,
                               timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(f"() => document.querySelector('{marker}').__original === true"), (
        "the feature maps' plot div was replaced: it did not update in place"
    )
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=TIMEOUT_MS)
    stopped_at = epoch(page)
    page.wait_for_timeout(1000)  # the counter must stay put with nothing pressed
    assert epoch(page) == stopped_at > 3
    assert exception_count(page) == 0


@pytest.mark.parametrize("width", [1500, 390])
def test_every_width_fits_its_views(chromium_context, playground_url, width):
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 1000})
        open_lab(page, playground_url, "?dataset=shapes&conv_filters=8,8")
        play_button(page).click()
        wait_epoch_above(page, 5)
        play_button(page).click()
        wait_label(page, "Play")
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SHOTS) / f"convnet_{width}.png"), full_page=True)
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('[data-chart] .js-plotly-plot')]"
            ".map((gd) => gd.getBoundingClientRect().right)"
        )
        assert boxes and max(boxes) <= width + 1, "a view runs past the window's right edge"
        assert exception_count(page) == 0
    finally:
        page.close()
