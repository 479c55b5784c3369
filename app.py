"""Neural Network Playground: `streamlit run app.py`.

The server: Streamlit's page (page.py) and, beside it, the live feed's WebSocket route that
the page's charts pull training frames from while playing (playground/live).
"""

import gc
import os

# One BLAS thread per server process, set before NumPy loads: the sessions of one server
# share a core, and a threaded BLAS on small matrices mostly fights them (a digits-sized
# matmul went from ~1 ms to 25 ms on a busy machine).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from playground.live.routes import live_routes  # noqa: E402
from playground.ui import home, lab_page, navigation  # noqa: E402,F401  (see below)

# The pages' modules are imported now, and then every object so far is frozen out of the
# garbage collector's view (gc.freeze): they never become garbage, and its full passes,
# one every few seconds while a class loads its pages, scanned them each time. Measured
# with 30 students loading at once: a full pass took ~45 ms instead of ~100 (it holds the
# GIL, so every click waits), and the collector 55 ms in all instead of 190-250.
gc.collect()
gc.freeze()

app = st.App("page.py", routes=live_routes(st.config.get_option("server.baseUrlPath")))
