"""The reinforcement lab's own controls above its views: watch the greedy agent, what a
click on a cell does (inspect its Q-values, or paint it: ui/rl_pick.py), and edit the
world's layout as text (rows separated by /)."""

import streamlit as st

from playground.ui import state
from playground.ui.rl_pick import CLICK_MODES, INSPECT, MODE_KEY, MODE_LABELS

WATCH_HELP = (
    "Play one episode with ε = 0 (always the best move the agent knows) on a copy of the "
    "world, one move at a time, without learning; training waits until it is over."
)
CLICK_HELP = (
    "Inspect: a click on a cell of the world or the policy shows that cell's four Q-values "
    "(framed on both grids). Wall #, pit X, goal G, start S, empty .: a click on a cell makes "
    "it that kind (a new start moves the start); a new world starts the agent again. "
    "A layout needs one start and a goal the start can reach."
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
    """A "Watch greedy" button, the "Click a cell to" choice (inspect, or a kind of cell to
    paint), and an editor of the layout (text; a bad layout gets the layout checks' message
    and the world stays)."""
    watch, click = st.columns([1, 4], vertical_alignment="bottom")
    if not state.hidden("watch_greedy"):
        watch.button("Watch greedy", key="watch_greedy", icon=":material/visibility:",
                     on_click=_watch, help=WATCH_HELP, width="stretch")  # fmt: skip
    if state.hidden("layout"):
        return  # the teacher's link fixes the world: clicks only inspect
    click.pills("Click a cell to", list(CLICK_MODES), format_func=MODE_LABELS.get,
                key=MODE_KEY, default=INSPECT, help=CLICK_HELP)  # fmt: skip
    rows = "\n".join(session.env.layout)
    if st.session_state.get("layout_shown") != rows:  # the world changed elsewhere (URL, menu)
        st.session_state["layout_text"] = st.session_state["layout_shown"] = rows
    with st.expander("Edit the layout as text"):
        st.text_area("Rows", key="layout_text", height=200, help=LAYOUT_HELP,
                     on_change=_edit_layout)  # fmt: skip
