"""Decision boundary: one uint8 heatmap, colours per task, points on top."""

import json

import numpy as np
import pytest

from playground.plots import boundary_figure
from playground.plots.arrays import U8_TOP
from playground.plots.boundary_surface import class_levels
from playground.plots.colors import BLUE, CLASS_PALETTE, GREY, ORANGE, WHITE

G = 30
GRID = np.linspace(-6, 6, G)
GX, GY = np.meshgrid(GRID, GRID)  # GX[j, i] = GRID[i]: row-major like the builders expect


def _points(n=40, k=2, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-5, 5, (n, 2)), rng.integers(0, k, n)


def _binary(**kwargs):
    xy, labels = _points()
    probability = 1 / (1 + np.exp(-GX))  # class 1 on the right
    return boundary_figure(GRID, GRID, probability, "binary", xy, labels, **kwargs)


def test_binary_heatmap_is_uint8_orange_grey_blue_and_placed_by_x0_dx():
    fig = _binary()
    heatmap = fig.data[0]
    assert heatmap.type == "heatmap" and heatmap.z.dtype == np.uint8 and heatmap.z.shape == (G, G)
    assert (heatmap.zmin, heatmap.zmax) == (0, U8_TOP)
    colors = [c for _, c in heatmap.colorscale]
    assert colors[0] == ORANGE and colors[-1] == BLUE and GREY in colors
    assert heatmap.x0 == -6 and heatmap.dx == pytest.approx(12 / (G - 1)) and heatmap.x is None
    # row-major: the right edge (i = G-1) is class 1 (blue end), the left edge orange
    assert heatmap.z[:, -1].min() > 0.9 * U8_TOP and heatmap.z[:, 0].max() < 0.1 * U8_TOP
    assert json.loads(fig.to_json())["data"][0]["z"]["dtype"] == "u1"


def test_discretize_gives_two_flat_colours():
    smooth, flat = _binary(), _binary(discretize=True)
    assert len(np.unique(smooth.data[0].z)) > 2
    assert set(np.unique(flat.data[0].z)) == {0, U8_TOP}
    assert [c for _, c in flat.data[0].colorscale] == [ORANGE, BLUE]


def test_points_one_trace_per_class_and_split_with_outlines():
    xy, labels = _points(n=60)
    test_xy, test_labels = _points(n=20, seed=1)
    probability = np.full((G, G), 0.5)
    fig = boundary_figure(GRID, GRID, probability, "binary", xy, labels, test_xy, test_labels)
    train = [t for t in fig.data[1:] if t.legendgroup == "train"]
    test = [t for t in fig.data[1:] if t.legendgroup == "test"]
    assert len(fig.data) == 5 and len(train) == 2 and len(test) == 2
    assert [t.marker.color for t in train] == [ORANGE, BLUE]
    assert all(t.marker.line.color == WHITE for t in train)
    assert all(t.marker.line.color != WHITE for t in test)
    assert sum(len(t.x) for t in train) == 60 and train[0].x.dtype == np.float32
    assert len(train[1].x) == int((labels == 1).sum())


def test_plus_minus_one_labels_map_to_orange_and_blue():
    xy, labels = _points()
    signed = np.where(labels == 1, 1, -1)
    fig = boundary_figure(GRID, GRID, np.full((G, G), 0.5), "binary", xy, signed)
    assert len(fig.data[2].x) == int((labels == 1).sum())
    assert fig.data[2].marker.color == BLUE


def test_multiclass_is_one_heatmap_encoding_class_and_confidence():
    k = 3
    logits = np.stack([-GX, GX, GY * 3], -1)
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    xy, labels = _points(k=k)
    fig = boundary_figure(GRID, GRID, probs, "multiclass", xy, labels, class_names=["a", "b", "c"])
    heatmap = fig.data[0]
    levels = class_levels(k)
    assert [t.type for t in fig.data].count("heatmap") == 1
    assert heatmap.z.dtype == np.uint8 and heatmap.zmax == k * levels - 1
    np.testing.assert_array_equal(heatmap.z // levels, probs.argmax(-1))
    # the segment of each class ends on that class's palette colour
    ends = [c for _, c in heatmap.colorscale][1::2]
    assert ends == list(CLASS_PALETTE[:k])
    flat = boundary_figure(GRID, GRID, probs, "multiclass", xy, labels, discretize=True)
    assert set(np.unique(flat.data[0].z % levels)) == {levels - 1}
    assert len(np.unique(heatmap.z % levels)) > 5  # smooth: confidence varies
    assert len(fig.data) == 1 + k and fig.data[1].name == "a (train)"


def test_regression_surface_has_colorbar_in_units_and_points_coloured_by_value():
    xy, _ = _points()
    targets = xy[:, 0] / 3
    values = GX / 3
    fig = boundary_figure(GRID, GRID, values, "regression", xy, targets, value_range=(-2, 2))
    heatmap = fig.data[0]
    assert heatmap.showscale and list(heatmap.colorbar.ticktext) == ["-2", "-1", "0", "1", "2"]
    assert heatmap.colorbar.tickvals[2] == pytest.approx(U8_TOP / 2, abs=1)
    points = fig.data[1]
    assert (points.marker.cmin, points.marker.cmax) == (-2, 2)
    np.testing.assert_allclose(points.marker.color, targets.astype(np.float32))


def test_axes_titles_and_range_cover_the_grid():
    fig = _binary(x_name="bill (mm)", y_name="flipper (mm)")
    assert fig.layout.xaxis.title.text == "bill (mm)"
    assert fig.layout.yaxis.title.text == "flipper (mm)"
    low, high = fig.layout.xaxis.range
    assert low < -6 < 6 < high


def test_unknown_task_is_refused():
    xy, labels = _points()
    with pytest.raises(ValueError, match="task"):
        boundary_figure(GRID, GRID, np.zeros((G, G)), "ranking", xy, labels)
