"""A sample picked by clicking a data point on the decision-boundary chart.

The browser sends the clicked point's split and row (live_js/boundary_pick.js: the points'
customdata, playground/plots/boundary_points.py) as the live element's "pick" trigger. It
is untrusted like any widget message: only {"split": "train" | "test", "row": an int in
that split} is taken, and only while the 'How it learns' panel is on; anything else is
ignored (a stray click is no error worth a message).
"""

import json
from collections.abc import Mapping
from typing import Any

import streamlit as st

from playground.teaching.sample import split_size
from playground.ui import state
from playground.ui.how_it_learns import TOGGLE_KEY, has_panel
from playground.ui.learn_sample import ROW_KEY, SPLIT_KEY, SPLIT_LABELS

PICK_TRIGGER = "pick"  # the live element's trigger that carries a clicked point
MAX_PAYLOAD_CHARS = 200  # a real payload is under 40 characters


def parse_pick(raw: Any, sizes: Mapping[str, int]) -> tuple[str, int] | None:
    """The clicked point as (split, row), or None if `raw` is anything but a
    {"split": ..., "row": ...} object (or its JSON text) naming a row that exists;
    sizes: split -> number of rows."""
    if isinstance(raw, str):
        if len(raw) > MAX_PAYLOAD_CHARS:
            return None
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            return None
    if not isinstance(raw, dict) or set(raw) != {"split", "row"}:
        return None
    split, row = raw["split"], raw["row"]
    if not isinstance(split, str) or split not in SPLIT_LABELS:
        return None
    if isinstance(row, float) and row.is_integer():
        row = int(row)  # JSON has one number type
    if isinstance(row, bool) or not isinstance(row, int):
        return None
    return (split, row) if 0 <= row < int(sizes.get(split, 0)) else None


def apply_pick(key: str) -> None:
    """The callback of the live element `key`'s pick trigger: while the panel is on, make
    the clicked point the sample the step is worked out for."""
    if not st.session_state.get(TOGGLE_KEY):
        return
    result = st.session_state.get(key) or {}
    raw = result.get(PICK_TRIGGER) if hasattr(result, "get") else None
    session = state.playground()
    if not has_panel(session):
        return  # a lab's page without the panel
    with session.lock:
        source = session.step_source()
    picked = parse_pick(raw, {split: split_size(source, split) for split in SPLIT_LABELS})
    if picked is not None:
        st.session_state[SPLIT_KEY], st.session_state[ROW_KEY] = picked
