"""The autoencoder lab's page (/autoencoder) in real headless Chromium: it loads with no
exception, Play advances the epoch counter, the views update in place with no blank
frames, Pause stops; screenshots at the widths that matter.

Waits are wait_for_function with timeouts, never sleeps used as assertions.
"""

from __future__ import annotations

import pytest

from tests.e2e.fit_check import assert_views_fit
from tests.e2e.test_page import (
    EPOCH_STEADY_FOR,
    TIMEOUT_MS,
    epoch,
    exception_count,
    play_button,
    wait_epoch_above,
    wait_label,
)

LIVE_KEYS = ("code", "pairs", "map", "loss")
# A view is drawn when its plot div is visible and holds what Plotly draws for it: scatter
# points (code planes), heatmap images (copies, decoder's map), the loss curve's line.
IS_DRAWN_AE = """
(key) => {
  const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
  if (!gd || gd.offsetHeight === 0 || !gd.querySelector(".main-svg")) return false;
  if (key === "loss") return !!gd.querySelector("path.js-line");
  if (key === "code" || key === "pca") return gd.querySelectorAll("path.point").length > 100;
  return !!gd.querySelector("image");
}
"""
# Samples every animation frame: blank frames and figure updates per view (live_chart
# counts the figures it drew into each div in liveStats.drawn).
FRAME_SAMPLER_AE = f"""
(keys) => {{
  const isDrawn = {IS_DRAWN_AE};
  const probe = {{ frames: 0, blank: {{}}, updates: {{}}, start: performance.now() }};
  const seen = {{}};
  for (const key of keys) {{ probe.blank[key] = 0; probe.updates[key] = 0; }}
  const sample = () => {{
    probe.frames++;
    for (const key of keys) {{
      if (!isDrawn(key)) {{ probe.blank[key]++; continue; }}
      const gd = document.querySelector(`[data-chart=${{key}}] .js-plotly-plot`);
      const drawn = gd.liveStats ? gd.liveStats.drawn : 0;
      if (seen[key] !== undefined && seen[key] !== drawn) probe.updates[key]++;
      seen[key] = drawn;
    }}
    if (!probe.stop) requestAnimationFrame(sample);
  }};
  requestAnimationFrame(sample);
  window.__frames = probe;
}}
"""


def open_lab(new_page, base_url: str, query: str = ""):
    """Open /autoencoder (with a query string) and wait until its views are drawn."""
    page = new_page()
    page.goto(f"{base_url}/autoencoder{query}")
    for key in LIVE_KEYS:
        page.wait_for_function(IS_DRAWN_AE, arg=key, timeout=TIMEOUT_MS)
    return page


def test_the_page_loads_with_its_views_and_says_labels_only_colour(new_page, playground_url):
    page = open_lab(new_page, playground_url)
    assert exception_count(page) == 0
    assert epoch(page) == 0
    assert page.locator("[data-chart=pca]").count() == 1
    assert page.get_by_text("the network never sees them").count() >= 1


def test_play_updates_the_views_in_place_without_blank_frames(new_page, playground_url):
    page = open_lab(new_page, playground_url)
    gd = "[data-chart=code] .js-plotly-plot"
    page.evaluate(f"() => {{ document.querySelector('{gd}').__original = true; }}")
    play_button(page).click()
    wait_epoch_above(page, 0)
    wait_label(page, "Pause")
    page.evaluate(FRAME_SAMPLER_AE, list(LIVE_KEYS))
    # 3 s and 20 animation frames at least: a busy machine's browser draws fewer per second
    page.wait_for_function(
        "() => performance.now() - window.__frames.start > 3000 && window.__frames.frames >= 20",
        timeout=TIMEOUT_MS,
    )
    probe = page.evaluate("() => { window.__frames.stop = true; return window.__frames; }")
    assert probe["frames"] >= 20, "too few animation frames sampled to judge"
    for key in LIVE_KEYS:
        assert probe["updates"][key] >= 3, f"{key} barely updated while training"
        assert probe["blank"][key] == 0, f"{key} was blank in {probe['blank'][key]} frames"
    assert page.evaluate(f"() => document.querySelector('{gd}').__original === true"), (
        "the code plane's plot div was replaced: it did not update in place"
    )
    assert exception_count(page) == 0


def test_pause_stops_training(new_page, playground_url):
    page = open_lab(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 5)
    wait_label(page, "Pause")
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=5000)
    stopped_at = epoch(page)
    page.wait_for_timeout(1000)  # the counter must stay put with nothing pressed
    assert epoch(page) == stopped_at > 5


def test_a_left_out_digit_draws_the_roc_curve(new_page, playground_url):
    page = open_lab(new_page, playground_url, "?leave_out_digit=7")
    page.wait_for_function(IS_DRAWN_AE, arg="loss", timeout=TIMEOUT_MS)
    assert page.locator("[data-chart=roc] .js-plotly-plot").count() == 1
    assert page.locator("[data-chart=errors]").get_by_text("digit 7").count() >= 1
    assert exception_count(page) == 0


@pytest.mark.parametrize("width", [1500, 1280, 390])
def test_every_width_fits_its_views(chromium_context, playground_url, width):
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 1000})
        page.goto(f"{playground_url}/autoencoder?leave_out_digit=7")
        for key in LIVE_KEYS:
            page.wait_for_function(IS_DRAWN_AE, arg=key, timeout=TIMEOUT_MS)
        play_button(page).click()
        wait_epoch_above(page, 30)
        play_button(page).click()
        wait_label(page, "Play")
        assert_views_fit(page, width, f"autoencoder_{width}.png")
    finally:
        page.close()
