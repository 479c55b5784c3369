"""The page's frame and own CSS: the sidebar, narrow screens and presentation mode (the
live panel's CSS is in live_chart.css), and the page's one script, which fits wide
equations to their column (page_js/fit_equations.js)."""

from pathlib import Path

import streamlit as st

PAGE_TITLE = "Neural Network Playground"
SIDEBAR_WIDTH = 360  # px: the data-set picker's thumbnails fit three to a row

# The toolbar's buttons stay one row on a tablet and a phone (Streamlit stacks columns
# below 640 px, a full-width row per button). The toolbar is a CSS container: narrower
# than 1000 px (a tablet, or a laptop with the sidebar open) the presentation toggle wraps
# to its own row so that the labels fit (they were cut to "Regen…"); narrower than 600 px
# the buttons show only their icons (labels kept for screen readers and tests).
_TOOLBAR_ROW = '.st-key-toolbar [data-testid="stHorizontalBlock"]'
PAGE_CSS = """<style>
[class*="st-key-pick_"] button p { font-size: 0.85rem; white-space: nowrap; }
.st-key-toolbar { container: toolbar / inline-size; }
@container toolbar (max-width: 1000px) {
  ROW { flex-wrap: wrap; row-gap: 0.5rem; }
  ROW > [data-testid="stColumn"] { min-width: 0; flex: 1 1 0; }
  ROW > [data-testid="stColumn"]:last-child { flex-basis: 100%; }
}
@container toolbar (max-width: 600px) {
  ROW button p {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 4rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.8rem; padding-top: 0; }
  /* the data-set picker keeps three to a row in the phone's sidebar */
  [data-testid="stHorizontalBlock"]:has([class*="st-key-ds_"]) { flex-wrap: nowrap; }
  [data-testid="stHorizontalBlock"]:has([class*="st-key-ds_"]) > [data-testid="stColumn"] {
    min-width: 0; flex: 1 1 0; }
}
/* An equation too wide for its column even drawn smaller (fit_equations.js marks it)
   scrolls in its own box: a shadow inside the edge that hides more says so. */
.katex-display[data-scrolls="right"] { box-shadow: inset -14px 0 10px -10px rgba(0, 0, 0, 0.35); }
.katex-display[data-scrolls="left"] { box-shadow: inset 14px 0 10px -10px rgba(0, 0, 0, 0.35); }
.katex-display[data-scrolls="both"] {
  box-shadow: inset -14px 0 10px -10px rgba(0, 0, 0, 0.35),
              inset 14px 0 10px -10px rgba(0, 0, 0, 0.35); }
</style>""".replace("ROW", _TOOLBAR_ROW)
FIT_EQUATIONS_JS = (Path(__file__).parent / "page_js" / "fit_equations.js").read_text("utf-8")

# Presentation mode: less chrome above the views, larger numbers and titles (the figures'
# own text is scaled on the server, plots/presentation.py).
PRESENT_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 4rem; padding-bottom: 2rem; }
.live-stat span { font-size: 1.1rem; }
.live-stat b { font-size: 2.2rem; }
.live-stat[data-live="epoch"] b { font-size: 2.8rem; }
.live-stats { margin-bottom: 0.4rem; }
.live-slot-title { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] button p { font-size: 1.15rem; }
</style>"""


def page_frame(present: bool, title: str = PAGE_TITLE, panels: bool = True) -> None:
    """Set up the page (title, wide layout, sidebar) and add its CSS; in presentation
    mode the sidebar starts closed (it can still be opened) and PRESENT_CSS applies.
    panels=False: a page without settings panels (the home) starts with it closed."""
    sidebar = "collapsed" if present or not panels else SIDEBAR_WIDTH
    st.set_page_config(page_title=title, page_icon="🧠", layout="wide",
                       initial_sidebar_state=sidebar)  # fmt: skip
    script = f"<script>{FIT_EQUATIONS_JS}</script>"  # runs once per page, see the file
    st.html(PAGE_CSS + (PRESENT_CSS if present else "") + script, unsafe_allow_javascript=True)
