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


SHAPES = [(2, 4), (4, 2), (2, 1)]  # 2-4-2-1


def test_a_clicked_link_names_its_weight():
    from playground.ui.learn_pick import parse_link

    assert parse_link({"link": [1, 3, 0]}, SHAPES) == (1, 3, 0)
    assert parse_link('{"link": [2, 1.0, 0]}', SHAPES) == (2, 1, 0)
    for raw in ({"link": [3, 0, 0]}, {"link": [0, 2, 0]}, {"link": [0, 0, 4]},
                {"link": [0, -1, 0]}, {"link": [0, 0]}, {"link": [0, True, 0]},
                {"link": "0,0,0"}, {"link": [0, 0, 0], "row": 1}, "[" * 5000, None):  # fmt: skip
        assert parse_link(raw, SHAPES) is None, raw


def test_every_link_marker_carries_its_weight():
    from playground.plots.network import network_spec

    rng = np.random.default_rng(0)
    sizes = [2, 4, 2, 1]
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes, sizes[1:], strict=False)]
    biases = [np.zeros(b) for b in sizes[1:]]
    labels = [[f"n{i}" for i in range(n)] for n in sizes]
    spec = network_spec(sizes, labels, [None] * 4, weights, biases, ["tanh", "tanh", "sigmoid"])
    links = next(t for t in spec["data"] if t.get("legendgroup") == "link")
    cells = links["customdata"]
    assert len(cells) == 2 * 4 + 4 * 2 + 2 * 1
    for (layer, i, j), text in zip(cells, links["text"], strict=True):
        assert text.endswith(f"= {weights[layer][i, j]:.3f}")
