"""The home page: each lab with a link and two sentences on what it teaches."""

import streamlit as st

from playground.labs.registry import LABS
from playground.ui import plain
from playground.ui.navigation import lab_pages
from playground.ui.style import PAGE_TITLE, page_frame

INTRO = "Each lab trains one kind of model live in your browser. Pick one:"


def home() -> None:
    """Draw the list of labs (the menu on top links them too)."""
    page_frame(present=False, title=f"Labs · {PAGE_TITLE}", panels=False)
    st.title(PAGE_TITLE)
    st.markdown(INTRO)
    pages = lab_pages()
    for name, lab in LABS.items():
        with st.container(border=True, key=f"lab_{name}"):
            st.page_link(pages[name], label=f"**{plain.literal(lab.title)}**", icon=lab.icon)
            st.markdown(plain.literal(lab.summary))
