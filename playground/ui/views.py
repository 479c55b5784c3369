"""The live area: a fragment that trains a slice, takes a snapshot and updates every view.

While playing it reruns every LIVE_INTERVAL seconds; each run trains for a time budget,
then sends the figures to live charts that update in place (no blank frames, zoom kept).
"""

import time

import streamlit as st

from playground.plots import figure_json
from playground.ui import figures
from playground.ui.live_chart import live_chart
from playground.ui.metrics import epoch_counter, metrics_row

LIVE_INTERVAL = 0.1  # seconds between live updates: 10 per second
# While playing, the weights, confusion matrix and digit views are redrawn on every Nth update
# only: each chart costs the browser ~10-30 ms per redraw, and these change slowly.
SLOW_VIEW_EVERY = 4
SLOW_VIEWS = "slow_view_cache"
# Training fills what is left of each update after drawing it, less a margin for Streamlit's
# own work, so that one update takes a little under LIVE_INTERVAL.
FRAME_MARGIN = 0.015
MIN_TRAIN_SECONDS, MAX_TRAIN_SECONDS = 0.02, 0.085
DRAW_SECONDS = "live_draw_seconds"
BOUNDARY_HEIGHT = 380
NETWORK_HEIGHT = 380
LOSS_HEIGHT = 220
SMALL_HEIGHT = 300


def _chart(spec: dict | None, key: str, height: int) -> None:
    if spec is not None:
        live_chart(figure_json(spec), key=key, height=height)


def _slow_chart(build, key: str, height: int, fresh: bool) -> None:
    """A chart redrawn only when `fresh`; otherwise the last JSON is sent again, which the
    browser recognizes and skips."""
    cache = st.session_state.setdefault(SLOW_VIEWS, {})
    if fresh or key not in cache:
        spec = build()
        cache[key] = None if spec is None else figure_json(spec)
    if cache[key] is not None:
        live_chart(cache[key], key=key, height=height)


def _training_budget() -> float:
    """Seconds of training for this update: the frame less the last update's drawing time."""
    drawing = st.session_state.get(DRAW_SECONDS, 0.02)
    budget = LIVE_INTERVAL - drawing - FRAME_MARGIN
    return min(MAX_TRAIN_SECONDS, max(MIN_TRAIN_SECONDS, budget))


def _body(playground) -> None:
    was_playing = playground.playing
    if was_playing:
        playground.advance(_training_budget())
    drawing_started = time.perf_counter()
    ticks = st.session_state["live_ticks"] = st.session_state.get("live_ticks", 0) + 1
    fresh = not was_playing or ticks % SLOW_VIEW_EVERY == 0
    snap = playground.snapshot()
    epoch_counter(snap.epoch)
    if snap.status == "diverged":
        st.error(snap.message, icon="⚠️")
    metrics_row(snap)
    settings = playground.settings
    left, right = st.columns([5, 4])
    with left:
        st.markdown("**Network** — each square shows what that neuron computes over the plane")
        _chart(figures.network(snap), "network", NETWORK_HEIGHT)
    with right:
        if snap.plane is not None:
            st.markdown("**Output** — the network's prediction over the plane")
            _chart(figures.boundary(snap, settings), "boundary", BOUNDARY_HEIGHT)
        else:
            st.markdown("**Test images** — predicted digit, mistakes in red")
            grid, _ = figures.digits(snap)
            _chart(grid, "digits", BOUNDARY_HEIGHT)
        _chart(figures.loss(snap, settings), "loss", LOSS_HEIGHT)
    lower_left, lower_right = st.columns(2)
    with lower_left:
        st.markdown("**Weights** — one matrix per layer, last row = biases")
        _slow_chart(lambda: figures.weights(snap), "weights", SMALL_HEIGHT, fresh)
    with lower_right:
        if snap.digits is not None:
            st.markdown("**First-layer weights** as 8×8 images")
            _slow_chart(lambda: figures.digits(snap)[1], "first_layer", SMALL_HEIGHT, fresh)
        if snap.confusion is not None:
            st.markdown("**Confusion matrix** (test data)")
            _slow_chart(lambda: figures.confusion(snap), "confusion", SMALL_HEIGHT, fresh)
    st.session_state[DRAW_SECONDS] = time.perf_counter() - drawing_started
    if was_playing and not playground.playing:
        st.rerun()  # training paused itself (diverged or stop epoch): redraw the Play button


def live_area(playground) -> None:
    """Draw the live views; they refresh on their own while the playground is playing."""
    run_every = LIVE_INTERVAL if playground.playing else None
    st.fragment(run_every=run_every)(_body)(playground)
