"""The sequence lab's page in Chromium: it loads at /rnn with its views drawn, Play trains
and the views update in place (the same plot divs, redrawn), Pause stops; on the text task
sampled text appears and changes as training goes; Compare draws the other cell type's
gradient beside this network's; every width fits its views (screenshots on request)."""

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
    wait_or_fail,
)

HEATMAP_SIGNATURE = """
() => {
  const im = document.querySelector("[data-chart=hidden] .js-plotly-plot image");
  return im ? im.getAttribute("href") : null;
}
"""
SAMPLED_TEXT = """
() => {
  const el = document.querySelector("[data-chart=sequence] .js-plotly-plot .annotation-text");
  return el ? el.textContent : null;
}
"""
ECHO_TITLE = """
() => {
  const el = document.querySelector("[data-chart=sequence] .js-plotly-plot .gtitle");
  return el ? el.textContent : null;
}
"""
GRADIENT_BARS = """
() => {
  const gd = document.querySelector("[data-chart=gradients] .js-plotly-plot");
  return gd && gd.data ? gd.data.map((trace) => trace.name) : [];
}
"""
PLOT = "(k) => document.querySelector(`[data-chart=${k}] .js-plotly-plot`)"
MARK = f"(keys) => keys.forEach((k) => {{ ({PLOT})(k).__original = true; }})"
STILL_MARKED = f"(keys) => keys.every((k) => ({PLOT})(k).__original === true)"


def open_lab(page, base_url: str, query: str = ""):
    page.goto(f"{base_url}/rnn{query}")
    for key in ("hidden", "loss"):
        page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
    page.wait_for_function(f"() => ({GRADIENT_BARS})().length > 0", timeout=TIMEOUT_MS)
    return page


def test_play_trains_the_echo_and_updates_the_views_in_place(new_page, playground_url):
    page = open_lab(new_page(), playground_url, "?task=echo&delay=4")
    assert epoch(page) == 0 and exception_count(page) == 0
    keys = ["sequence", "hidden", "gradients"]
    page.evaluate(MARK, keys)
    before, title = page.evaluate(HEATMAP_SIGNATURE), page.evaluate(ECHO_TITLE)
    assert title.startswith("right at ") and title.endswith(" of 4 steps")  # steps 5..8
    play_button(page).click()
    wait_epoch_above(page, 2)
    page.wait_for_function(f"(old) => ({HEATMAP_SIGNATURE})() !== old", arg=before,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(STILL_MARKED, keys), "a view's plot div was replaced, not updated"
    wait_label(page, "Pause")
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=10_000)
    stopped = epoch(page)
    page.wait_for_timeout(1000)  # the counter must stay put with nothing pressed
    assert epoch(page) == stopped > 2
    assert exception_count(page) == 0


def test_the_text_task_writes_text_that_changes_as_it_trains(new_page, playground_url):
    page = open_lab(new_page(), playground_url, "?task=text&units=8")
    page.wait_for_function(SAMPLED_TEXT, timeout=TIMEOUT_MS)
    first = page.evaluate(SAMPLED_TEXT)
    assert "written at epoch 0" not in first  # the annotation with the text, not the caption
    play_button(page).click()
    wait_epoch_above(page, 1)
    page.wait_for_function(f"(old) => {{ const t = ({SAMPLED_TEXT})(); return t && t !== old; }}",
                           arg=first, timeout=TIMEOUT_MS)  # fmt: skip
    play_button(page).click()
    wait_label(page, "Play")
    assert exception_count(page) == 0


def test_compare_draws_the_other_cells_gradient_beside(new_page, playground_url):
    page = open_lab(new_page(), playground_url, "?units=4")
    assert len(page.evaluate(GRADIENT_BARS)) == 1
    page.get_by_role("button", name="Step", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-live=epoch] b')"
                           ".innerText.trim() === '1'", timeout=TIMEOUT_MS)  # fmt: skip
    page.get_by_role("button", name="Compare with LSTM").click()
    wait_or_fail(page, f"() => ({GRADIENT_BARS})().length === 2",
                 why="the gradient view never drew the LSTM's bars beside")  # fmt: skip
    names = page.evaluate(GRADIENT_BARS)
    assert names[0].startswith("SimpleRNN (this network, epoch 1)")
    assert names[1].startswith("LSTM (same units and data, epoch 1)")
    assert page.get_by_text("LSTM with the same 4 units and data").count() == 1
    assert exception_count(page) == 0


@pytest.mark.parametrize("width", [1280, 1920, 390])
def test_every_width_fits_its_views(chromium_context, playground_url, width):
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 1000})
        open_lab(page, playground_url, "?units=8")
        play_button(page).click()
        wait_epoch_above(page, 3)
        play_button(page).click()
        wait_label(page, "Play")
        page.get_by_role("button", name="Compare with LSTM").click()
        wait_or_fail(page, f"() => ({GRADIENT_BARS})().length === 2",
                     why="the gradient view never drew the LSTM's bars beside")  # fmt: skip
        assert_views_fit(page, width, f"rnn_{width}.png")
    finally:
        page.close()
