"""The reinforcement lab's session: settings, steps, frames, watching, records."""

import json

import numpy as np
import pytest

from playground.data import DataError
from playground.labs.rl import session as rl_session
from playground.labs.rl.session import RLSession
from playground.labs.rl.table import TABLE

DEFAULTS = {name: setting.default for name, setting in TABLE.items()}


def make(**changes):
    return RLSession({**DEFAULTS, **changes})


@pytest.fixture
def still_clock(monkeypatch):
    """A clock that stands still: a frame's deadline never comes (fixed-speed frames)."""
    monkeypatch.setattr(rl_session, "TRAINING_CLOCK", lambda: 0.0)


def test_step_is_one_episode_and_step_batch_one_move():
    session = make(start="fixed")
    assert session.step_batch() == 0
    snap = session.snapshot()
    assert (snap.epoch, snap.in_episode, len(snap.trail)) == (0, True, 2)
    assert snap.trail[0] == 0  # the S cell
    assert session.step() == 1
    assert session.epoch == 1 and not session.snapshot().in_episode
    assert len(session.history["return"]) == 1


def test_regenerate_draws_a_new_seed_and_starts_again():
    session = make()
    session.step()
    seed = session.regenerate()
    assert session.settings["seed"] == seed and session.epoch == 0


def test_the_same_seed_trains_the_same_and_reset_draws_new_weights():
    a, b = make(seed=3), make(seed=3)
    for _ in range(5):
        a.step(), b.step()
    assert a.history == b.history
    assert np.array_equal(a.q_table(), b.q_table())
    before = a.q_table()
    a.reset()
    assert a.epoch == 0 and a.history["episode"] == []
    assert not np.array_equal(a.q_table(), before)


def test_frames_split_episodes_bitwise_as_if_uninterrupted(still_clock):
    stepped, framed = make(speed="step"), make(speed="step")
    for _ in range(3):
        stepped.step()
    while framed.epoch < 3:
        framed.advance(1.0)  # one move per frame
    assert framed.history == stepped.history
    assert np.array_equal(framed.q_table(), stepped.q_table())
    assert framed.min_frame_seconds() > 0


def test_an_episode_per_frame_and_the_stop_episode(still_clock):
    session = make(speed="episode", max_episodes=2)
    assert session.set_playing(True)
    assert session.advance(1.0) == 1 and session.playing
    assert session.advance(1.0) == 1 and not session.playing  # the stop episode
    assert not session.set_playing(True)


def test_auto_speed_trains_within_a_frames_time():
    session = make()
    session.advance(0.05)
    assert session.agent.steps > 1


def test_watching_the_greedy_agent_plays_one_move_a_frame_without_learning():
    session = make(start="fixed")
    for _ in range(3):
        session.step()
    params, steps = session.agent.q_net.params.copy(), session.agent.steps
    session.watch_greedy()
    assert session.playing and session.snapshot().watching
    shown = [len(session.snapshot().trail)]
    while session.watching is not None:
        session.advance(1.0)
        shown.append(len(session.snapshot().trail))
    assert shown == list(range(1, len(shown) + 1))  # one more cell each frame
    assert not session.playing
    assert np.array_equal(session.agent.q_net.params, params) and session.agent.steps == steps


def test_a_changed_setting_resets_what_its_table_says():
    session = make()
    session.step()
    assert session.update({**session.settings, "learning_rate": 0.01}) == "live"
    assert session.agent.learning_rate == 0.01 and session.epoch == 1
    assert session.update({**session.settings, "cell_row": 3}) == "view"
    assert session.snapshot().picked == 12
    version = session.model_version
    assert session.update({**session.settings, "encoding": "coords"}) == "network"
    assert session.env.state_size == 2 and session.epoch == 0
    assert session.model_version == version + 1
    assert session.update({**session.settings, "layout": "cliff"}) == "data"
    assert session.env.layout[-1] == "SXXXXG"


def test_a_bad_layout_gets_a_message_and_keeps_the_world():
    session = make()
    with pytest.raises(DataError, match="Layout: a layout needs at least one goal G"):
        session.update({**session.settings, "layout": "S../..."})
    assert session.settings["layout"] == "room" and session.env.layout[0] == "S....."
    session.step()
    with pytest.raises(DataError, match="unknown layout"):
        make(layout="mountains")


def test_tabular_agent_on_the_same_world():
    session = make(agent="tabular", learning_rate=0.5, encoding="coords")
    for _ in range(5):
        session.step()
    assert session.q_table().shape == (36, 4) and np.any(session.q_table() != 0)


def test_records_are_json_and_the_final_one_has_layout_and_policy():
    session = make(layout="S.#/..G")
    assert session.record()["episode"] is None
    session.step()
    record = session.record()
    assert set(record) >= {"episode", "return", "length", "epsilon", "loss", "epoch"}
    json.dumps(record, allow_nan=False)
    final = session.final_record()
    assert final["layout"] == ["S.#", "..G"]
    assert [len(row) for row in final["policy"]] == [3, 3]
    assert final["policy"][0][2] == "#" and final["policy"][1][2] == "G"
    assert set(final["policy"][0][:2] + final["policy"][1][:2]) <= set("^v<>")


def test_dqn_session_learns_the_default_world_headless():
    session = make()
    for _ in range(300):
        session.step()
    assert session.record()["shortest_paths"] >= 0.9
