"""Dense vs convolution on the vision lab's page: one click trains the first lab's dense
network on the same images in the background (playground/labs/convnet/compare.py) and the
page shows both networks side by side: parameters, test accuracy, epochs.

While it trains, a fragment looks again every POLL_SECONDS (not the whole page; the page
and the live training go on) and reruns the page once it is done.
"""

import streamlit as st

from playground.labs.convnet.compare import COMPARE_SECONDS, DENSE_RECIPE, Comparison
from playground.ui import plain, state

BUTTON_KEY = "compare_dense"
MESSAGE_KEY = "compare_dense_message"
POLL_SECONDS = 0.5
FAIRNESS = (
    "Fair by construction: the dense network is the first lab's (one hidden layer, "
    f"{DENSE_RECIPE['activation'].replace('_', ' ')}, {DENSE_RECIPE['init']} initialization, "
    "softmax output) with as many hidden units as give it about the conv net's parameters. "
    "It trains on the same training images, their pixels flattened into unrelated inputs, "
    "with the same optimizer, learning rate, batch size and seed, for as many epochs as the conv "
    f"net has had (at most {COMPARE_SECONDS:.0f} s), and is scored on the same test images."
)


def _start() -> None:
    st.session_state[MESSAGE_KEY] = state.playground().compare_dense()


def comparison_table(result: Comparison) -> dict[str, list[str]]:
    """The two networks as table columns: parameters, test accuracy, epochs."""

    def column(side) -> list[str]:
        return [f"{side.params:,}", f"{side.test_accuracy:.1%}", f"{side.epochs:,}"]

    return {"": ["Parameters", "Test accuracy", "Epochs"], result.conv.name: column(result.conv),
            result.dense.name: column(result.dense)}  # fmt: skip


@st.fragment(run_every=POLL_SECONDS)
def _wait_for(session) -> None:
    if not session.comparison.running:
        st.rerun()  # the whole page: it shows the result and stops looking
    plain.caption("Training the dense network…")


def _result(session) -> None:
    result = session.comparison.current(session.model_version)
    if session.comparison.failure:
        plain.error(session.comparison.failure)
    if result is None:
        return
    st.table(comparison_table(result), border="horizontal")
    if result.timed_out:
        plain.caption(f"The dense network stopped at {COMPARE_SECONDS:.0f} s, after "
                      f"{result.dense.epochs} epochs.")  # fmt: skip
    plain.caption(f"The conv net as it was at epoch {result.conv.epochs:,}; its training goes "
                  "on, press again to compare anew.")  # fmt: skip


def dense_vs_conv(session) -> None:
    """The button, the last comparison (or its progress), and how it is made fair."""
    st.subheader("Dense vs convolution", anchor=False)
    running = session.comparison.running
    st.button("Train a dense network on the same images", key=BUTTON_KEY, on_click=_start,
              icon=":material/compare_arrows:", disabled=running)  # fmt: skip
    if message := st.session_state.pop(MESSAGE_KEY, None):
        plain.info(message)
    if running:
        _wait_for(session)
    else:
        _result(session)
    with st.expander("How the dense network is chosen"):
        plain.caption(FAIRNESS)
