"""The page runs (Streamlit script runs) one server process has under way, so that training
can step aside for them.

A click reruns the page on a thread of its own, which needs Python's GIL as the training
thread does: while a student's training turn holds it, the click's run waits. With a class
playing on one process, a Play click's run (~50 ms of CPU) took 0.2-0.3 s (p50) of wall
time and a page load up to 1.4 s, because every thread had its share of the GIL. So the
scheduler waits, before a turn, while a page run is under way (up to a bound per turn, so
that a long run, a big upload say, slows training and never stops it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class PageRuns:
    """A count of page runs under way (thread-safe; PAGE_RUNS is this process's)."""

    def __init__(self):
        self._count = 0
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """Whether a page run is under way."""
        return self._count > 0

    @contextmanager
    def running(self) -> Iterator[None]:
        """Count the page run this context wraps (a run cut short by a rerun included)."""
        with self._lock:
            self._count += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1


PAGE_RUNS = PageRuns()
"""The page runs of this server process."""
