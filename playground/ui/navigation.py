"""The app's pages: one per lab at its URL path (the first lab at the root, so every link
that worked before still opens it), and a home that says what each lab teaches.

The menu at the top of every page is the lab picker. Going to another page clears the
address's query; each lab's session stays, and its page writes its settings back.
"""

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from playground.labs.base import Lab
from playground.labs.registry import DEFAULT_LAB, LABS
from playground.live.page_runs import PAGE_RUNS
from playground.ui import state
from playground.ui.style import SIDEBAR_WIDTH

ROOT = Path(__file__).resolve().parents[2]  # where page.py is: page paths are relative to it
LAB_SCRIPT = "playground/ui/pages/lab.py"
HOME_SCRIPT = "playground/ui/pages/home.py"
HOME_PATH = "labs"
HOME_TITLE = "All labs"


def lab_pages() -> dict[str, StreamlitPage]:
    """Lab name -> its page, in menu order; the first lab's is the default (the root)."""
    return {lab.name: st.Page(LAB_SCRIPT, title=lab.title, icon=lab.icon,
                              url_path=lab.path or lab.name, default=lab is DEFAULT_LAB)
            for lab in LABS.values()}  # fmt: skip


def home_page() -> StreamlitPage:
    """The page that lists the labs."""
    return st.Page(HOME_SCRIPT, title=HOME_TITLE, icon=":material/apps:", url_path=HOME_PATH)


def navigate() -> None:
    """Run the page the address asks for, with the menu of every lab and the home on top
    (counted as a page run under way: training steps aside for it, see live/page_runs)."""
    with PAGE_RUNS.running():
        _navigate()


def _navigate() -> None:
    # The sidebar's width before the menu is drawn: set only in the page, a phone's sidebar
    # (which holds the menu there) kept Streamlit's 300 px, too narrow for the data picker.
    st.set_page_config(layout="wide", initial_sidebar_state=SIDEBAR_WIDTH)
    labs = lab_pages()
    home = home_page()
    page = st.navigation([*labs.values(), home], position="top")
    shown: Lab | None = next((LABS[name] for name, p in labs.items() if p is page), None)
    state.set_lab(shown)
    page.run()
