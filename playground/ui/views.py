"""The live area: a fragment that trains a slice, takes a snapshot and updates every view.

While playing it reruns every LIVE_INTERVAL seconds; each run trains for TRAIN_SECONDS,
then sends the figures to live charts that update in place (no blank frames,
zoom kept). Slowly changing views are rebuilt every SLOW_VIEW_EVERY updates only.
"""

import streamlit as st

from playground.plots import figure_json
from playground.ui.figures import live_specs
from playground.ui.live_chart import ChartSlot, live_charts
from playground.ui.metrics import epoch_counter, metrics_row

LIVE_INTERVAL = 0.1  # seconds between live updates: 10 per second
# Each chart costs the browser ~10-25 ms per redraw; weights and the confusion matrix change
# slowly, so while playing they are rebuilt on every 4th update only.
SLOW_VIEW_EVERY = 4
# Seconds of training per live update. Browser and server share this 2-core machine, so
# training time is taken from the browser's drawing: measured in Chromium at the defaults,
# 85 ms gave ~1,000 epochs/s but ~6 chart updates/s; 55 ms ~640 epochs/s and ~9 updates/s;
# 65 ms ~780 epochs/s and ~7.5 updates/s.
TRAIN_SECONDS = 0.06
TICKS, CHART_JSON, HOVER_VALUES = "live_ticks", "live_chart_json", "live_hover_values"

HEIGHTS = {"network": 380, "boundary": 380, "digits": 380, "loss": 220}
SMALL_HEIGHT = 300
TITLES = {  # chart key -> (bold title, note after it)
    "network": ("Network", "each square shows what that neuron computes over the plane"),
    "boundary": ("Output", "the network's prediction over the plane"),
    "digits": ("Test images", "predicted digit, mistakes in red"),
    "weights": ("Weights", "one matrix per layer, last row = biases"),
    "first_layer": ("First-layer weights", "as 8×8 images"),
    "confusion": ("Confusion matrix", "test data"),
    "loss": ("", ""),
}
NETWORK_WITHOUT_PLANE = ("Network", "lines are weights: blue positive, orange negative")
COLUMNS = "5fr 4fr"


def _grid(charts: dict) -> list[str]:
    """CSS grid rows of chart keys: the network left, the output and the loss right, the
    slowly changing views below ("." is an empty cell)."""
    right = "boundary" if "boundary" in charts else "digits"
    lower = [key for key in ("weights", "first_layer", "confusion") if key in charts]
    rows = [f"network {right}", "network loss"]
    for start in range(0, len(lower), 2):
        pair = lower[start : start + 2]
        rows.append(" ".join(pair + ["."] * (2 - len(pair))))
    return rows


def _hover_values(snap, slow: bool):
    """The weights and biases the network's hover texts show: refreshed with the slow views.
    In between, the network's traces (links bucketed by sign and size, hover texts) mostly
    stay the same, so the browser only swaps the neuron images (~3 ms, not ~25 ms)."""
    if slow or HOVER_VALUES not in st.session_state:
        n = snap.network
        st.session_state[HOVER_VALUES] = ([w.copy() for w in n.weights],
                                          [b.copy() for b in n.biases])  # fmt: skip
    return st.session_state[HOVER_VALUES]


def _height(key: str, spec: dict) -> int:
    """Plot height: fixed for the main views, the figure's own (e.g. a confusion matrix
    grows with the classes) for the others."""
    return HEIGHTS.get(key) or int(spec["layout"].get("height") or SMALL_HEIGHT)


def _chart_json(snap, settings, slow: bool) -> dict[str, tuple[str, int]]:
    """key -> (figure JSON, height); views not rebuilt this time keep their last JSON
    (which the browser recognizes as unchanged and skips)."""
    cache = st.session_state.setdefault(CHART_JSON, {})
    specs = live_specs(snap, settings, slow, _hover_values(snap, slow))
    fresh = {key: (figure_json(spec), _height(key, spec)) for key, spec in specs.items()}
    if slow:
        cache.clear()
    cache.update(fresh)
    return cache


def _layout(charts: dict[str, tuple[str, int]]) -> None:
    """Every chart in one live element (see live_chart.live_charts)."""
    slots = []
    for key, (figure, height) in charts.items():
        title, note = TITLES[key]
        if key == "network" and "boundary" not in charts:
            title, note = NETWORK_WITHOUT_PLANE
        slots.append(ChartSlot(key, figure, height, title, note))
    live_charts(slots, key="live", areas=_grid(charts), columns=COLUMNS)


def _body(playground) -> None:
    was_playing = playground.playing
    if was_playing:
        playground.advance(TRAIN_SECONDS)
    ticks = st.session_state[TICKS] = st.session_state.get(TICKS, 0) + 1
    snap = playground.snapshot()
    epoch_counter(snap.epoch)
    if snap.status == "diverged":
        st.error(snap.message, icon=":material/warning:")
    metrics_row(snap)
    slow = not was_playing or ticks % SLOW_VIEW_EVERY == 0
    _layout(_chart_json(snap, playground.settings, slow))
    if was_playing and not playground.playing:
        st.rerun()  # training paused itself (diverged or stop epoch): redraw the Play button


def live_area(playground) -> None:
    """Draw the live views; they refresh on their own while the playground is playing."""
    run_every = LIVE_INTERVAL if playground.playing else None
    st.fragment(run_every=run_every)(_body)(playground)
