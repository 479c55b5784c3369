"""The reinforcement lab's own controls above its views: watch the greedy agent, and edit
the world's layout as text (rows separated by /)."""

import streamlit as st

from playground.ui import state

WATCH_HELP = (
    "Play one episode with ε = 0 (always the best move the agent knows) on a copy of the "
    "world, one move at a time, without learning; training waits until it is over."
)
LAYOUT_HELP = (
    "One row of cells per line or between slashes: # wall, X pit, G goal, S start, . empty; "
    "2 to 12 rows of 2 to 12 cells, one S, at least one G. E.g. S..#/.X../...G"
)


def _watch() -> None:
    if not state.hidden("watch_greedy"):
        state.playground().watch_greedy()


def _edit_layout() -> None:
    text = st.session_state["layout_text"].replace("\n", "/")
    state.change_settings(layout=text)


def rl_controls(session) -> None:
    """A "Watch greedy" button and an editor of the layout (text; a bad layout gets the
    layout checks' message and the world stays)."""
    watch, edit = st.columns([1, 3], vertical_alignment="top")
    if not state.hidden("watch_greedy"):
        watch.button("Watch greedy", key="watch_greedy", icon=":material/visibility:",
                     on_click=_watch, help=WATCH_HELP, width="stretch")  # fmt: skip
    if state.hidden("layout"):
        return
    rows = "\n".join(session.env.layout)
    if st.session_state.get("layout_shown") != rows:  # the world changed elsewhere (URL, menu)
        st.session_state["layout_text"] = st.session_state["layout_shown"] = rows
    with edit.expander("Edit the layout"):
        st.text_area("Rows", key="layout_text", height=200, help=LAYOUT_HELP,
                     on_change=_edit_layout)  # fmt: skip
