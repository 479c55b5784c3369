"""The live feed: while a lab's session plays, the browser pulls frames from it (routes.py).

Each request trains one slice (a budget of time that the scheduler shares out, within
which the speed setting's epochs run) and answers with the panel message (see panel.py).
The page is not rerun per frame: Streamlit's rerun of a fragment cost the browser ~30 ms
of React work per update and dropped ~15 % of them.
The browser asks for the next frame while it draws the last one, so training and drawing
overlap; it stops asking when a frame says training stopped.

Feeds are found by an unguessable token that the page hands to its own browser tab only.
The registry holds them weakly, and a feed whose session has ended (``alive`` says so) is
not served: it must not train on for a tab that is gone.
"""

from __future__ import annotations

import itertools
import json
import secrets
import weakref
from collections.abc import Callable

from playground.hosting import HOST
from playground.live.panel import frame_refusal, message, slow_heights

# Seconds of training per frame when one feed plays (the host's frame_budget_ms; the
# scheduler shares it when several play): frames/s against epochs/s. Measured in Chromium at the
# defaults on the 2-core test machine (browser and server side by side): 45 ms gave 14.5
# frames/s and ~680 epochs/s, 60 ms ~13 and 700-1,200, 80 ms 10.5 and ~1,050.
TRAIN_SECONDS = HOST.frame_budget_ms / 1000
# The weights and the confusion matrix change slowly and cost the browser ~10-25 ms each
# to redraw: while playing they are rebuilt on every 4th frame only.
SLOW_VIEW_EVERY = 4
_FRAME_NUMBERS = itertools.count(1)  # one sequence for every message: newer = larger
_FEEDS: weakref.WeakValueDictionary[str, LiveFeed] = weakref.WeakValueDictionary()


def next_frame_number() -> int:
    """A number larger than any handed out before in this process (frames are drawn in
    this order; the browser starts over when the feed's token changes)."""
    return next(_FRAME_NUMBERS)


def _always() -> bool:
    return True


class LiveFeed:
    """Frames of one lab session (playground.labs.base.LabSession). ``token`` names it to
    the feed's route; ``alive()`` tells whether its browser session still exists (the page
    passes Streamlit's answer). Knows no lab: the session's lab makes the charts."""

    def __init__(self, session, alive: Callable[[], bool] = _always):
        self.session = session
        self.alive = alive
        self.token = secrets.token_urlsafe(18)
        self.frames = 0
        self.last_start = 0.0  # time.monotonic() the last frame began (for the route's limit)
        self._model_version = None  # the session's model_version at the last frame
        self._slow_snap = None  # the snapshot the slow (kept) views were last drawn from
        self._kept: dict[str, int] = {}
        _FEEDS[self.token] = self

    def min_frame_seconds(self) -> float:
        """The least time between the starts of this feed's frames that its speed asks for
        (0 = as often as the route allows)."""
        return self.session.min_frame_seconds()

    def next_frame(self, full: bool = False, seconds: float = TRAIN_SECONDS) -> str:
        """Train one slice of `seconds` if playing, then return the panel message for this
        moment (``train`` then ``render``; the live route runs them on different threads).
        """
        return self.render(self.train(seconds), full)

    def train(self, seconds: float) -> bool:
        """Train `seconds` (see TrainingSession.advance) if the session plays;
        returns whether it was playing."""
        session = self.session
        with session.lock:
            if session.playing:
                session.advance(seconds)
                return True
            return False

    def render(self, was_playing: bool, full: bool = False) -> str:
        """The panel message for this moment, after a slice trained while `was_playing`.

        If the session was not playing, the answer is only a header with the frame
        number and ``"playing": false`` (nothing changed to draw). full=True rebuilds every
        view (a new connection's browser may show none of them yet).
        """
        session = self.session
        lab = session.lab
        with session.lock:
            snap, settings, playing = session.snapshot(), dict(session.settings), session.playing
            number, rebuilt = next_frame_number(), session.model_version != self._model_version
            self._model_version = session.model_version
        if not was_playing:
            return json.dumps({"frame": number, "playing": False})
        # The snapshot holds copies, so the figures are built without the lock: a click on
        # the page need not wait for them.
        self.frames += 1
        slow = full or rebuilt or not playing or self.frames % SLOW_VIEW_EVERY == 0
        if slow or self._slow_snap is None:  # an older model's would not fit this one
            self._slow_snap = snap
        slots = lab.chart_slots(
            snap, settings, kept=None if slow else self._kept, slow_snap=self._slow_snap
        )
        if slow:
            self._kept = slow_heights(lab, slots)
        text = message(lab, slots, snap, settings, frame=number, playing=playing)
        if frame_refusal(text):  # not sent; the page's rerun (playing: false) says why
            session.set_playing(False)
            return json.dumps({"frame": number, "playing": False})
        return text


def find_feed(token: str) -> LiveFeed | None:
    """The live feed with this token, or None (unknown, or its session has ended)."""
    feed = _FEEDS.get(token)
    return feed if feed is not None and feed.alive() else None
