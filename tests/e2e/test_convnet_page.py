"""The vision lab's page (/convnet) in real headless Chromium: it loads with its views and
no exception, Play advances the epoch and the filters, feature maps and predictions update
in place (the same plot divs), Pause stops; a digit drawn with the mouse (or a finger on a
phone) is read by the network, live while it trains; one click compares a dense network;
screenshots at 1280, 1920 and 390 px.

Waits are wait_for_function with timeouts, never sleeps used as assertions.
"""

from __future__ import annotations

import pytest

from tests.e2e.fit_check import assert_views_fit
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
# Figures live_chart has drawn into a view's plot div (its liveStats counter).
DRAWN_COUNT = (
    "(key) => { const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);"
    " return gd && gd.liveStats ? gd.liveStats.drawn : 0; }"
)


SEVEN = [(0.2, 0.15), (0.8, 0.15), (0.45, 0.9)]  # canvas shares, across and down
READING = (
    "() => { const t = document.querySelector('[data-chart=drawn] .annotation-text');"
    " return t ? t.textContent : ''; }"
)


def draw_with_mouse(page, points) -> None:
    """One stroke through `points` on the canvas with Playwright's mouse."""
    box = page.locator(".draw-canvas").bounding_box()
    at = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for x, y in at[1:]:
        page.mouse.move(x, y, steps=8)
    page.mouse.up()


def draw_with_finger(page, points) -> None:
    """One stroke through `points` with touch events (Chromium's DevTools protocol), as a
    finger on a phone makes them."""
    box = page.locator(".draw-canvas").bounding_box()
    cdp = page.context.new_cdp_session(page)
    at = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in points]
    path = [at[0]]
    for (x0, y0), (x1, y1) in zip(at[:-1], at[1:], strict=True):
        path += [(x0 + (x1 - x0) * t / 8, y0 + (y1 - y0) * t / 8) for t in range(1, 9)]
    for kind, (x, y) in [("touchStart", path[0])] + [("touchMove", p) for p in path[1:]]:
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def train_a_little(page, epochs: int) -> None:
    """Play until the epoch counter passes `epochs`, then Pause."""
    play_button(page).click()
    wait_epoch_above(page, epochs)
    play_button(page).click()
    wait_label(page, "Play")


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


@pytest.mark.parametrize("width", [1280, 1920, 390])
def test_every_width_fits_its_views(chromium_context, playground_url, width):
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 1000})
        open_lab(page, playground_url, "?dataset=shapes&conv_filters=8,8")
        play_button(page).click()
        wait_epoch_above(page, 5)
        play_button(page).click()
        wait_label(page, "Play")
        assert_views_fit(page, width, f"convnet_{width}.png")
    finally:
        page.close()


def test_a_digit_drawn_with_the_mouse_is_read_live_as_the_network_trains(new_page, playground_url):
    page = open_lab(new_page(), playground_url)
    train_a_little(page, 8)
    draw_with_mouse(page, SEVEN)
    page.wait_for_function(IS_DRAWN, arg="drawn", timeout=TIMEOUT_MS)
    page.wait_for_function(IS_DRAWN, arg="drawn_maps", timeout=TIMEOUT_MS)
    assert page.evaluate(READING).startswith("reads it as 7"), page.evaluate(READING)
    drawn = page.evaluate(DRAWN_COUNT, "drawn")
    play_button(page).click()  # the prediction follows the training, in place
    page.wait_for_function(f"(n) => ({DRAWN_COUNT})('drawn') > n + 2", arg=drawn,
                           timeout=TIMEOUT_MS)  # fmt: skip
    play_button(page).click()
    wait_label(page, "Play")
    page.locator(".draw-clear").click()  # Clear: the drawing's views go
    page.wait_for_function("() => !document.querySelector('[data-chart=drawn]')",
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert exception_count(page) == 0


def test_a_finger_draws_on_a_phone(chromium_context, playground_url):
    page = chromium_context.browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    ).new_page()
    try:
        open_lab(page, playground_url)
        page.locator(".draw-canvas").scroll_into_view_if_needed()
        draw_with_finger(page, SEVEN)
        page.wait_for_function(IS_DRAWN, arg="drawn", timeout=TIMEOUT_MS)
        assert page.evaluate(READING).startswith("reads it as ")
        # On a phone the views (the epoch counter first) come before the dense comparison.
        counter = page.locator("[data-live=epoch]").bounding_box()
        dense = page.get_by_text("Dense vs convolution", exact=True).bounding_box()
        assert counter["y"] < dense["y"], (counter, dense)
        assert exception_count(page) == 0
    finally:
        page.context.close()


def test_one_click_trains_a_dense_network_beside_the_conv_net(new_page, playground_url):
    page = open_lab(new_page(), playground_url)
    page.locator(".st-key-step button:visible").click()
    page.wait_for_function("() => +document.querySelector('[data-live=epoch] b').innerText >= 1",
                           timeout=TIMEOUT_MS)  # fmt: skip
    page.locator(".st-key-compare_dense button:visible").click()
    table = page.locator("[data-testid=stTable]")
    table.get_by_text("Dense 64-18-10").wait_for(timeout=TIMEOUT_MS)
    text = table.inner_text()
    assert "1,370" in text and "1,360" in text and "Test accuracy" in text
    assert exception_count(page) == 0
