"""Neural Network Playground: `streamlit run app.py`."""

import streamlit as st

from playground.ui import state
from playground.ui.about import about
from playground.ui.sidebar import sidebar
from playground.ui.toolbar import toolbar
from playground.ui.views import live_area


def main() -> None:
    st.set_page_config(page_title="Neural Network Playground", page_icon="🧠", layout="wide")
    playground = state.playground()
    sidebar(playground)
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
    about()


main()
