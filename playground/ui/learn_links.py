"""'How it learns' in the live views: the page's panel widgets told to the session.

The live area is drawn before the panel, so it reads the panel's widgets (on, the links
toggle and what they show, the split and row) from the session state, which already
holds this run's values, and sets the session's learning state (TrainingSession.
set_learning). From then on every snapshot, the page's and the live feed's, paused or
playing, draws the network view's links by that gradient and adds the gradient-norm
chart (playground.teaching.live).
"""

import streamlit as st

from playground.teaching.live import BATCH, SAMPLE, LinkRequest
from playground.ui.how_it_learns import LINKS_KEY, LINKS_OF_KEY, TOGGLE_KEY, has_panel
from playground.ui.learn_sample import ROW_KEY, SPLIT_KEY, SPLIT_LABELS


def link_request() -> LinkRequest | None:
    """What the panel's widgets ask the links to show, or None (the weights). Widget
    state is only read here, never trusted: a split or row out of range is dropped by
    the session (teaching.live.request_rows)."""
    if not (st.session_state.get(TOGGLE_KEY) and st.session_state.get(LINKS_KEY)):
        return None
    if st.session_state.get(LINKS_OF_KEY) == BATCH:
        return LinkRequest(BATCH)
    split = st.session_state.get(SPLIT_KEY, "train")
    row = st.session_state.get(ROW_KEY, 0)
    if split not in SPLIT_LABELS or isinstance(row, bool) or not isinstance(row, int):
        return None
    return LinkRequest(SAMPLE, split, row)


def sync_learning(session) -> None:
    """Tell a lab session that offers the panel what its live views should add now."""
    if has_panel(session):
        session.set_learning(bool(st.session_state.get(TOGGLE_KEY)), link_request())
