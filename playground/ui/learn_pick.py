"""A sample picked by clicking a data point on the decision-boundary chart, a weight by
clicking a link of the network view, or a bias by clicking a neuron.

The browser sends the clicked point's split and row (live_js/boundary_pick.js: the points'
customdata, playground/plots/boundary_points.py) as the live element's "pick" trigger. It
is untrusted like any widget message: only {"split": "train" | "test", "row": an int in
that split} or, from a click on a network view's link, {"link": [layer, from, to]} naming
a weight of the network, or from a click on a neuron, {"bias": [layer, neuron]}, is taken,
and only while the 'How it learns' panel is on; anything else is ignored (a stray click
is no error worth a message).
"""

import json
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from playground.teaching.sample import split_size
from playground.teaching.step import dense_layers
from playground.ui import state
from playground.ui.how_it_learns import TOGGLE_KEY, has_panel
from playground.ui.learn_sample import ROW_KEY, SPLIT_KEY, SPLIT_LABELS
from playground.ui.learn_tools import FROM_KEY, LAYER_KEY, TO_KEY, VALUE_KEY

PICK_TRIGGER = "pick"  # the live element's trigger that carries a clicked point
MAX_PAYLOAD_CHARS = 200  # a real payload is under 40 characters


def _object(raw: Any) -> Any:
    """The payload as the browser sent it: its JSON text decoded (None if too long or
    not JSON), anything else as it is."""
    if not isinstance(raw, str):
        return raw
    if len(raw) > MAX_PAYLOAD_CHARS:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def _whole(value: Any) -> int | None:
    """An int from JSON (which has one number type), or None for anything else."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return None if isinstance(value, bool) or not isinstance(value, int) else value


def _cell(raw: Any, name: str, length: int) -> list[int] | None:
    """The whole numbers of {name: [...]} (or its JSON text) if it is exactly that, with
    `length` of them; else None."""
    raw = _object(raw)
    if not isinstance(raw, dict) or set(raw) != {name} or not isinstance(raw[name], list):
        return None
    cell = [_whole(v) for v in raw[name]]
    return cell if len(cell) == length and None not in cell else None


def parse_link(raw: Any, shapes: Sequence[tuple[int, int]]) -> tuple[int, int, int] | None:
    """A clicked link of the network view as (layer, from, to), 0-based (the weight
    weights[layer][from, to]), or None if `raw` is anything but {"link": [l, i, j]} (or
    its JSON text) naming a weight that exists; shapes: each layer's (fan_in, fan_out)."""
    cell = _cell(raw, "link", 3)
    if cell is None or not 0 <= cell[0] < len(shapes):
        return None
    (layer, source, target), (fan_in, fan_out) = cell, shapes[cell[0]]
    return (layer, source, target) if 0 <= source < fan_in and 0 <= target < fan_out else None


def parse_bias(raw: Any, shapes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """A clicked neuron of the network view as (layer, neuron), 0-based (the bias
    biases[layer][neuron]), or None if `raw` is anything but {"bias": [l, j]} (or its JSON
    text) naming a bias that exists; shapes: each layer's (fan_in, fan_out)."""
    cell = _cell(raw, "bias", 2)
    if cell is None or not 0 <= cell[0] < len(shapes):
        return None
    layer, neuron = cell
    return (layer, neuron) if 0 <= neuron < shapes[layer][1] else None


def parse_pick(raw: Any, sizes: Mapping[str, int]) -> tuple[str, int] | None:
    """The clicked point as (split, row), or None if `raw` is anything but a
    {"split": ..., "row": ...} object (or its JSON text) naming a row that exists;
    sizes: split -> number of rows."""
    raw = _object(raw)
    if not isinstance(raw, dict) or set(raw) != {"split", "row"}:
        return None
    split, row = raw["split"], _whole(raw["row"])
    if not isinstance(split, str) or split not in SPLIT_LABELS or row is None:
        return None
    return (split, row) if 0 <= row < int(sizes.get(split, 0)) else None


def apply_pick(key: str) -> None:
    """The callback of the live element `key`'s pick trigger: while the panel is on, make
    the clicked point the sample the step is worked out for, or the clicked link the
    weight the panel follows (its update, the mini-batch and the editor)."""
    if not st.session_state.get(TOGGLE_KEY):
        return
    result = st.session_state.get(key) or {}
    raw = result.get(PICK_TRIGGER) if hasattr(result, "get") else None
    session = state.playground()
    if not has_panel(session):
        return  # a lab's page without the panel
    with session.lock:
        source = session.step_source()
        shapes = [layer.weights.shape for layer in dense_layers(session.trainer.net)]
    link = parse_link(raw, shapes)
    if link is not None:
        layer, source_unit, target = link
        state_ = st.session_state
        state_[LAYER_KEY], state_[FROM_KEY], state_[TO_KEY] = layer + 1, source_unit + 1, target + 1
        state_.pop(VALUE_KEY, None)  # the editor starts from this weight's value
        return
    bias = parse_bias(raw, shapes)
    if bias is not None:  # "from neuron 0" is the bias in the panel's pickers
        layer, neuron = bias
        st.session_state[LAYER_KEY], st.session_state[FROM_KEY] = layer + 1, 0
        st.session_state[TO_KEY] = neuron + 1
        st.session_state.pop(VALUE_KEY, None)
        return
    picked = parse_pick(raw, {split: split_size(source, split) for split in SPLIT_LABELS})
    if picked is not None:
        st.session_state[SPLIT_KEY], st.session_state[ROW_KEY] = picked
