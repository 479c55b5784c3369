"""Compare runs on the page: pin the current run, change a setting, train again, and see
every run's loss curves on one chart, their main views side by side and a table of the
settings that differ with the final metrics (playground/teaching/compare.py). While the
page plays, the comparison's element pulls frames from its own feed that watches the
session (teaching/compare_feed.py), so the current run's curve grows as it trains."""

import streamlit as st

from playground.live.feed import next_frame_number
from playground.live.routes import FEED_PATH
from playground.teaching.compare import (
    MAX_PINS,
    PinError,
    Pins,
    capture,
    compare_message,
    comparison_rows,
    differing_settings,
)
from playground.teaching.compare_feed import CompareFeed
from playground.ui import plain, state
from playground.ui.live_chart import live_panel

PINS = "compare"  # session-state key prefix: one Pins per lab page
PANEL_KEY = "compare_panel"


def pins() -> Pins:
    """The pinned runs of the lab shown, in this browser session."""
    lab = state.lab()
    key = f"{PINS}:{lab.name}"
    if key not in st.session_state:
        st.session_state[key] = Pins(lab.name)
    return st.session_state[key]


def compare_feed(session) -> CompareFeed:
    """The feed the comparison's element pulls frames from while `session` plays (one per
    lab page; a new one when the session is replaced, e.g. by an imported model)."""
    key, kept = f"{PINS}_feed:{session.lab.name}", pins()
    feed = st.session_state.get(key)
    if feed is None or feed.watched is not session or feed.pins is not kept:
        feed = st.session_state[key] = CompareFeed(session, kept, alive=state.feed().alive)
    return feed


def _pin() -> None:
    session = state.playground()
    try:
        run = pins().pin(session)
    except PinError as error:
        state.report_error(str(error))
        return
    if run.picture_note:
        state.report_notes([run.picture_note])


def _unpin(number: int) -> None:
    pins().unpin(number)


def _clear() -> None:
    pins().clear()


def _buttons(kept: Pins) -> None:
    pin, clear, _ = st.columns([1.2, 1, 3])
    full = len(kept.runs) >= MAX_PINS
    pin.button("Pin this run", key="compare_pin", icon=":material/push_pin:", on_click=_pin,
               disabled=full, width="stretch",
               help=f"Keep this run's curves, picture, settings and numbers (up to {MAX_PINS})."
               )  # fmt: skip
    clear.button("Clear", key="compare_clear", icon=":material/delete_sweep:", on_click=_clear,
                 disabled=not kept.runs, width="stretch", help="Unpin every run.")  # fmt: skip


def _unpin_buttons(kept: Pins) -> None:
    columns = st.columns(MAX_PINS + 1)
    for column, run in zip(columns, kept.runs, strict=False):
        column.button(f"Unpin {run.label}", key=f"compare_unpin_{run.number}",
                      icon=":material/close:", on_click=_unpin, args=(run.number,))  # fmt: skip


def compare_panel(session) -> None:
    """The "Compare runs" expander (open once a run is pinned). While training plays, the
    chart and the pictures follow the current run (its feed); the table shows it as it was
    when the page last ran (after a pause, a step or a change)."""
    kept = pins()
    title = f"Compare runs ({len(kept.runs)} of {MAX_PINS} pinned)"
    with st.expander(title, expanded=bool(kept.runs), icon=":material/compare:"):
        st.caption(
            "Pin this run, change a setting, train again, and compare: every run's loss on "
            "one chart, their main views side by side, and the settings that differ with "
            "the final numbers. While training plays, the chart follows the current run "
            "(its picture every few seconds); the table shows it as of the last pause or step."
        )
        _buttons(kept)
        if not kept.runs:
            return
        current = capture(session, 0)
        log_y = bool(session.settings.get("log_loss", False))
        # The views' element reruns the page when training stops; this one need not (a
        # second rerun costs the server another page run: ~50 ms of CPU per student).
        live = {"frame": next_frame_number(), "playing": session.playing, "feed": FEED_PATH,
                "token": compare_feed(session).token, "rerun_on_stop": False}  # fmt: skip
        text = compare_message(kept.runs, current, log_y, **live)
        live_panel(text, key=PANEL_KEY)
        columns, rows = comparison_rows(kept.runs, current, session.lab.table)
        table = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
        st.dataframe(table, hide_index=True)
        runs = [run.settings for run in [*kept.runs, current]]
        if not differing_settings(runs, session.lab.table):
            plain.caption("No setting differs between these runs yet: change one, train again.")
        _unpin_buttons(kept)
