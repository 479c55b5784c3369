"""Fair shares of one server process's training time for the live feeds that play at once.

One Streamlit process is one core: its sessions are threads that share Python's GIL. So
frames do not train side by side (four threads fighting over the GIL made every frame
slower and the share of each a matter of luck); they take turns on ONE training thread,
in the order they were asked for. A feed asks for its next frame only once its last one
has arrived, so every playing feed gets a turn before any gets a second: a round. A new
connection's first frame goes before the turns waiting (its student just pressed Play).
A turn makes its frame too (snapshot, figures, message), on the same thread: built on
another, the frames took the GIL from the next turns in the middle of their budgets (with
30 students on 2 processes a turn had the CPU 72-78 % of its time, 85-88 % so), and the
frame's cost now counts in the turn's overrun, which the budget leaves room for.

The round is aimed at a frame rate for every student (the host's target_frames_per_second,
12 by default: a round of 1/12 s; a class of 30 on 2 processes got 10.7-11.6 frames a
second, aimed at 11 it got 10.2-10.5, the overheads measured a little late), so each
turn trains for

    budget = clamp(round / active feeds - overhead, min_frame_budget, frame_budget)

where overhead is what a turn takes beyond its budget, measured: the feed's own overrun
(a turn ends on a whole epoch when that is near, see Trainer.run_for; the frame is made
in it too) and the hand-over to the next turn. So a round of N playing feeds lasts about one
round, and a feed whose turns overrun trains less, not its neighbours. One feed alone
trains the longest budget (frame_budget_ms, 20 ms: 30+ pictures a second); a class shares
the round down to the floor (min_frame_budget_ms). Turns take wall-clock time (they never
overlap, so wall time is fair between them and bounds what a student waits for, even on a
machine busy with other processes). The trainer keeps to its budget whatever the network
(it stops mid-epoch), so a huge network costs its neighbours no more than a small one.

The training thread takes the next turn from its own queue as soon as one ends: when the
event loop handed each turn over (a task woken, a worker thread woken, the GIL taken back
from the loop sending the last frame), 0.5-1.6 ms went between turns, ~12 % of a class's
round. The loop only queues a turn and is told when its frame is made.

Clicks come first: before a turn, training waits while a page run is under way in the
process (live/page_runs.py), up to PAGE_YIELD_SECONDS a turn, so that a click's run has
the GIL (the wait is not counted as a hand-over).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from playground.hosting import HOST
from playground.live.feed import LiveFeed
from playground.live.page_runs import PAGE_RUNS, PageRuns

ACTIVE_SECONDS = 2.0  # a feed that trained a frame this recently counts as playing
# A feed whose browser draws the server's figures (digits, a line: no painting from the
# weights) takes the browser ~100 ms or more a frame, so a short slice leaves the training
# thread idle meanwhile. Alone in its process such a feed trains this many budgets (48 ms at
# the defaults); with neighbours, the fair share.
LONE_SERVER_DRAWN_SCALE = 2.4
# The measured overheads follow the turns: each new measurement moves them this far (of
# the difference), so that one slow turn (a garbage collection, a busy machine) moves
# them little.
OVERHEAD_WEIGHT = 0.1
# A hand-over longer than this was the training thread waiting for work, not overhead.
MAX_HANDOVER_SECONDS = 0.02
# A turn waits at most this long for page runs: training keeps at least ~1/4 of the time
# (a turn is ~4-20 ms) even while runs follow each other, and a click's run has ~3/4.
PAGE_YIELD_SECONDS = 0.02
PAGE_POLL_SECONDS = 0.002
IDLE_THREAD_SECONDS = 5.0  # the training thread ends after this long with no turn to take
FIRST, NEXT = 0, 1
T = TypeVar("T")  # the order of the turns waiting: a connection's first frame, the others


@dataclass(order=True)
class _Turn:
    """A turn waiting in the training thread's queue, by (priority, order asked)."""

    priority: int
    order: int
    feed: LiveFeed = field(compare=False)
    asked: float = field(compare=False)
    then: Callable[[bool], Any] = field(compare=False)
    deliver: Callable[[Any, BaseException | None], None] = field(compare=False)
    given_up: bool = field(default=False, compare=False)


def _settle(done: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if done.done():  # its socket went away meanwhile
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(result)


class Scheduler:
    """Turns and budgets for the feeds of one process (``SCHEDULER``; tests make their
    own). max_budget, min_budget, round_seconds: seconds (a frame's longest and shortest
    training, a round's aim); clock: seconds, for ACTIVE_SECONDS and the overheads;
    page_runs: the page runs turns step aside for."""

    def __init__(
        self,
        max_budget: float = HOST.frame_budget_ms / 1000,
        min_budget: float = HOST.min_frame_budget_ms / 1000,
        round_seconds: float = 1 / HOST.target_frames_per_second,
        clock: Callable[[], float] = time.perf_counter,
        page_runs: PageRuns = PAGE_RUNS,
    ):
        self.max_budget, self.min_budget = max_budget, min_budget
        self.page_runs = page_runs
        self.round_seconds, self.clock = round_seconds, clock
        self._last_turn: weakref.WeakKeyDictionary[LiveFeed, float] = weakref.WeakKeyDictionary()
        self._overrun: weakref.WeakKeyDictionary[LiveFeed, float] = weakref.WeakKeyDictionary()
        self.handover = 0.0  # seconds from the end of a turn to the start of the next
        self._turn_ended: float | None = None
        self._queue: list[_Turn] = []  # a heap
        self._queued = threading.Condition()
        self._thread: threading.Thread | None = None
        self._order = itertools.count()

    @property
    def active(self) -> int:
        """Feeds that trained within the last ACTIVE_SECONDS."""
        now = self.clock()
        return sum(1 for seen in list(self._last_turn.values()) if now - seen <= ACTIVE_SECONDS)

    def overhead(self, feed: LiveFeed) -> float:
        """Seconds a turn of `feed` takes beyond its budget (its overrun and the hand-over
        to the next turn; measured, 0 at first)."""
        return self._overrun.get(feed, 0.0) + self.handover

    def budget(self, feed: LiveFeed | None = None) -> float:
        """Seconds of training for the next frame (of `feed`, if given), at the current
        count of playing feeds."""
        active = self.active
        if feed is not None and active <= 1 and not feed.paints_pictures():
            return self.max_budget * LONE_SERVER_DRAWN_SCALE
        extra = self.handover if feed is None else self.overhead(feed)
        share = self.round_seconds / max(1, active) - extra
        return min(self.max_budget, max(self.min_budget, share))

    def turn(
        self, feed: LiveFeed, asked: float | None = None, then: Callable[[bool], T] = bool
    ) -> T:
        """Train one frame of `feed` now, on the calling thread, with this turn's budget,
        then make its frame; returns ``then(whether it was playing)`` (by default that bool).
        asked: when the turn was asked for (the clock's time; ``train`` passes it), to tell
        a hand-over from the thread idling."""
        if not feed.session.playing:
            return then(False)
        start = self._last_turn[feed] = self.clock()
        self._note_handover(start, asked)
        self._forget_idle()
        budget = self.budget(feed)
        made = then(feed.train(budget))
        self._turn_ended = end = self.clock()
        seen = self._overrun.get(feed, 0.0)
        self._overrun[feed] = seen + OVERHEAD_WEIGHT * (max(0.0, end - start - budget) - seen)
        return made

    async def train(
        self, feed: LiveFeed, first: bool = False, then: Callable[[bool], T] = bool
    ) -> T:
        """Queue `feed`'s turn on the process's one training thread, which trains it and
        makes its frame: returns ``then(whether it was playing)``. first: a connection's
        first frame, which goes before the turns waiting. Cancelled while waiting, the
        turn is given up (the next one goes on)."""
        loop = asyncio.get_running_loop()
        done = loop.create_future()

        def deliver(result: Any, error: BaseException | None) -> None:  # training thread
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                loop.call_soon_threadsafe(_settle, done, result, error)

        turn = _Turn(FIRST if first else NEXT, next(self._order), feed, self.clock(), then,
                     deliver)  # fmt: skip
        with self._queued:
            heapq.heappush(self._queue, turn)
            if self._thread is None:
                self._start_thread()
            self._queued.notify()
        try:
            return await done
        finally:
            turn.given_up = True  # still queued: skipped

    def _work(self) -> None:
        """The training thread: take the most urgent turn queued, run it, tell its caller;
        end after IDLE_THREAD_SECONDS without one (the next train starts a new thread)."""
        try:
            while (turn := self._next_turn()) is not None:
                self._run(turn)
        finally:  # ended by something no turn catches: a new thread for the turns queued
            with self._queued:
                if self._thread is threading.current_thread():
                    self._thread = None
                    if self._queue:
                        self._start_thread()

    def _run(self, turn: _Turn) -> None:
        if turn.given_up:
            return
        waited = self._yield_to_pages()
        if turn.given_up:  # its socket went away during the wait
            return
        try:
            asked = None if waited else turn.asked  # a wait for a page is no hand-over
            result = self.turn(turn.feed, asked, turn.then)
        except Exception as failure:  # the route says the frame failed
            turn.deliver(None, failure)
        except BaseException:
            turn.deliver(None, RuntimeError("the training thread stopped"))
            raise
        else:
            turn.deliver(result, None)

    def _start_thread(self) -> None:
        """A new training thread (call with self._queued held)."""
        self._thread = threading.Thread(target=self._work, name="training", daemon=True)
        self._thread.start()

    def _next_turn(self) -> _Turn | None:
        with self._queued:
            while not self._queue:
                if not self._queued.wait(IDLE_THREAD_SECONDS) and not self._queue:
                    self._thread = None
                    return None
            return heapq.heappop(self._queue)

    def _yield_to_pages(self) -> bool:
        """Wait while a page run is under way, up to PAGE_YIELD_SECONDS; whether it waited."""
        if not self.page_runs.busy:
            return False
        deadline = time.monotonic() + PAGE_YIELD_SECONDS
        while self.page_runs.busy and time.monotonic() < deadline:
            time.sleep(PAGE_POLL_SECONDS)  # sleeping, the thread leaves the GIL to the page
        return True

    def _note_handover(self, start: float, asked: float | None) -> None:
        """Measure the gap since the last turn ended, if this one was waiting for it."""
        ended = self._turn_ended
        if asked is None or ended is None or asked > ended:
            return  # asked after the last turn ended: the thread was idle, not handing over
        gap = min(start - ended, MAX_HANDOVER_SECONDS)
        self.handover += OVERHEAD_WEIGHT * (gap - self.handover)

    def _forget_idle(self) -> None:
        now = self.clock()
        for feed, seen in list(self._last_turn.items()):
            if now - seen > ACTIVE_SECONDS:
                del self._last_turn[feed]
                self._overrun.pop(feed, None)


SCHEDULER = Scheduler()
"""The scheduler of this server process."""
