"""The vision lab on the lab protocol: registered, its session trains, every view builds
from a snapshot, choosing an image changes only the view, its query round-trips.
(Its network, data, snapshot and claims: test_convnet_model.py.)"""

import json

import numpy as np
import pytest

from playground.labs.convnet.lab import CONVNET
from playground.labs.registry import LABS, lab_for_query


def settings(**changes):
    return {**CONVNET.defaults(), **changes}


def test_the_lab_is_registered_by_its_name():
    assert LABS["convnet"] is CONVNET
    assert lab_for_query({"lab": "convnet"}) is CONVNET


def test_a_session_trains_and_every_view_builds():
    session = CONVNET.open(settings(image=5))
    session.step()
    record = session.record()
    assert record["epoch"] == 1 and record["status"] == "ok" and record["test_accuracy"] > 0.5
    json.dumps(record)
    session.set_drawing(np.eye(8))  # a drawn digit: its views build too
    snap = session.snapshot()
    assert snap.image_index == 5 and [name for name, _ in snap.maps] == [
        "Conv2D 8 filters 3×3, relu", "MaxPool2D 2×2",
    ]  # fmt: skip
    assert snap.maps[0][1].shape == (8, 8, 8) and snap.filters[0][1].shape == (8, 1, 3, 3)
    assert snap.confusion.sum() == len(session.images.y_test)
    for view in CONVNET.views:
        spec = view.build(snap, session.settings)
        assert spec["data"], view.key
    assert ("Parameters", "1,370") in CONVNET.stats(snap)
    keys = [slot.key for slot in CONVNET.chart_slots(snap, session.settings)]
    assert keys == [view.key for view in CONVNET.views]


def test_choosing_another_image_changes_only_the_feature_maps():
    session = CONVNET.open(settings())
    first = session.snapshot()
    assert session.update({**session.settings, "image": 7}) == "view"
    second = session.snapshot()
    assert second.image_index == 7 and not np.array_equal(first.image, second.image)
    assert session.epoch == 0 and np.array_equal(first.filters[0][1], second.filters[0][1])


def test_the_query_round_trips_and_bad_values_get_notes():
    query = CONVNET.to_query(settings(dataset="shapes", conv_filters=(4, 8), pooling=False))
    assert CONVNET.settings_from_query(query)[0] == settings(
        dataset="shapes", conv_filters=(4, 8), pooling=False
    )
    chosen, notes = CONVNET.settings_from_query({"conv_filters": "8,8,8,8,8", "kernel_size": "7"})
    assert chosen["kernel_size"] == "3" and len(chosen["conv_filters"]) <= 3 and notes


def test_the_issues_command_line_reaches_97_percent_with_at_most_2000_parameters(capsys):
    from playground.__main__ import main

    assert main(["train", "lab=cnn&dataset=digits", "--epochs", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    final = json.loads(lines[-1])["final"]
    assert len(lines) == 31 and final["epoch"] == 30 and final["status"] == "ok"
    assert final["params"] <= 2000 and final["test_accuracy"] >= 0.97, final


def test_a_drawn_digit_gets_its_views_first_and_follows_the_training():
    from playground.data.drawn_digit import drawn_digit

    session = CONVNET.open(settings())
    assert session.snapshot().drawn is None
    assert "drawn" not in [s.key for s in CONVNET.chart_slots(session.snapshot(), session.settings)]
    session.set_drawing(drawn_digit([np.linspace([0.5, 0.1], [0.5, 0.9], 10)]))
    before = session.snapshot()
    assert before.drawn.shape == (8, 8) and before.drawn_probs.sum() == pytest.approx(1)
    assert [name for name, _ in before.drawn_maps] == [name for name, _ in before.maps]
    keys = [s.key for s in CONVNET.chart_slots(before, session.settings)]
    assert keys[:2] == ["drawn", "drawn_maps"]
    for _ in range(3):
        session.step()
    after = session.snapshot()
    assert not np.array_equal(before.drawn_probs, after.drawn_probs)  # read by the newer net
    assert after.drawn_probs.argmax() == 1
    session.update({**session.settings, "dataset": "shapes"})
    assert session.snapshot().drawn is None  # 12×12 images: an 8×8 drawing is not theirs
    session.set_drawing(None)
    session.update({**session.settings, "dataset": "digits"})
    assert session.snapshot().drawn is None
