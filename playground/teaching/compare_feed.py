"""The comparison while the current run plays: a live feed that watches a session and
never trains it.

The compare panel (ui/compare_panel.py) is a live element of its own. While the page plays,
its element pulls frames from a CompareFeed over the live route, as the views pull theirs
from the session's LiveFeed (playground/live): the route finds it by its token, paces its
frames COMPARE_FRAME_SECONDS apart (min_frame_seconds) and stops it with the session. It
never trains: the `session` the route and the scheduler see is a stand-in that never
plays, so the feed takes no turn on the training thread and does not count among the
feeds that share it (the student's training keeps its whole budget).

Each frame redraws the loss chart with the current run's curves (about 1.5 ms of server CPU
and 12-22 KB at 3 pinned runs, on every lab: it reads the trainer's history, not a
snapshot); every PICTURE_EVERY-th frame, or less often if it is costly (PICTURE_SHARE),
also the current run's main view (the lab's chart slots: ~8 ms on XOR, ~40 ms on the
autoencoder and vision labs when their snapshot is not cached); a pinned run's picture is
sent the first time a connection sees the run, then kept (README, Compare runs).
No streamlit.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import replace

from playground.live.feed import LiveFeed, next_frame_number
from playground.live.panel import ChartSlot
from playground.teaching.compare import (
    CURRENT_KEY,
    LOSS_KEY,
    PinError,
    Pins,
    compare_slots,
    compare_text,
    watch,
)

# One comparison frame a second: the curves of a run that trains ~30 frames a second in
# the views above grow visibly, at a thirtieth of the views' cost.
COMPARE_FRAME_SECONDS = 1.0
PICTURE_EVERY = 3  # the current run's main view: every 3rd comparison frame (3 s) at most
# ...and no more often than its cost allows: a picture that took t seconds of CPU waits
# t / PICTURE_SHARE frames (a lab whose views take 40 ms to build, every 8 s), so the
# pictures cost a student's server at most about 5 ms a second.
PICTURE_SHARE = 0.005


class _NeverPlays:
    """What the live route sees of a compare feed's session: one that never plays, so the
    route gives the feed no training turn (it renders the frame straight away)."""

    playing = False


def _always() -> bool:
    return True


class CompareFeed(LiveFeed):
    """Comparison frames of `session` against the runs in `pins` (the page's Pins, read
    at each frame: runs pinned or unpinned later show). alive: as LiveFeed's."""

    def __init__(self, session, pins: Pins, alive: Callable[[], bool] = _always):
        super().__init__(_NeverPlays(), alive)
        self.watched, self.pins = session, pins
        self._pictures_sent: set[int] = set()  # pinned runs whose pictures this connection has
        self._current_picture: ChartSlot | None = None  # the current run's picture last sent
        self._since_picture = PICTURE_EVERY  # frames since it was drawn (the first: now)
        self._picture_every = PICTURE_EVERY  # frames between two (its cost may space them)

    def min_frame_seconds(self) -> float:
        """The least time between two comparison frames."""
        return COMPARE_FRAME_SECONDS

    def train(self, seconds: float) -> bool:
        """Never trains (the session's own feed does); False."""
        return False

    def render(self, was_playing: bool, full: bool = False) -> str:
        """The comparison now while the watched session plays (full=True: a new connection,
        every picture sent); a header with ``"playing": false`` once it does not (the
        element then stops asking, and reruns the page)."""
        session = self.watched
        number = next_frame_number()
        runs = list(self.pins.runs)
        with session.lock:
            playing = session.playing
            log_y = bool(session.settings.get("log_loss", False))
        if not playing or not runs:
            return json.dumps({"frame": number, "playing": False})
        self.frames += 1
        if full:
            self._pictures_sent, self._current_picture = set(), None
        self._since_picture += 1
        picture = full or self._since_picture >= self._picture_every
        if picture:  # drawn anew (or left out, if the lab does not draw it now)
            self._since_picture, self._current_picture = 0, None
        start = time.thread_time()  # this thread's CPU: the neighbours' load does not count
        try:
            current = watch(session, picture)
        except PinError:  # a lab without loss curves is never pinned; kept safe anyway
            return json.dumps({"frame": number, "playing": False})
        if picture:
            cost = time.thread_time() - start
            self._picture_every = max(PICTURE_EVERY, math.ceil(cost / PICTURE_SHARE))
        slots = [self._as_sent(slot) for slot in compare_slots(runs, current, log_y)]
        if not picture and self._current_picture is not None:
            slots.append(replace(self._current_picture, figure_json=""))  # kept as shown
        self._pictures_sent = {run.number for run in runs}
        return compare_text(slots, frame=number, playing=True)

    def _as_sent(self, slot: ChartSlot) -> ChartSlot:
        """The slot as this frame sends it: a pinned picture this connection already has
        goes empty (kept as shown); the current picture is remembered."""
        if slot.key == CURRENT_KEY:
            self._current_picture = slot
            return slot
        if slot.key != LOSS_KEY and int(slot.key.removeprefix("run")) in self._pictures_sent:
            return replace(slot, figure_json="")
        return slot
