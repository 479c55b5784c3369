"""A playground on a table with one input column: snapshots, every view, every action.

Such a table used to crash every snapshot (plane_axes looked for a second column)."""

import json

import numpy as np
import pytest

from playground import config
from playground.labs.classify.session import CsvChoice, Playground
from playground.labs.classify.views import chart_slots
from playground.live.feed import LiveFeed
from playground.snapshot import NEURON_GRID_SIZE, plane_axes
from tests.one_input_tables import one_input_csv


def make(task: str, **changes) -> Playground:
    settings = {**config.defaults(), "dataset": "csv", **changes}
    return Playground(settings, csv=CsvChoice(one_input_csv(task)))


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_the_snapshot_has_a_line_view_and_no_plane(task):
    pg = make(task)
    pg.step()
    snap = pg.snapshot()
    assert plane_axes(pg) == (0,) and snap.plane is None
    line = snap.line
    assert line.x_name == "hours_studied" and len(line.xs) == len(line.values)
    assert np.array_equal(line.train_x, pg.dataset.raw_train[:, 0])
    if task == "multiclass":
        assert line.values.shape == (len(line.xs), 4)
        assert np.allclose(line.values.sum(axis=1), 1)
    if task == "regression":  # real units: the scores run from about 5 to 95
        assert line.train_labels.max() > 50 and line.target_name == "score"


def test_the_regression_curve_is_the_network_output_in_real_units():
    pg = make("regression")
    snap, ds = pg.snapshot(), pg.dataset
    expected = pg.network.predict(ds.encoder.encode(snap.line.xs[:, None]))[:, 0]
    assert np.allclose(snap.line.values, expected * ds.target_scale + ds.target_mean)


def test_each_neuron_image_is_a_strip_along_the_input():
    snap = make("binary", hidden=(3,)).snapshot()
    shapes = [grid.shape for grid in snap.network.neuron_grids]
    assert shapes == [(1, NEURON_GRID_SIZE, n) for n in (1, 3, 1)]


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_every_view_builds_with_test_points_and_discretized(task):
    pg = make(task)
    settings = {**pg.settings, "show_test": True, "discretize": True}
    slots = {slot.key: slot for slot in chart_slots(pg.snapshot(), settings)}
    assert {"network", "boundary", "loss", "weights"} <= set(slots)
    names = [trace.get("name", "") for trace in json.loads(slots["boundary"].figure_json)["data"]]
    assert any(name.endswith("test") or name.endswith("(test)") for name in names)
    assert "along the input" in slots["boundary"].note


def test_step_reset_regenerate_and_play_work():
    pg = make("binary")
    assert pg.step() == 1
    pg.reset()
    assert pg.epoch == 0
    pg.regenerate()
    # 10 ms updates until one ends an epoch (on a busy machine the first may not)
    assert pg.set_playing(True) and any(pg.advance(0.01) for _ in range(100))
    assert pg.snapshot().line is not None


def test_live_frames_carry_the_curve_while_playing():
    pg = make("multiclass")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    for _ in range(3):
        head, *figures = feed.next_frame().split("\n")
    keys = [slot["key"] for slot in json.loads(head)["slots"]]
    boundary = json.loads(figures[keys.index("boundary")])
    assert [t["mode"] for t in boundary["data"]][:4] == ["lines"] * 4  # one curve per grade
    assert json.loads(head)["epoch"] > 0
