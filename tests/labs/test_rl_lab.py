"""The reinforcement lab on the lab protocol: its views, stats, URL and command line."""

import json

from playground import config
from playground.labs.registry import LABS, lab_for_query
from playground.labs.rl.lab import RL
from playground.live.panel import message
from playground.plots.layout import as_figure


def test_the_lab_is_registered_under_its_name_and_path():
    assert LABS["rl"] is RL and lab_for_query({"lab": "rl"}) is RL
    assert RL.path == "rl" and RL.open(RL.defaults()).lab is RL


def test_every_view_draws_before_and_after_training():
    session = RL.open(RL.defaults())
    before = {slot.key for slot in RL.chart_slots(session.snapshot(), session.settings)}
    assert before == {"world", "policy", "cell"}  # the curves wait for a first episode
    for _ in range(3):
        session.step()
    session.step_batch()
    snap = session.snapshot()
    for view in RL.views:
        as_figure(view.build(snap, session.settings))  # valid Plotly figures
    labels = [label for label, _ in RL.stats(snap)]
    assert labels == ["Steps", "Mean return (last 20)", "ε", "Shortest paths"]


def test_the_counter_counts_episodes_and_the_toolbar_speaks_of_moves_and_episodes():
    session = RL.open(RL.defaults())
    session.step()
    snap = session.snapshot()
    header = json.loads(message(RL, [], snap, session.settings).split("\n")[0])
    assert header["counter"] == "Episode" and header["epoch"] == 1
    classify = LABS["classify"]
    assert classify.counter == "Epoch"
    assert [b.name for b in RL.buttons] == list(config.BUTTON_NAMES)  # `hide` still works
    labels = {b.name: b.label for b in RL.buttons}
    assert labels["step_batch"] == "Step move" and "episode" in RL.buttons[2].help
    assert RL.stop_setting in RL.table


def test_the_views_frame_the_picked_cell_and_name_its_greedy_action():
    session = RL.open({**RL.defaults(), "cell_row": 2, "cell_column": 3})
    snap = session.snapshot()
    world, policy, cell = (RL.view(key).build(snap, session.settings)
                           for key in ("world", "policy", "cell"))  # fmt: skip
    for spec in (world, policy):
        (frame,) = spec["layout"]["shapes"]
        assert (frame["x0"] + frame["x1"]) / 2 == 2 and (frame["y0"] + frame["y1"]) / 2 == 1
    best = ("up", "down", "left", "right")[int(snap.q[8].argmax())]
    assert cell["layout"]["annotations"][0]["text"] == f"row 2, column 3; greedy: {best}"


def test_a_custom_layout_round_trips_through_the_url():
    settings, notes = RL.settings_from_query({"layout": ["S..#/.X../...G"], "slip": ["0.2"]})
    assert notes == [] and settings["layout"] == "S..#/.X../...G" and settings["slip"] == 0.2
    query = RL.to_query(settings)
    assert query["layout"] == "S..#/.X../...G"
    assert RL.settings_from_query({k: [v] for k, v in query.items()})[0] == settings


def test_a_bad_layout_in_the_url_opens_the_default_world_with_the_reason():
    session, notes = RL.start({"layout": "S..#/XXXG"})
    assert session.env.layout == list(RL.open(RL.defaults()).env.layout)
    assert any("no goal G can be reached from the start S" in note for note in notes)


def test_headless_prints_episodes_and_a_final_policy(capsys):
    from playground.__main__ import main

    assert main(["train", "lab=rl&layout=S.%23/..G&start=fixed", "--episodes", "4"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["episode"] for line in lines[:-1]] == [1, 2, 3, 4]
    assert {"return", "length", "epsilon", "loss"} <= set(lines[0])
    final = lines[-1]["final"]
    assert final["layout"] == ["S.#", "..G"]
    assert final["policy"][0][2] == "#" and final["policy"][1][2] == "G"
    assert set(final["policy"][0][:2] + final["policy"][1][:2]) <= set("^v<>")
