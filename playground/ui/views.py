"""The live area: a fragment that trains a slice, takes a snapshot and updates every view.

While playing it reruns every LIVE_INTERVAL seconds; each run trains for a time budget,
then sends the figures to live charts that update in place (no blank frames, zoom kept).
"""

import streamlit as st

from playground.plots import figure_json
from playground.ui import figures
from playground.ui.live_chart import live_chart
from playground.ui.metrics import epoch_counter, metrics_row

LIVE_INTERVAL = 0.1  # seconds between live updates: 10 per second
BOUNDARY_HEIGHT = 380
NETWORK_HEIGHT = 380
LOSS_HEIGHT = 220
SMALL_HEIGHT = 300


def _chart(spec: dict | None, key: str, height: int) -> None:
    if spec is not None:
        live_chart(figure_json(spec), key=key, height=height)


def _body(playground) -> None:
    was_playing = playground.playing
    if was_playing:
        playground.advance()
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
        _chart(figures.weights(snap), "weights", SMALL_HEIGHT)
    with lower_right:
        if snap.digits is not None:
            st.markdown("**First-layer weights** as 8×8 images")
            _chart(figures.digits(snap)[1], "first_layer", SMALL_HEIGHT)
        if snap.confusion is not None:
            st.markdown("**Confusion matrix** (test data)")
            _chart(figures.confusion(snap), "confusion", SMALL_HEIGHT)
    if was_playing and not playground.playing:
        st.rerun()  # training paused itself (diverged or stop epoch): redraw the Play button


def live_area(playground) -> None:
    """Draw the live views; they refresh on their own while the playground is playing."""
    run_every = LIVE_INTERVAL if playground.playing else None
    st.fragment(run_every=run_every)(_body)(playground)
