"""The generic training session (playground.labs.session) under a made-up lab: steps,
the stop epoch, Reset, what a change resets, playing, the speed's pace, the record."""

import json

import pytest

from playground import config
from playground.labs.session import SLOW_SPEED_FRAME_SECONDS
from tests.labs.tiny_lab import LINE


def make(**changes):
    return LINE.open({**config.defaults(LINE.table), **changes})


def test_step_trains_one_epoch_and_the_record_says_so():
    session = make()
    assert session.step() == 1 and session.epoch == 1
    record = session.record()
    assert record["epoch"] == 1 and record["status"] == "ok"
    assert set(record) >= {"train_loss", "test_loss", "train_r2", "test_r2"}
    assert json.loads(json.dumps(record)) == record  # plain JSON numbers
    first = record["train_loss"]
    for _ in range(20):
        session.step()
    assert session.record()["train_loss"] < first


def test_a_live_change_keeps_the_weights_a_network_change_rebuilds_a_data_change_reloads():
    session = make()
    session.step()
    version = session.model_version
    assert session.update({**session.settings, "learning_rate": 0.2}) == "live"
    assert session.trainer.learning_rate == 0.2 and session.epoch == 1
    assert session.model_version == version
    assert session.update({**session.settings, "init": "he"}) == "network"
    assert session.epoch == 0 and session.model_version == version + 1
    old_data = session.dataset
    assert session.update({**session.settings, "points": 50}) == "data"
    assert session.dataset is not old_data and len(session.dataset[0]) == 50
    assert session.update(dict(session.settings)) is None


def test_a_failed_change_keeps_the_old_settings():
    session = make()
    bad = {**session.settings, "points": None}  # _load_data raises on it
    with pytest.raises(TypeError):
        session.update(bad)
    assert session.settings["points"] == 20


def test_reset_draws_new_weights_stops_playing_and_starts_at_epoch_zero():
    session = make()
    before = session.network.weights[0].copy()
    session.set_playing(True)
    session.step()
    session.reset()
    assert session.epoch == 0 and not session.playing
    assert (session.network.weights[0] != before).any()  # the next weight round


def test_playing_stops_at_the_stop_epoch_and_does_not_start_there():
    session = make(max_epochs=3, speed="1")
    assert session.set_playing(True)
    for _ in range(5):
        session.advance(10.0)
    assert session.epoch == 3 and not session.playing
    assert session.set_playing(True) is False


def test_a_slow_speed_asks_for_slower_frames():
    assert make(speed="batch").min_frame_seconds() == SLOW_SPEED_FRAME_SECONDS
    assert make(speed="5").min_frame_seconds() == 0.0


def test_the_default_views_make_slots_and_keep_the_slow_one():
    session = make()
    snap = session.snapshot()
    slots = LINE.chart_slots(snap, session.settings)
    assert [s.key for s in slots] == ["loss", "weight"]
    assert slots[1].height == 120  # 0 in the table: the figure's own height
    kept = LINE.chart_slots(snap, session.settings, kept={"weight": 120})
    assert kept[1].figure_json == "" and kept[0].figure_json
    areas, columns = LINE.layout(["loss", "weight", "x"], session.settings)
    assert areas == ["loss weight", "x ."] and columns == "1fr 1fr"
    assert [label for label, _ in LINE.stats(snap)] == ["Training loss", "Test loss"]
