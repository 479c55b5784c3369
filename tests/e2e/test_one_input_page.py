"""A two-column CSV in real Chromium: the 1-D output view is drawn (a curve along the input)
and updates live while training. Such a file used to crash the page."""

from __future__ import annotations

import os

from tests.e2e.test_page import (
    TIMEOUT_MS,
    epoch,
    exception_count,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
    wait_or_fail,
)
from tests.one_input_tables import one_input_csv

SHOTS = os.environ.get("PLAYGROUND_SHOTS")  # a folder for screenshots, if wanted
BOUNDARY = "document.querySelector('[data-chart=boundary] .js-plotly-plot')"
# The curve as Plotly drew it: the path of the first line trace, and the x axis title.
CURVE = f"() => {BOUNDARY}?.querySelector('.scatterlayer path.js-line')?.getAttribute('d')"
X_TITLE = f"() => {BOUNDARY}?.querySelector('.xtitle')?.textContent"


def upload(page, data: bytes, name: str = "grades.csv") -> None:
    """Upload a file through the sidebar's CSV uploader."""
    uploader = page.locator(".st-key-csv_upload input[type=file]")
    uploader.set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def test_a_two_column_csv_draws_the_prediction_along_the_input(new_page, playground_url):
    page = open_app(new_page, playground_url)
    upload(page, one_input_csv())
    wait_or_fail(page, f"() => ({X_TITLE})() === 'hours_studied'",
                 why="the output view never showed the one input on its x axis")  # fmt: skip
    wait_or_fail(page, f"() => !!({CURVE})()", why="no prediction curve was drawn")
    assert page.locator("[data-chart=boundary] .scatterlayer .point").count() > 10
    assert exception_count(page) == 0
    before = page.evaluate(CURVE)
    play_button(page).click()
    wait_label(page, "Pause")
    wait_epoch_above(page, 20)
    wait_or_fail(page, f"(before) => ({CURVE})() !== before", before,
                 why="the curve never changed while training")  # fmt: skip
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "one_input_1500.png"), full_page=True)
    play_button(page).click()
    wait_label(page, "Play")
    assert epoch(page) > 20 and exception_count(page) == 0
    page.wait_for_selector("[data-chart=network] .js-plotly-plot image", timeout=TIMEOUT_MS)
