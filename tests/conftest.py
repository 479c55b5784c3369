"""Shared test helpers (work_clock.py) are importable from every test directory."""

import os
import sys
from pathlib import Path

import pytest

# As the server does (app.py): one BLAS thread. Tests train real networks, and a threaded
# BLAS on small matrices mostly fights the other processes of a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).parent))

from playground.labs.classify import session  # noqa: E402  (after the BLAS setting)


@pytest.fixture
def still_clock(monkeypatch):
    """Training deadlines that never come: Playgrounds built now train on a clock that
    stands still. For tests that count what a fixed speed trains per frame, which on a busy
    machine a 60 ms wall-clock frame may cut short. Never with speed "auto": it would not
    stop."""
    monkeypatch.setattr(session, "TRAINING_CLOCK", lambda: 0.0)
