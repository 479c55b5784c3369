"""The live feed: trains one slice per frame while playing, numbers its frames, stops
itself, is found by its token only while its session lives, and shares its Playground
safely with the page's thread."""

import gc
import json
import sys
import threading

from playground import config
from playground.labs.classify.session import Playground
from playground.live import feed as feed_module
from playground.live.feed import LiveFeed, find_feed


def make(**changes) -> Playground:
    return Playground({**config.defaults(), **changes})


def header(text: str) -> dict:
    return json.loads(text.split("\n", 1)[0])


def test_frames_train_only_while_playing(still_clock):
    pg = make(speed="5")
    feed = LiveFeed(pg)
    assert header(feed.next_frame())["playing"] is False and pg.epoch == 0
    pg.set_playing(True)
    first = header(feed.next_frame())
    second = header(feed.next_frame())
    assert 0 < first["epoch"] < second["epoch"] and second["playing"] is True
    assert second["frame"] > first["frame"]
    pg.set_playing(False)
    paused = header(feed.next_frame())
    assert pg.epoch == second["epoch"]
    # Paused by the page, whose own run redraws it: the browser asks for no rerun (feed.js).
    assert paused == {"frame": paused["frame"], "playing": False, "paused": True}


def test_slow_views_are_rebuilt_every_few_frames_only(still_clock):
    # One input column: the output along a line, the server draws every view.
    pg = make(dataset="penguins", inputs=("bill_length_mm",), speed="1")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    rebuilt = []
    for _ in range(2 * feed_module.SLOW_VIEW_EVERY):
        text = feed.next_frame()
        keys = [slot["key"] for slot in header(text)["slots"]]
        figures = dict(zip(keys, text.split("\n")[1:], strict=True))
        assert figures["boundary"] and figures["loss"]  # drawn every frame
        rebuilt.append(bool(figures["weights"]))
    every = feed_module.SLOW_VIEW_EVERY
    assert [i for i, r in enumerate(rebuilt) if r] == [0, every - 1, 2 * every - 1]


def test_feed_stops_itself_at_the_stop_epoch(still_clock):
    pg = make(speed="5", max_epochs=12)
    feed = LiveFeed(pg)
    pg.set_playing(True)
    frames = [header(feed.next_frame()) for _ in range(4)]
    assert [f.get("epoch") for f in frames] == [5, 10, 12, None]  # then nothing to draw
    assert frames[2]["playing"] is False and not pg.playing and pg.epoch == 12


def test_a_diverging_network_stops_playing(still_clock):
    pg = make(dataset="plane", learning_rate=10.0, activation="relu", speed="50")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    for _ in range(20):
        if not header(feed.next_frame())["playing"]:
            break
    assert pg.trainer.status == "diverged" and not pg.playing
    assert not pg.set_playing(True)  # a diverged network does not start again


def test_feed_is_found_by_token_while_its_session_lives():
    session = {"alive": True}
    feed = LiveFeed(make(), alive=lambda: session["alive"])
    token = feed.token
    assert find_feed(token) is feed and len(token) >= 20
    assert find_feed("not-a-token") is None
    session["alive"] = False  # the browser session ended (Streamlit says so)
    assert find_feed(token) is None
    session["alive"] = True
    del feed
    gc.collect()
    assert find_feed(token) is None


def test_figures_are_built_and_sent_without_the_sessions_lock(monkeypatch):
    pg = make()
    feed = LiveFeed(pg)
    pg.set_playing(True)
    free_while_building = []
    build = pg.lab.chart_slots  # the lab makes the charts; the feed calls it

    def chart_slots(*args, **kwargs):
        def click():  # the page's thread must get the lock meanwhile
            got = pg.lock.acquire(timeout=5)
            free_while_building.append(got)
            if got:
                pg.lock.release()

        grab = threading.Thread(target=click)
        grab.start()
        grab.join()
        return build(*args, **kwargs)

    monkeypatch.setattr(pg.lab, "chart_slots", chart_slots)
    assert header(feed.next_frame())["playing"] is True
    assert free_while_building == [True]


def test_page_changes_while_the_feed_trains_stay_consistent():
    pg = make(speed="5")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    errors, done = [], threading.Event()

    def train():
        try:
            while not done.is_set():
                feed.next_frame()
                pg.set_playing(True)
        except Exception as err:  # pragma: no cover - the assertion below reports it
            errors.append(err)

    worker = threading.Thread(target=train)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so a missing lock shows
    worker.start()
    try:
        for i in range(60):
            pg.update({**pg.settings, "learning_rate": [0.03, 0.1][i % 2]})
            if i % 3 == 2:
                pg.update({**pg.settings, "hidden": [3, 2][: 1 + i % 2]})  # rebuilds
            pg.step()
    finally:
        done.set()
        worker.join()
        sys.setswitchinterval(switch)
    assert not errors
    snap = pg.snapshot()
    assert snap.epoch == pg.epoch and len(snap.network.weights) == len(pg.spec.sizes) - 1


def test_playground_changes_and_frames_wait_for_the_lock():
    pg = make(speed="5")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    calls = [pg.step, pg.reset, pg.snapshot, feed.next_frame, lambda: pg.set_playing(False),
             lambda: pg.update({**pg.settings, "learning_rate": 0.1})]  # fmt: skip
    for call in calls:
        finished = threading.Event()
        worker = threading.Thread(target=lambda c=call, f=finished: (c(), f.set()))
        with pg.lock:  # as the page or the feed would hold it
            worker.start()
            assert not finished.wait(0.05), f"{call} did not wait for the Playground's lock"
        worker.join()
        assert finished.is_set()


def test_a_paused_feeds_answer_never_outranks_the_pages_newer_message(still_clock):
    """The page's rerun after a click (an edit, Pause) numbers its message after the feed's
    last frame; the feed's "not playing" answer may reach the browser first, and must not
    make the browser drop the page's message as older (the network view stayed stale)."""
    pg = make(speed="1")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    last = header(feed.next_frame())["frame"]
    page_message = feed_module.next_frame_number()  # the rerun's, after the edit
    pg.set_playing(False)  # the edit rebuilt the network
    answer = header(feed.next_frame())
    assert answer == {"frame": last, "playing": False, "paused": True}
    assert answer["frame"] < page_message
