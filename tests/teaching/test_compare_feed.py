"""The live comparison (teaching/compare_feed.py): while the current run plays, its curve in
the comparison grows frame by frame; the route serves the feed without ever training it
or counting it among the feeds that share the training thread; pinned pictures are sent
once per connection, the current run's every PICTURE_EVERY-th frame."""

import json

import numpy as np
import pytest

from playground import config
from playground.labs.registry import LABS
from playground.live.feed import find_feed
from playground.live.scheduler import Scheduler
from playground.teaching import compare_feed
from playground.teaching.compare import Pins
from playground.teaching.compare_feed import COMPARE_FRAME_SECONDS, PICTURE_EVERY, CompareFeed
from tests.live.test_routes import app, talk

pytestmark = pytest.mark.usefixtures("still_clock")  # fixed speeds train whole epochs


def pinned_and_playing(pinned: int = 2):
    session = LABS["classify"].open({**config.defaults(), "dataset": "xor", "speed": "1"})
    pins = Pins("classify")
    for _ in range(pinned):
        session.step()
        pins.pin(session)
    session.set_playing(True)
    return session, pins, CompareFeed(session, pins)


def parts(text: str) -> tuple[dict, dict[str, str]]:
    header, *figures = text.split("\n")
    head = json.loads(header)
    return head, {slot["key"]: figure for slot, figure in zip(head["slots"], figures, strict=True)}


def current_curve(text: str) -> list[float]:
    _, figures = parts(text)
    traces = json.loads(figures["compare_loss"])["data"]
    test = next(t for t in traces if t["name"] == "Current · test")
    return test["x"]


def epochs_of(x) -> list[int]:
    """Plotly's x values: a list, or NumPy's base64 typed array ({"dtype", "bdata"})."""
    if isinstance(x, list):
        return x
    import base64

    return np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist()


def test_the_current_runs_curve_grows_while_it_plays():
    session, pins, feed = pinned_and_playing()
    first = epochs_of(current_curve(feed.render(False, full=True)))
    session.advance(0.05)  # what the views' own feed trains meanwhile
    session.advance(0.05)
    later = epochs_of(current_curve(feed.render(False)))
    assert later[-1] == session.epoch > first[-1] == 2
    assert len(later) > len(first)


def test_the_route_serves_it_and_never_trains_it():
    session, _, feed = pinned_and_playing()
    assert find_feed(feed.token) is feed and not feed.session.playing  # the route's view
    feed.last_start = -COMPARE_FRAME_SECONDS  # no wait for the route's spacing
    before = session.epoch
    sent = [m["text"] for m in talk(app(), feed.token, 1) if m.get("text")]
    head, figures = parts(sent[0])
    assert head["playing"] and set(figures) == {"compare_loss", "run1", "run2", "current"}
    assert session.epoch == before and feed.train(1.0) is False  # trains nothing
    scheduler = Scheduler()
    assert scheduler.turn(feed) is False and scheduler.active == 0  # takes no one's share
    assert feed.min_frame_seconds() == COMPARE_FRAME_SECONDS


def test_pictures_are_sent_once_and_the_current_one_every_few_frames(monkeypatch):
    monkeypatch.setattr(compare_feed, "PICTURE_SHARE", 1e9)  # however long a picture took
    session, pins, feed = pinned_and_playing()
    _, full = parts(feed.render(False, full=True))
    assert all(full.values())  # a new connection gets every picture
    shown = []
    for _ in range(PICTURE_EVERY):
        session.advance(0.05)
        head, figures = parts(feed.render(False))
        assert figures["compare_loss"] and not figures["run1"] and not figures["run2"]
        assert [s["key"] for s in head["slots"]][-1] == "current"  # kept in its place
        shown.append(bool(figures["current"]))
    assert shown == [False] * (PICTURE_EVERY - 1) + [True]
    session.step()
    pins.pin(session)  # pinned while playing: its picture comes with the next frame
    _, figures = parts(feed.render(False))
    assert figures["run3"] and not figures["run1"]


def test_a_paused_session_or_no_pins_stop_the_element():
    session, pins, feed = pinned_and_playing()
    session.set_playing(False)
    assert json.loads(feed.render(False)) == {"frame": json.loads(feed.render(False))["frame"] - 1,
                                              "playing": False}  # fmt: skip
    session.set_playing(True)
    pins.clear()
    assert json.loads(feed.render(False))["playing"] is False


def test_a_frame_is_cheap(monkeypatch):
    """No timing assert: the work per frame is bounded by what it builds. A curves-only
    frame builds no lab view at all (the lab's chart slots are the costly part)."""
    monkeypatch.setattr(compare_feed, "PICTURE_SHARE", 1e9)  # however long a picture took
    session, _, feed = pinned_and_playing(pinned=3)
    feed.render(False, full=True)
    built = []
    original = session.lab.chart_slots  # the lab instance's (another test may have set it)
    monkeypatch.setattr(session.lab, "chart_slots", lambda *a, **k: built.append(1) or
                        original(*a, **k))  # fmt: skip
    for _ in range(PICTURE_EVERY * 2):
        feed.render(False)
    assert len(built) == 2  # once per PICTURE_EVERY frames
    assert compare_feed.PICTURE_EVERY >= 2


@pytest.mark.parametrize("name", list(LABS))
def test_the_history_a_curves_frame_reads_is_the_snapshots(name):
    from playground.teaching.compare import history_now

    lab = LABS[name]
    session = lab.open(lab.defaults())
    session.step()
    session.step()
    with session.lock:
        quick, snap = history_now(session), session.snapshot().history
    for column in ("epoch", "train_loss", "test_loss"):
        if column in snap:
            np.testing.assert_array_equal(quick[column], snap[column], err_msg=column)


def test_a_costly_picture_is_drawn_less_often(monkeypatch):
    monkeypatch.setattr(compare_feed, "PICTURE_SHARE", 1e-9)  # any picture is costly
    session, _, feed = pinned_and_playing()
    feed.render(False, full=True)
    drawn = [bool(parts(feed.render(False))[1]["current"]) for _ in range(4 * PICTURE_EVERY)]
    assert not any(drawn)  # the curves go on, the picture waits


def marks_of(figure: dict) -> list[tuple[float, str]]:
    """(epoch, colour) of each restored-epoch line on a comparison loss chart."""
    return [(shape["x0"], shape["line"]["color"]) for shape in figure["layout"].get("shapes", [])]


def test_live_frames_mark_a_pinned_runs_restored_epoch():
    from playground.plots.compare import RUN_COLORS
    from tests.labs.test_restored_stats import restored_session

    _, session = restored_session("autoencoder")
    best = session.restored().epoch
    pins = Pins("autoencoder")
    pins.pin(session)
    session.step()  # trains on from the restored weights: the current run has none restored
    assert session.restored() is None and session.set_playing(True)
    feed = CompareFeed(session, pins)
    for full in (True, False):  # a new connection's frame and the next
        _, figures = parts(feed.render(False, full=full))
        figure = json.loads(figures["compare_loss"])
        assert marks_of(figure) == [(best, RUN_COLORS[0])]  # Run 1's, in its colour
        rings = [t for t in figure["data"] if t.get("mode") == "markers"]
        assert len(rings) == 1 and rings[0]["legendgroup"] == "Run 1"
        assert rings[0]["x"] == [best, best]  # on its test and its training curve
