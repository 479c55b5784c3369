"""The page's own CSS: a wider sidebar for the data-set picker, the epoch and stats styles."""

import streamlit as st

PAGE_CSS = """<style>
section[data-testid="stSidebar"] { min-width: 360px; }
[class*="st-key-pick_"] button p { font-size: 0.85rem; white-space: nowrap; }
.st-key-epoch p { font-size: 2.2rem; font-weight: 600; margin: 0; line-height: 1.1; }
.pg-stats { display: flex; gap: 2.5rem; flex-wrap: wrap; margin: 0.2rem 0 0.6rem 0; }
.pg-stat span { display: block; font-size: 0.85rem; color: #555; }
.pg-stat b { font-size: 1.6rem; font-weight: 500; }
</style>"""


def page_style() -> None:
    """Add the page's CSS (once per run, outside the live fragment)."""
    st.html(PAGE_CSS)
