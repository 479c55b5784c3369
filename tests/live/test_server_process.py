"""The server process as app.py sets it up: the pages' modules imported at start and frozen
out of the garbage collector's full passes (see app.py), one BLAS thread."""

import subprocess
import sys

from benchmarks.chromium import REPO

PROBE = "import gc, sys, app; print(gc.get_freeze_count(), 'playground.ui.lab_page' in sys.modules)"


def test_app_freezes_the_objects_of_the_pages_modules_at_start():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    frozen, imported = done.stdout.split()
    assert imported == "True"  # the pages' modules come before the freeze
    assert int(frozen) > 50_000  # Streamlit's and ours (~125,000 here)
