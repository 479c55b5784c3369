"""Shared test helpers (work_clock.py) are importable from every test directory."""

import os
import sys
from pathlib import Path

# As the server does (app.py): one BLAS thread. Tests train real networks, and a threaded
# BLAS on small matrices mostly fights the other processes of a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).parent))
