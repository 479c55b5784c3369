"""The Neural Network Playground's page (the server, with the live feed, is app.py)."""

import os

# As in app.py (why: see there); again here for AppTest, which runs this page alone.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from playground.ui import plain, state  # noqa: E402
from playground.ui.about import about  # noqa: E402
from playground.ui.how_it_learns import how_it_learns  # noqa: E402
from playground.ui.sidebar import sidebar  # noqa: E402
from playground.ui.style import PAGE_TITLE, page_frame  # noqa: E402
from playground.ui.toolbar import toolbar  # noqa: E402
from playground.ui.views import live_area  # noqa: E402


def main() -> None:
    if full := state.refused():  # past the host's sessions per process
        page_frame(present=False)
        plain.error(full)
        st.stop()
    playground = state.playground()
    present = playground.settings["present"]
    page_frame(present)
    if not present:  # a projector needs the room for the views
        st.title(PAGE_TITLE)
    toolbar(playground)
    error, notes = state.messages()
    if error:
        plain.error(error)  # plain: these may quote the URL, CSV names or a file name
    for note in notes:
        plain.info(note)
    details = () if present else playground.dataset.notes  # not for a projector: room
    for note in details:
        plain.caption(note)
    live_area(playground)
    how_it_learns(playground)  # the learning loop, step by step (off until asked for)
    # The sidebar is drawn last so that after a click (Pause, Step) the views, which the
    # user is watching, arrive first; its place on the page does not depend on the order.
    sidebar(playground)
    about()


main()
