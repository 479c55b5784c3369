"""The sequence lab's own control above its views: train the other cell type (SimpleRNN or
LSTM) on the same data for the same epochs, to compare their gradients through time."""

import streamlit as st

from playground.labs.rnn.compare import COMPARE_SECONDS, OTHER_CELL, describe
from playground.labs.rnn.table import CELL_NAMES
from playground.ui import plain, state

COMPARE_HELP = (
    "Trains the other cell type with the same units, data, first weights and optimizer for "
    "as many epochs as this network has had (at most {seconds:.0f} s; this training goes "
    "on meanwhile), then draws its gradient through time beside this network's."
)


def _compare() -> None:
    if not state.hidden("compare"):
        state.playground().compare_cells()


def rnn_controls(session) -> None:
    """A "Compare with LSTM / SimpleRNN" button and what the last comparison found."""
    if state.hidden("compare"):
        return
    other = CELL_NAMES[OTHER_CELL[session.settings["cell"]]]
    button, said = st.columns([1, 3], vertical_alignment="center")
    button.button(f"Compare with {other}", key="compare", icon=":material/compare_arrows:",
                  on_click=_compare, help=COMPARE_HELP.format(seconds=COMPARE_SECONDS),
                  width="stretch")  # fmt: skip
    result = session.comparison
    with said:
        if result is None:
            plain.caption(f"The gradient view shows this network alone; the button trains "
                          f"the other cell type ({other}) to draw beside it.")  # fmt: skip
        else:
            plain.caption(describe(result, session.settings["task"], session.settings["units"]))
