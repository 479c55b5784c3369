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


def test_a_clicked_neuron_names_its_bias():
    from playground.ui.learn_pick import parse_bias

    assert parse_bias({"bias": [1, 1]}, SHAPES) == (1, 1)
    assert parse_bias('{"bias": [2, 0.0]}', SHAPES) == (2, 0)
    for raw in ({"bias": [3, 0]}, {"bias": [0, 4]}, {"bias": [2, 1]}, {"bias": [0, -1]},
                {"bias": [0]}, {"bias": [0, True]}, {"bias": "0,0"}, {"bias": [0, 0], "x": 1},
                {"link": [0, 0]}, "[" * 5000, None):  # fmt: skip
        assert parse_bias(raw, SHAPES) is None, raw


def test_every_neuron_marker_carries_its_bias():
    """Inputs have none; a hidden or output neuron's 4th customdata is [layer, neuron] of
    biases[layer][neuron], the cell its hover names."""
    from playground.plots.network import network_spec

    sizes = [2, 4, 2, 1]
    weights = [np.zeros((a, b)) for a, b in zip(sizes, sizes[1:], strict=False)]
    biases = [np.arange(b) / 10 + layer for layer, b in enumerate(sizes[1:])]
    labels = [[f"n{i}" for i in range(n)] for n in sizes]
    spec = network_spec(sizes, labels, [None] * 4, weights, biases, ["tanh", "tanh", "sigmoid"])
    neurons = next(t for t in spec["data"] if t.get("name") == "neurons")
    cells = [c[3] for c in neurons["customdata"]]
    assert cells[:2] == [None, None]
    assert cells[2:] == [[0, 0], [0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [2, 0]]
    for (layer, j), hover in zip(cells[2:], neurons["hovertext"][2:], strict=True):
        assert f"{biases[layer][j]:.3f}" in hover or f"{biases[layer][j]:.2f}" in hover


def _clicked_page():
    import streamlit as st

    from playground.labs.registry import LABS
    from playground.ui import state
    from playground.ui.lab_page import lab_page
    from playground.ui.learn_pick import apply_pick

    click = st.session_state.pop("test_click", None)
    if click is not None:  # as the live element's "pick" trigger delivers it
        state.set_lab(LABS["classify"])
        st.session_state["test_live"] = {"pick": click}
        apply_pick("test_live")
    lab_page(LABS["classify"])


def test_a_click_on_a_neuron_picks_its_bias_for_the_editor():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_clicked_page, default_timeout=60).run()
    at.toggle(key="learn_open").set_value(True).run()
    at.session_state["test_click"] = {"bias": [1, 1]}  # layer 2's second neuron
    at.run()
    assert not at.exception
    picked = [at.number_input(key=k).value for k in ("learn_layer", "learn_from", "learn_to")]
    assert picked == [2, 0, 2]  # "from neuron 0" is the bias
    at.session_state["test_click"] = {"bias": [9, 9]}  # no such neuron: nothing changes
    at.run()
    assert [
        at.number_input(key=k).value for k in ("learn_layer", "learn_from", "learn_to")
    ] == picked
