"""The page's own CSS: a wider sidebar for the data-set picker (the live panel's is in
live_chart.css)."""

import streamlit as st

PAGE_CSS = """<style>
section[data-testid="stSidebar"] { min-width: 360px; }
[class*="st-key-pick_"] button p { font-size: 0.85rem; white-space: nowrap; }
</style>"""


def page_style() -> None:
    """Add the page's CSS (once per run)."""
    st.html(PAGE_CSS)
