"""Compare runs in Chromium: pin a run, change a setting, train, pin again, and see both
runs and the current one compared (loss curves on one chart, their pictures side by side,
the table of what differs); while playing, the current run's curve in the comparison grows;
the stop note after patience stops training."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.test_page import (
    IS_DRAWN,
    TIMEOUT_MS,
    epoch,
    exception_count,
    play_button,
    wait_label,
)

FIRST_DRAW_MS = 90_000  # the first page of a fresh server on a busy shared machine is slow

# Every chart of the comparison panel with this slot key drawn by Plotly.
COMPARE_DRAWN = """
(keys) => keys.every((key) => {
  const gd = document.querySelector(`.st-key-compare_panel [data-chart=${key}] .js-plotly-plot`);
  return gd && gd.offsetHeight > 0 && gd.querySelector(".main-svg");
})
"""
EPOCH_JS = "+document.querySelector('[data-live=epoch] b').innerText"
SLOT_TITLES = """
() => [...document.querySelectorAll('.st-key-compare_panel .live-slot-title b')]
  .map((b) => b.textContent)
"""


def open_app(new_page, base_url: str, query: str):
    """The page with this query, once its boundary and network are drawn."""
    page = new_page()
    page.goto(f"{base_url}/{query}")
    for key in ("boundary", "network"):
        page.wait_for_function(IS_DRAWN, arg=key, timeout=FIRST_DRAW_MS)
    return page


def click(page, key: str) -> None:
    page.locator(f".st-key-{key} button:visible").click()


def step_to(page, n: int) -> None:
    while epoch(page) < n:
        before = epoch(page)
        click(page, "step")
        page.wait_for_function(
            "(n) => +document.querySelector('[data-live=epoch] b').innerText > n",
            arg=before, timeout=TIMEOUT_MS,
        )  # fmt: skip


def set_seed(page, seed: int) -> None:
    box = page.locator(".st-key-set_seed input")
    box.fill(str(seed))
    box.press("Enter")
    page.wait_for_url(lambda url: f"seed={seed}" in url, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => +document.querySelector('[data-live=epoch] b').innerText === 0",
        timeout=TIMEOUT_MS,
    )


def pin_two_runs(page) -> None:
    """Run 1: seed 0 after 3 epochs; Run 2: seed 7 after 2 epochs; the current run is Run 2."""
    step_to(page, 3)
    page.get_by_text("Compare runs (0 of 3 pinned)").click()  # open the expander
    click(page, "compare_pin")
    page.get_by_text("Compare runs (1 of 3 pinned)").wait_for(timeout=TIMEOUT_MS)
    set_seed(page, 7)
    step_to(page, 2)
    click(page, "compare_pin")
    page.get_by_text("Compare runs (2 of 3 pinned)").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(COMPARE_DRAWN, arg=["compare_loss", "run1", "run2", "current"],
                           timeout=TIMEOUT_MS)  # fmt: skip


def test_pin_two_runs_and_compare_them(new_page, playground_url):
    page = open_app(new_page, playground_url, "?dataset=xor")
    pin_two_runs(page)
    page.locator(".st-key-compare_panel").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/compare_e2e.png", full_page=True)
    titles = page.evaluate(SLOT_TITLES)
    assert sorted(titles) == ["Current", "Loss of every run", "Run 1", "Run 2"]
    # one chart: a test and a training curve for each of the three runs
    traces = page.evaluate(
        "() => document.querySelector('.st-key-compare_panel [data-chart=compare_loss] "
        ".js-plotly-plot').data.map((trace) => trace.name)"
    )
    assert len(traces) == 6 and "Run 1 · test" in traces and "Current · training" in traces
    table = page.locator("[data-testid=stExpander] [data-testid=stDataFrame]")
    table.wait_for(timeout=TIMEOUT_MS)
    text = table.text_content()  # the grid is drawn on a canvas; its cells are in the DOM too
    assert "seed" in text and "test_accuracy" in text, text
    click(page, "compare_unpin_1")
    page.get_by_text("Compare runs (1 of 3 pinned)").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(f"() => ({SLOT_TITLES})().length === 3", timeout=TIMEOUT_MS)
    assert sorted(page.evaluate(SLOT_TITLES)) == ["Current", "Loss of every run", "Run 2"]
    assert exception_count(page) == 0


def test_patience_stops_training_and_the_page_says_what_was_restored(new_page, playground_url):
    query = "?dataset=xor&noise=50&train_pct=10&hidden=16,16&learning_rate=0.3&patience=10"
    page = open_app(new_page, playground_url, query + "&restore_best=true")
    click(page, "play")
    note = page.get_by_text("The best weights, from epoch 25, were restored", exact=False)
    note.wait_for(timeout=TIMEOUT_MS)
    assert epoch(page) == 35 and exception_count(page) == 0


# The last epoch of the current run's test curve in the comparison chart (-1: none yet).
CURRENT_LAST_EPOCH = """
() => {
  const gd = document.querySelector(
    '.st-key-compare_panel [data-chart=compare_loss] .js-plotly-plot');
  // _fullData: the decoded values (data keeps the base64 typed arrays as sent)
  const trace = gd && gd._fullData && gd._fullData.find((t) => t.name === 'Current · test');
  if (!trace) return -1;
  const x = Array.from(trace.x);
  return x.length ? x[x.length - 1] : -1;
}
"""
SHOTS = "/work/wt/shots/compare"  # with PLAYGROUND_SHOTS set: the panel while playing
SIZES = ((1280, 720), (1920, 1080), (390, 844))


def test_the_current_runs_curve_grows_in_the_comparison_while_playing(new_page, playground_url):
    page = open_app(new_page, playground_url, "?dataset=xor&speed=1")
    step_to(page, 2)
    page.get_by_text("Compare runs (0 of 3 pinned)").click()
    click(page, "compare_pin")
    page.wait_for_function(COMPARE_DRAWN, arg=["compare_loss", "run1", "current"],
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(CURRENT_LAST_EPOCH) == 2
    play_button(page).click()
    wait_label(page, "Pause")
    # Without a page rerun (the page reruns only on a click or when training stops), the
    # comparison's current curve follows the training: two later readings, both past the
    # last, while the epoch counter goes on.
    seen = 2
    for _ in range(2):
        page.wait_for_function(f"() => ({CURRENT_LAST_EPOCH})() > {seen}", timeout=TIMEOUT_MS)
        seen = page.evaluate(CURRENT_LAST_EPOCH)
    page.wait_for_function(f"(n) => {EPOCH_JS} > n", arg=seen, timeout=TIMEOUT_MS)
    assert play_button(page).inner_text().strip().endswith("Pause")  # still playing
    if os.environ.get("PLAYGROUND_SHOTS"):
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            title = page.get_by_text("Compare runs (1 of 3 pinned)")
            title.evaluate("(e) => e.scrollIntoView({block: 'start'})")  # the panel's top
            page.wait_for_timeout(1500)  # a comparison frame at the new width
            page.screenshot(path=f"{SHOTS}/compare_playing_{width}x{height}.png")
    play_button(page).click()
    assert exception_count(page) == 0
