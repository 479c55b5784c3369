"""live_chart in real headless Chromium: updates land in the same plot div, never blank.

Starts ``streamlit run`` on a tiny app written to tmp_path (static serving on, so plotly.js
is served from tmp_path/static) and watches it with Playwright.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS, ServerError, running_app
from tests.e2e.browser_check import require_browser

REPO = Path(__file__).resolve().parents[2]
UPDATES = 5  # in-place updates watched before the figure is frozen

APP = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import plotly.graph_objects as go
import numpy as np
import streamlit as st
from playground.ui.live_chart import live_chart

@st.fragment(run_every=0.1)
def live():
    # Inside the fragment: a click reruns only the fragment. (After a full-app rerun,
    # Streamlit 1.67 now and then remounts a fragment's elements: a new plot div.)
    st.checkbox("freeze", key="freeze")  # then the same figure JSON is sent on every tick
    n = st.session_state.setdefault("n", 0) + 1
    st.session_state.n = n
    with st.container(key="tick"):
        st.write(f"tick {{n}}")
    shown = 0 if st.session_state.freeze else n
    z = (np.arange(400).reshape(20, 20) * shown % 256).astype(np.uint8)
    fig = go.Figure(go.Heatmap(z=z), layout={{"title": {{"text": f"t{{shown}}"}}}})
    live_chart(fig.to_json(), key="heat", height=300)
    live_chart('{{"data": [', key="broken", height=100)

live()
"""

# Counts rAF frames where the chart is blank (no div, zero height, no heatmap image) and
# plotly_afterplot events on the div tagged as the original one.
PROBE = """
() => {
  const gd = document.querySelector(".st-key-heat .js-plotly-plot");
  gd.__original = true;
  window.__probe = { blank: 0, frames: 0, afterplot: 0 };
  gd.on("plotly_afterplot", () => window.__probe.afterplot++);
  const sample = () => {
    const now = document.querySelector(".st-key-heat .js-plotly-plot");
    window.__probe.frames++;
    if (!now || now.offsetHeight === 0 || !now.querySelector("image")) window.__probe.blank++;
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}
"""


@pytest.fixture
def app_url(tmp_path):
    require_browser()
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    options = {"server.enableStaticServing": "true", "browser.gatherUsageStats": "false"}
    env = os.environ | {"PYTHONPATH": str(REPO)}
    try:
        with running_app(tmp_path / "app.py", options, env) as (url, _):
            yield url
    except ServerError as error:
        pytest.fail(str(error))


def _title_tick(page) -> int:
    """The tick in the chart's title ``t<tick>`` (0 when frozen)."""
    return int(page.locator(".st-key-heat .gtitle").text_content()[1:])


def _wait_title(page, js_condition: str, arg: int) -> None:
    """Wait until ``js_condition`` holds for n = the chart title's tick."""
    page.wait_for_function(
        "(arg) => { const t = document.querySelector('.st-key-heat .gtitle');"
        f" const n = t ? +t.textContent.slice(1) : -1; return {js_condition}; }}",
        arg=arg,
        timeout=30_000,
    )


def _tick(page) -> int:
    return int(page.locator(".st-key-tick").inner_text().split()[-1])


def test_updates_in_place_without_blank_frames_and_keep_zoom(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(app_url)
        _wait_title(page, "n >= arg", 2)
        page.evaluate(PROBE)
        gd = ".st-key-heat .js-plotly-plot"
        page.evaluate(
            f"() => Plotly.relayout(document.querySelector('{gd}'), {{'xaxis.range': [2, 5]}})"
        )
        _wait_title(page, "n >= arg", _title_tick(page) + UPDATES)
        page.get_by_text("freeze").click()  # a fragment rerun, then identical figures
        _wait_title(page, "n === arg", 0)
        frozen_probe = page.evaluate("() => window.__probe")
        page.wait_for_function(
            "(n) => +document.querySelector('.st-key-tick').innerText.split(' ').pop() >= n",
            arg=_tick(page) + 5,
            timeout=30_000,
        )
        same_div = page.evaluate(f"() => document.querySelector('{gd}').__original === true")
        x_range = page.evaluate(f"() => document.querySelector('{gd}')._fullLayout.xaxis.range")
        probe = page.evaluate("() => window.__probe")
        error_text = page.locator(".st-key-broken .live-chart-error").inner_text()
        browser.close()

    assert same_div, "the plot div was replaced: updates did not happen in place"
    assert frozen_probe["afterplot"] >= UPDATES, "the original div saw too few updates"
    assert probe["frames"] > 0 and probe["blank"] == 0
    assert x_range == [2, 5], "the user's zoom was lost"
    assert probe["afterplot"] == frozen_probe["afterplot"], "an unchanged figure was redrawn"
    assert error_text.startswith("Chart error:")
