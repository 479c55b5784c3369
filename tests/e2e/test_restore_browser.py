"""After a patience stop that restored the best weights, in Chromium: the stats row shows
the restored epoch's figures and says whose weights they are, the loss chart marks that
epoch, and Step trains on from there. PLAYGROUND_SHOTS saves 1280x720 and 390x844 shots."""

from __future__ import annotations

from playground.labs.classify.lab import CLASSIFY
from playground.labs.restored_view import RESTORED_LABEL as RESTORED
from tests.e2e.fit_check import RIGHT_EDGES, assert_views_fit
from tests.e2e.test_page import TIMEOUT_MS, epoch, open_app, play_button, wait_label

SETUP = {"dataset": "xor", "noise": "50", "train_pct": "10", "hidden": "16,16",
         "learning_rate": "0.3", "patience": "10", "restore_best": "true"}  # fmt: skip
QUERY = "?" + "&".join(f"{k}={v}" for k, v in SETUP.items())
STAT = """(label) => {
  const cell = [...document.querySelectorAll('.live-stat')]
    .find((c) => c.querySelector('span').textContent === label);
  return cell ? cell.querySelector('b').textContent : null;
}"""
RESTORED_TRACES = """() => {
  const gd = document.querySelector('[data-chart=loss] .js-plotly-plot');
  return gd && gd.data ? gd.data.filter((t) => t.name === 'restored').length : -1;
}"""


def the_same_run_headless() -> tuple[int, int, float]:
    """(epoch it stops at, restored epoch, that epoch's test loss) of the page's run."""
    settings, _ = CLASSIFY.settings_from_query({k: [v] for k, v in SETUP.items()})
    session = CLASSIFY.open(settings)
    while not session.stop_reason():
        session.step()
    best = session.stop_watch.restored_epoch
    return session.epoch, best, session.trainer.history[best]["test_loss"]


def test_after_a_restored_stop_the_stats_row_shows_the_best_epochs_test_loss(
    new_page, playground_url
):
    stopped_at, best, best_loss = the_same_run_headless()
    page = open_app(new_page, playground_url, QUERY)
    play_button(page).click()
    wait_label(page, "Pause")
    wait_label(page, "Play")  # patience stopped it
    page.wait_for_function(STAT, arg=RESTORED, timeout=TIMEOUT_MS)
    assert epoch(page) == stopped_at
    assert page.evaluate(STAT, RESTORED) == f"epoch {best}"
    assert page.evaluate(STAT, "Test loss") == f"{best_loss:.3f}"
    assert page.evaluate(RESTORED_TRACES) == 1  # the loss chart marks the restored epoch
    for width, height in ((1280, 720), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(  # the charts have followed the new width
            f"(width) => ({RIGHT_EDGES})().every((right) => right <= width + 1)",
            arg=width, timeout=TIMEOUT_MS,
        )  # fmt: skip
        assert_views_fit(page, width, f"restored-stop-{width}.png")
    page.set_viewport_size({"width": 1500, "height": 1000})
    page.locator(".st-key-step button:visible").click()
    page.wait_for_function(
        "(n) => +document.querySelector('[data-live=epoch] b').innerText === n",
        arg=stopped_at + 1, timeout=TIMEOUT_MS,
    )  # fmt: skip
    page.wait_for_function(f"(label) => ({STAT})(label) === null", arg=RESTORED,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(RESTORED_TRACES) == 0
