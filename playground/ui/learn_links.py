"""'How it learns' on the network view: its links drawn by ∂L/∂w for the panel's sample.

The live area is drawn before the panel, so it reads the panel's widgets (on, the links
toggle of how_it_learns, the split and row) from the session state, which already holds
this run's values. Only while training is paused: a playing feed redraws the links by
the weights.
"""

import dataclasses

import numpy as np
import streamlit as st

from playground.labs.classify.session import Playground
from playground.live.figures import network
from playground.live.panel import ChartSlot
from playground.plots import figure_json
from playground.teaching import explain_step
from playground.teaching.sample import split_size
from playground.ui.how_it_learns import LINKS_KEY, TOGGLE_KEY, sample_rows
from playground.ui.learn_sample import ROW_KEY, SPLIT_KEY, SPLIT_LABELS


def link_gradients(pg) -> tuple[list[np.ndarray], list[np.ndarray]] | None:
    """(∂L/∂W per layer (fan_in, fan_out), ∂L/∂b per layer (fan_out,)) of the panel's
    sample, when the panel and its links toggle are on and training is paused; else None.
    pg: any lab's session; only the classify lab's has the panel (another page's first
    run can still see the panel's widget state)."""
    if not isinstance(pg, Playground):
        return None
    if not (st.session_state.get(TOGGLE_KEY) and st.session_state.get(LINKS_KEY)):
        return None
    split = st.session_state.get(SPLIT_KEY, "train")
    row = st.session_state.get(ROW_KEY, 0)
    with pg.lock:
        if pg.playing or split not in SPLIT_LABELS:
            return None
        n = split_size(pg.dataset, split)
        if not n:
            return None
        row = row if isinstance(row, int) and 0 <= row < n else 0  # as the picker will
        step = explain_step(pg.trainer, *sample_rows(split, row)(pg))
    return [layer.mean_dW for layer in step.layers], [layer.mean_db for layer in step.layers]


def with_gradient_links(slots: list[ChartSlot], snap, settings: dict, gradients) -> list:
    """The slots with the network view's figure drawn by `gradients` (see link_gradients)."""
    figure = figure_json(network(snap, settings=settings, gradients=gradients))
    return [dataclasses.replace(s, figure_json=figure) if s.key == "network" else s
            for s in slots]  # fmt: skip
