"""The sequence lab's page in Chromium: it loads at /rnn with its views drawn, Play trains
and the views update in place, Pause stops; on the text task sampled text appears and
changes as training goes."""

from __future__ import annotations

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


def open_lab(new_page, base_url: str, query: str = ""):
    page = new_page()
    page.goto(f"{base_url}/rnn{query}")
    for key in ("hidden", "loss"):
        page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
    return page


def test_play_trains_the_echo_and_updates_the_views_pause_stops(new_page, playground_url):
    page = open_lab(new_page, playground_url, "?task=echo&delay=4")
    assert epoch(page) == 0 and exception_count(page) == 0
    before = page.evaluate(HEATMAP_SIGNATURE)
    play_button(page).click()
    wait_epoch_above(page, 2)
    page.wait_for_function(f"(old) => ({HEATMAP_SIGNATURE})() !== old", arg=before,
                           timeout=TIMEOUT_MS)  # fmt: skip
    wait_label(page, "Pause")
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=10_000)
    stopped = epoch(page)
    page.wait_for_timeout(1000)  # the counter must stay put with nothing pressed
    assert epoch(page) == stopped > 2
    assert exception_count(page) == 0


def test_the_text_task_writes_text_that_changes_as_it_trains(new_page, playground_url):
    page = open_lab(new_page, playground_url, "?task=text&units=8")
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
