"""Neural Network Playground: `streamlit run app.py`.

The server: Streamlit's page (page.py) and, beside it, the live feed's WebSocket route that
the page's charts pull training frames from while playing (playground/live).
"""

import os

# One BLAS thread per server process, set before NumPy loads: the sessions of one server
# share a core, and a threaded BLAS on small matrices mostly fights them (a digits-sized
# matmul went from ~1 ms to 25 ms on a busy machine).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from playground.live.routes import live_routes  # noqa: E402

app = st.App("page.py", routes=live_routes(st.config.get_option("server.baseUrlPath")))
