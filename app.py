"""Neural Network Playground: `streamlit run app.py`."""

import os

# One BLAS thread per server process, set before NumPy loads: the sessions of one server
# share a core, and a threaded BLAS on small matrices mostly fights them (a digits-sized
# matmul went from ~1 ms to 25 ms on a busy machine).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from playground.ui import state  # noqa: E402
from playground.ui.about import about  # noqa: E402
from playground.ui.sidebar import sidebar  # noqa: E402
from playground.ui.style import page_style  # noqa: E402
from playground.ui.toolbar import toolbar  # noqa: E402
from playground.ui.views import live_area  # noqa: E402


def main() -> None:
    st.set_page_config(page_title="Neural Network Playground", page_icon="🧠", layout="wide")
    page_style()
    playground = state.playground()
    st.title("Neural Network Playground")
    toolbar(playground)
    error, notes = state.messages()
    if error:
        st.error(error)
    for note in notes:
        st.info(note)
    for note in playground.dataset.notes:
        st.caption(note)
    live_area(playground)
    # The sidebar is drawn last so that after a click (Pause, Step) the views, which the
    # user is watching, arrive first; its place on the page does not depend on the order.
    sidebar(playground)
    about()


main()
