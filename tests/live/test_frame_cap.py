"""A live frame's size is capped on the server: with names cut, a file of huge names makes
small frames; a frame over the cap is not sent, training pauses and the page says why."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from playground import config
from playground.labs.classify.lab import CLASSIFY
from playground.labs.classify.session import CsvChoice, Playground
from playground.labs.classify.views import chart_slots
from playground.live import panel
from playground.live.feed import LiveFeed
from tests.data.test_data_names import _long_header_csv
from tests.ui.page_app import APP


def test_huge_names_make_a_frame_of_normal_size():
    pg = Playground({**config.defaults(), "dataset": "csv"}, csv=CsvChoice(_long_header_csv()))
    snap = pg.snapshot()
    text = panel.message(CLASSIFY, chart_slots(snap, pg.settings), snap, pg.settings, frame=1)
    assert len(text.encode()) < 60_000  # the 120 KB of names do not repeat in every chart


def test_a_message_over_the_cap_keeps_its_header_and_drops_the_charts(monkeypatch):
    pg = Playground(config.defaults())
    snap = pg.snapshot()
    slots = chart_slots(snap, pg.settings)
    text, refusal = panel.capped_message(CLASSIFY, slots, snap, pg.settings, frame=3, playing=True)
    assert refusal is None and len(text.split("\n")) == len(slots) + 1
    monkeypatch.setattr(panel, "MAX_FRAME_BYTES", 1000)
    text, refusal = panel.capped_message(CLASSIFY, slots, snap, pg.settings, frame=3, playing=True)
    head = json.loads(text)
    assert head["slots"] == [] and head["playing"] is False and head["epoch"] == 0
    assert "over the limit of 0.001 MB" in refusal and len(text) < 1000


def test_the_feed_refuses_a_frame_over_the_cap_and_pauses(monkeypatch):
    pg = Playground(config.defaults())
    feed = LiveFeed(pg)
    pg.set_playing(True)
    monkeypatch.setattr(panel, "MAX_FRAME_BYTES", 1000)
    answer = json.loads(feed.next_frame())
    # Not "paused" (by the page): the browser reruns the page, which says why (feed.js).
    assert answer == {"frame": answer["frame"], "playing": False} and not pg.playing


@pytest.mark.parametrize("playing", [False, True])
def test_the_page_says_why_the_views_are_missing(monkeypatch, playing):
    at = AppTest.from_file(APP, default_timeout=60).run()
    if playing:
        at.button(key="play").click()
    monkeypatch.setattr(panel, "MAX_FRAME_BYTES", 1000)
    at.run()
    assert not at.exception
    assert any("over the limit" in e.value for e in at.error)
    assert not at.session_state["playground"].playing
