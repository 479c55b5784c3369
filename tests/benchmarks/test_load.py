"""benchmarks/load.py's simulated student against a real server: it must still speak the
page's protocol (Play button, live element, feed token, frames, Pause) as the page changes,
or the load tables would silently measure nothing. No timing is asserted."""

from __future__ import annotations

import asyncio
import time

from benchmarks.chromium import running_app
from benchmarks.load import Student, markdown, one_student, percentile

PLAY_S = 8.0  # from the page load: room for a slow, shared machine


def test_a_simulated_student_loads_plays_gets_frames_and_pauses():
    with running_app() as (url, _):
        now = time.perf_counter()
        student = asyncio.run(one_student(url, "", now, now + PLAY_S, draw_s=0.03))
    assert student.errors == []
    assert student.page_load is not None
    assert len(student.window()) >= 2, f"{len(student.window())} live frames in {PLAY_S} s"
    assert student.epochs_per_s() > 0
    assert student.first_frame_at > student.play_at
    assert student.stopped_at > student.pause_at, "no frame said training stopped"
    assert student.flipped_at > student.pause_at, "the button never showed Play again"


def test_a_student_with_no_frames_counts_as_worst_and_errors_are_reported():
    playing = Student(page_load=0.1, frames=[(0.0, 0), (1.0, 100), (2.0, 200)])
    failed = Student(errors=["ConnectionClosed: 4404"])
    raw = {"students": [playing, failed], "health": [0.01], "health_failures": 0,
           "base_rss": None, "usage": None, "window": (0.0, 2.0), "client_cpu": 0.0}  # fmt: skip
    table = markdown(raw, 2, "test")
    assert "| 1.0 / 1.0 / 0.0 |" in table  # updates/s: median, p10 of those who got any, worst 0
    assert "1 student, 0 health (first: ConnectionClosed: 4404)" in table


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([0, 10], 95) == 9.5
