"""The live feed: while a lab's session plays, the browser pulls frames from it (routes.py).

Each request trains one slice (a budget of time that the scheduler shares out, within
which the speed setting's epochs run) and answers with the panel message (see panel.py).
For a lab whose browser draws from the weights (Lab.paint_key; the first lab over a plane
and on images), frames after the first are *light*: the weights, the new loss points and
the stats, the slowly changing views on their own cadence; the browser paints the plane's
pictures and draws the network's links itself (model_payload.py). Whole figures come only
when something changed (settings, data, a rebuilt model, a new connection) and on pause.
The feed knows no lab: the session's lab makes the charts, their grid and stats.
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
from dataclasses import replace

from playground.hosting import HOST
from playground.live.model_payload import loss_points
from playground.live.panel import frame_refusal, message, slow_heights
from playground.live.view_settings import LIVE_FRAMES, view_settings

# Seconds of training per frame when one feed plays (the host's frame_budget_ms; the
# scheduler shares it when several play): frames/s against epochs/s. With 60 ms a student
# saw at most ~14 new pictures a second; since the browser paints the plane's pictures from
# the weights and the loss on canvases (a frame costs it ~18 ms) and asks for the next frame
# as soon as one arrives, 20 ms lets it show 30-35 a second while training ~75 % of the
# time: 25 ms gave 30.6, too close to the goal (README, Benchmarks).
TRAIN_SECONDS = HOST.frame_budget_ms / 1000
# The weights and the confusion matrix change slowly and cost the browser ~10-25 ms each
# to redraw: while playing they are rebuilt on every 4th frame only.
SLOW_VIEW_EVERY = 4
# In light frames (the browser draws the rest) the slowly changing views come every 8th
# frame, and a rebuilt figure only if it differs from the one last sent: at 25 frames a
# second the weights then change 3 times a second and cost the browser ~30-40 ms each.
LIGHT_SLOW_EVERY = 8
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
    passes Streamlit's answer)."""

    def __init__(self, session, alive: Callable[[], bool] = _always):
        self.session = session
        self.alive = alive
        self.token = secrets.token_urlsafe(18)
        self.frames = 0
        self.last_start = 0.0  # time.monotonic() the last frame began (for the route's limit)
        self._model_version = None  # the session's model_version at the last frame
        self._slow_snap = None  # the snapshot the slow (kept) views were last drawn from
        self._kept: dict[str, int] = {}
        # While light frames follow (model_payload): the paint_key the last whole frame was
        # built for, its slots, its paint_static, the loss rows sent so far, and a hash of
        # the figure each view was last sent with (a rebuilt one that is the same is not).
        self._light_key = None
        self._slots: list = []
        self._static: dict = {}
        self._loss_sent = 0
        self._sent: dict[str, int] = {}
        self._last_frame = 0  # the number of the last frame with views this feed sent
        _FEEDS[self.token] = self

    def paints_pictures(self) -> bool:
        """Whether this feed's browser draws what changes from the frames' values (light
        frames follow: over a plane with a recipe, or images), rather than the server's
        figures every frame (a line, a lab that never paints)."""
        return self._light_key is not None

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

        If the session was not playing, the answer is only a header with the last frame's
        number, ``"playing": false`` and ``"paused": true`` (nothing changed to draw; the
        page paused it, and that page run's own message reaches the browser, so the
        browser asks for no rerun of its own). full=True rebuilds every view
        (a new connection's browser may show none of them yet). For a lab whose browser
        draws from the weights, frames after a whole one are light (see the module's doc).
        """
        session = self.session
        lab = session.lab
        with session.lock:
            number = next_frame_number()
            rebuilt = session.model_version != self._model_version
            self._model_version, settings = session.model_version, view_settings(session)
            playing = session.playing
            if not was_playing:  # paused by the page, whose own message says so: this
                # answer must not outrank that message (it may arrive first and the browser
                # drops older frames), so it repeats the last frame's number
                # (a click, an edit: their rerun redraws the page; a second one, asked
                # for by the browser on this answer, cost every Pause ~50 ms of CPU more)
                return json.dumps({"frame": self._last_frame or number, "playing": False,
                                   "paused": True})  # fmt: skip
            self.frames += 1
            whole = full or rebuilt or not playing
            key = lab.paint_key(session, settings)
            light = not whole and key is not None and self._light_key == key
            snap = lab.light_snapshot(session) if light else session.snapshot()
            static = None if light else lab.paint_static(session, snap, settings)
            if not light:
                self._light_key = key if static is not None else None
        # The snapshot holds copies, so the figures are built without the lock: a click on
        # the page need not wait for them.
        if light:
            return self._light_frame(lab, snap, settings, number, playing)
        if static is not None:  # whole figures, for the light frames that follow
            return self._whole_frame(lab, snap, settings, number, playing, static)
        slow = whole or self.frames % SLOW_VIEW_EVERY == 0
        if slow or self._slow_snap is None:  # an older model's would not fit this one
            self._slow_snap = snap
        slots = lab.chart_slots(
            snap, settings, kept=None if slow else self._kept, slow_snap=self._slow_snap
        )
        if slow:
            self._kept = slow_heights(lab, slots)
        text = message(lab, slots, snap, settings, frame=number, playing=playing)
        return self._checked(text, number)

    def _whole_frame(self, lab, snap, settings, number, playing, static: dict) -> str:
        """Every figure, laid out for the light frames that follow: while playing, what the
        browser draws from their values is left out (view_settings.LIVE_FRAMES)."""
        self._slow_snap = snap
        drawn = {**settings, LIVE_FRAMES: playing}
        slots = lab.chart_slots(snap, drawn, slow_snap=snap)
        self._kept = slow_heights(lab, slots)
        self._static, self._slots = static, slots
        self._loss_sent = len(snap.history["epoch"])
        self._sent = {slot.key: hash(slot.figure_json) for slot in slots}
        text = message(lab, slots, snap, settings, frame=number, playing=playing,
                       **lab.paint_header(snap, static))  # fmt: skip
        return self._checked(text, number)

    def _light_frame(self, lab, snap, settings: dict, number: int, playing: bool) -> str:
        """A frame whose browser draws from the values: the charts as the last whole frame
        laid them out, kept, but for the slow views on their cadence (when changed); the
        weights and the new loss points."""
        slow = self.frames % LIGHT_SLOW_EVERY == 0
        slots = [
            self._unless_sent(slot) for slot in lab.light_slots(snap, settings, self._slots, slow)
        ]
        loss = loss_points(snap.history, self._loss_sent)
        self._loss_sent = len(snap.history["epoch"])
        text = message(lab, slots, snap, settings, frame=number, playing=playing, loss=loss,
                       **lab.paint_header(snap, self._static))  # fmt: skip
        return self._checked(text, number)

    def _unless_sent(self, slot):
        """`slot`, or without its figure if the browser shows that very figure already."""
        if not slot.figure_json:
            return slot
        seen = hash(slot.figure_json)
        if self._sent.get(slot.key) == seen:
            return replace(slot, figure_json="")
        self._sent[slot.key] = seen
        return slot

    def _checked(self, text: str, number: int) -> str:
        """`text`, or, over the frame cap, a header that pauses (the page says why)."""
        if frame_refusal(text):  # not sent; the page's rerun (playing: false) says why
            self.session.set_playing(False)
            return json.dumps({"frame": number, "playing": False})
        self._last_frame = number
        return text


def find_feed(token: str) -> LiveFeed | None:
    """The live feed with this token, or None (unknown, or its session has ended)."""
    feed = _FEEDS.get(token)
    return feed if feed is not None and feed.alive() else None
