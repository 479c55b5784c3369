"""Fair shares of one server process's training time for the live feeds that play at once.

One Streamlit process is one core: its sessions are threads that share Python's GIL. So
frames do not train side by side (four threads fighting over the GIL made every frame
slower and the share of each a matter of luck); they take turns on ONE training thread,
in the order they were asked for. A feed asks for its next frame only once its last one
has arrived, so every playing feed gets a turn before any gets a second: a round.

Each turn trains for a budget of wall-clock time (turns never overlap, so wall time is
fair between them and bounds what a student waits for, even on a machine busy with other
processes) that shrinks as more feeds play, so a round stays about one frame budget long:

    budget = clamp(frame_budget / active feeds, min_frame_budget, frame_budget)

(the host's limits, playground/hosting.py; 25 ms and 5 ms by default). The trainer keeps
to its budget whatever the network (it stops mid-epoch, see Trainer.run_for), so a huge
network costs its neighbours no more than a small one. Snapshots and figures are built
on other threads (they need no turn: the training thread is the one to keep busy).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

import anyio

from playground.hosting import HOST
from playground.live.feed import LiveFeed

ACTIVE_SECONDS = 2.0  # a feed that trained a frame this recently counts as playing
# A feed whose browser draws the server's figures (digits, a line: no painting from the
# weights) takes the browser ~100 ms or more a frame, so a short slice leaves the training
# thread idle meanwhile. Alone in its process such a feed trains this many budgets (60 ms at
# the defaults, its slice before the browser painted); with neighbours, the fair share.
LONE_SERVER_DRAWN_SCALE = 2.4


class Scheduler:
    """Turns and budgets for the feeds of one process (``SCHEDULER``; tests make their
    own). max_budget, min_budget: seconds per frame; clock: for ACTIVE_SECONDS."""

    def __init__(
        self,
        max_budget: float = HOST.frame_budget_ms / 1000,
        min_budget: float = HOST.min_frame_budget_ms / 1000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.max_budget, self.min_budget, self.clock = max_budget, min_budget, clock
        self._last_turn: weakref.WeakKeyDictionary[LiveFeed, float] = weakref.WeakKeyDictionary()
        self._limiter: anyio.CapacityLimiter | None = None

    @property
    def active(self) -> int:
        """Feeds that trained within the last ACTIVE_SECONDS."""
        now = self.clock()
        return sum(1 for seen in list(self._last_turn.values()) if now - seen <= ACTIVE_SECONDS)

    def budget(self, feed: LiveFeed | None = None) -> float:
        """Seconds of training for the next frame (of `feed`, if given), at the current
        count."""
        active = self.active
        if feed is not None and active <= 1 and not feed.paints_pictures():
            return self.max_budget * LONE_SERVER_DRAWN_SCALE
        share = self.max_budget / max(1, active)
        return min(self.max_budget, max(self.min_budget, share))

    def turn(self, feed: LiveFeed) -> bool:
        """Train one frame of `feed` now, on the calling thread, with this turn's budget;
        returns whether it was playing. (``train`` runs it on the training thread.)"""
        if not feed.session.playing:
            return False
        self._last_turn[feed] = self.clock()
        self._forget_idle()
        return feed.train(self.budget(feed))

    async def train(self, feed: LiveFeed) -> bool:
        """Wait for `feed`'s turn on the process's one training thread, then train it."""
        if self._limiter is None:  # created on first use: it belongs to the event loop
            self._limiter = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(self.turn, feed, limiter=self._limiter)

    def _forget_idle(self) -> None:
        now = self.clock()
        for feed, seen in list(self._last_turn.items()):
            if now - seen > ACTIVE_SECONDS:
                del self._last_turn[feed]


SCHEDULER = Scheduler()
"""The scheduler of this server process."""
