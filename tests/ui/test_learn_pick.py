"""A sample picked on the boundary chart: every point names its own row, and only a
{"split", "row"} message naming a row that exists gets through to the panel's picker."""

import numpy as np
import pytest

from playground.plots.boundary_points import point_traces
from playground.ui.learn_pick import MAX_PAYLOAD_CHARS, parse_pick

SIZES = {"train": 10, "test": 4}


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_every_point_carries_its_row_in_its_split(task):
    rng = np.random.default_rng(0)
    xy = rng.normal(size=(9, 2))
    labels = np.array([1, -1, 1, 1, -1, 1, -1, -1, 1.0])
    traces = point_traces(task, xy, labels, ["a", "b"], (-1, 1), "#fff", "train")
    seen = []
    for trace in traces:
        assert trace["legendgroup"] == "train"
        rows = np.asarray(trace["customdata"])
        np.testing.assert_allclose(np.c_[trace["x"], trace["y"]], xy[rows], rtol=1e-6)
        seen += rows.tolist()
    assert sorted(seen) == list(range(9))


def test_a_clicked_point_is_parsed():
    assert parse_pick({"split": "train", "row": 3}, SIZES) == ("train", 3)
    assert parse_pick({"split": "test", "row": 3.0}, SIZES) == ("test", 3)
    assert parse_pick('{"split": "test", "row": 0}', SIZES) == ("test", 0)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        5,
        "not json",
        ["train", 3],
        {"split": "train"},
        {"split": "train", "row": 3, "extra": 1},
        {"split": "validation", "row": 3},
        {"split": ["train"], "row": 3},
        {"split": "train", "row": "3"},
        {"split": "train", "row": True},
        {"split": "train", "row": 2.5},
        {"split": "train", "row": float("nan")},
        {"split": "train", "row": -1},
        {"split": "train", "row": 10},  # one past the end
        {"split": "test", "row": 4},
        {"split": "train", "row": 10**40},
        '{"split": "train", "row": ' + "1" * MAX_PAYLOAD_CHARS + "}",
        "[" * 900 + "]" * 900,
    ],
)
def test_anything_else_is_ignored(raw):
    assert parse_pick(raw, SIZES) is None


def test_a_split_without_rows_is_ignored():
    assert parse_pick({"split": "test", "row": 0}, {"train": 5, "test": 0}) is None
