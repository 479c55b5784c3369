"""The frame every lab's page shares: the toolbar (play, step, reset), messages, the live
views with the epoch counter, and the settings panels; a lab may bring its own panels,
notes and explanation (LAB_PARTS)."""

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from playground.labs.base import Lab
from playground.labs.registry import DEFAULT_LAB
from playground.ui import plain, state
from playground.ui.about import about
from playground.ui.assignment_task import assignment_task
from playground.ui.assignment_tools import assignment_tools
from playground.ui.compare_panel import compare_panel
from playground.ui.dense_vs_conv import dense_vs_conv
from playground.ui.draw_digit import draw_digit
from playground.ui.how_it_learns import how_it_learns
from playground.ui.learn_pick import apply_pick
from playground.ui.lessons_panel import lesson_banner, lesson_sidebar, take_from_url
from playground.ui.rl_controls import rl_controls
from playground.ui.rl_pick import apply_cell_click
from playground.ui.rnn_controls import rnn_controls
from playground.ui.sidebar import settings_sidebar, sidebar
from playground.ui.style import PAGE_TITLE, page_frame
from playground.ui.toolbar import toolbar
from playground.ui.views import live_area


def _data_notes(session) -> None:
    for note in session.dataset.notes:
        plain.caption(note)


def _summary(lab: Lab) -> Callable[[], None]:
    def explain() -> None:
        with st.expander(f"About the {lab.title.lower()} lab"):
            st.markdown(plain.literal(lab.summary))

    return explain


@dataclass(frozen=True)
class LabParts:
    """A lab's own parts of its page: notes under the messages (not in presentation mode),
    what comes under the live views, the sidebar's panels, and the explanation at the
    bottom (None = the lab's summary). Each takes the session (about: nothing). pick: what
    a click on a view does (takes the live element's key, see ui/views.live_area), None =
    nothing."""

    notes: Callable | None = None
    under_views: Callable | None = None
    sidebar: Callable = settings_sidebar
    about: Callable[[], None] | None = None
    pick: Callable[[str], None] | None = None


LAB_PARTS = {
    "classify": LabParts(
        notes=_data_notes,
        under_views=how_it_learns,
        sidebar=sidebar,
        about=about,
        pick=apply_pick,
    ),
    "autoencoder": LabParts(under_views=how_it_learns),  # a network of Dense layers
    "rl": LabParts(notes=rl_controls, pick=apply_cell_click),
    "rnn": LabParts(notes=rnn_controls),
    # The canvas over the views (they show what the network reads in the drawing); the
    # dense network's comparison, a separate experiment, under them, so that on a phone
    # the epoch counter is not pushed a whole screen down.
    "convnet": LabParts(notes=draw_digit, under_views=dense_vs_conv),
}
"""Lab name -> its page parts; a lab not listed gets the generic panels of its table."""


def lab_page(lab: Lab) -> None:
    """Draw the page of `lab` for this browser session."""
    state.set_lab(lab)
    if full := state.refused():  # past the host's sessions per process
        page_frame(present=False)
        plain.error(full)
        st.stop()
    take_from_url(lab)  # ?lesson=...: before the session is made from the address
    session = state.playground()
    state.write_url()  # back from another page (which cleared the address): its settings
    parts = LAB_PARTS.get(lab.name, LabParts())
    present = session.settings.get("present", False)
    title = PAGE_TITLE if lab is DEFAULT_LAB else f"{lab.title} · {PAGE_TITLE}"
    page_frame(present, title)
    if not present:  # a projector needs the room for the views
        st.title(PAGE_TITLE if lab is DEFAULT_LAB else lab.title)
    toolbar(session)
    error, notes = state.messages()
    if error:
        plain.error(error)  # plain: these may quote the URL, CSV names or a file name
    for note in notes:
        plain.info(note)
    assignment_task(session)  # an assignment's task and its live check, over the views
    if stopped := getattr(session, "stop_message", lambda: "")():  # patience or a target
        plain.info(stopped)
    if parts.notes and not present:  # not for a projector: room
        parts.notes(session)
    lesson_banner(session)
    live_area(session, parts.pick)
    if parts.under_views:  # the learning loop (off until asked), the dense comparison
        parts.under_views(session)
    if not present:  # pinned runs beside the current one (teaching/compare.py)
        compare_panel(session)
    # The sidebar is drawn last so that after a click (Pause, Step) the views, which the
    # user is watching, arrive first; its place on the page does not depend on the order.
    lesson_sidebar(session)  # on top of the sidebar
    parts.sidebar(session)
    if not present:
        assignment_tools(session)  # a teacher's link builder and code checker
    (parts.about or _summary(lab))()
