"""The Neural Network Playground's pages: one per lab, and a home (the server, with the live
feed, is app.py)."""

import os

# As in app.py (why: see there); again here for AppTest, which runs this page alone.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from playground.ui.navigation import navigate  # noqa: E402

navigate()
