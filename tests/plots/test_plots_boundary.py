"""Decision boundary: one server-drawn PNG surface, colours per task, points on top."""

import numpy as np
import pytest

from playground.plots import boundary_figure
from playground.plots.boundary_surface import class_levels
from playground.plots.colors import BLUE, CLASS_PALETTE, ORANGE, WHITE, hex_to_rgb, light_tint
from tests.plots.png_reader import decode_data_uri

G = 30
GRID = np.linspace(-6, 6, G)
GX, GY = np.meshgrid(GRID, GRID)  # GX[j, i] = GRID[i]: row-major like the builders expect


def _surface(fig) -> np.ndarray:
    """The boundary image as (rows, cols, 3) RGB, row 0 at the TOP (as drawn)."""
    (image,) = fig.layout.images
    return decode_data_uri(image.source).astype(int)


def _near(pixel, color: str, tolerance: int = 6) -> bool:
    return bool(np.all(np.abs(np.asarray(pixel) - hex_to_rgb(color)) <= tolerance))


def _points(n=40, k=2, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-5, 5, (n, 2)), rng.integers(0, k, n)


def _binary(**kwargs):
    xy, labels = _points()
    probability = 1 / (1 + np.exp(-GX))  # class 1 on the right
    return boundary_figure(GRID, GRID, probability, "binary", xy, labels, **kwargs)


def test_binary_surface_is_one_png_orange_grey_blue_stretched_over_the_grid():
    fig = _binary()
    (image,) = fig.layout.images
    rgb = _surface(fig)
    assert rgb.shape == (G, G, 3)
    assert (image.xref, image.yref, image.layer, image.sizing) == ("x", "y", "below", "stretch")
    half = 12 / (G - 1) / 2  # cells are centred on the grid points
    assert image.x == pytest.approx(-6 - half) and image.sizex == pytest.approx(12 + 2 * half)
    assert image.y == pytest.approx(6 + half)  # the image's top edge
    # class 1 on the right: the right column is blue, the left orange, the middle grey-ish
    assert _near(rgb[G // 2, -1], BLUE, 40) and _near(rgb[G // 2, 0], ORANGE, 40)
    assert [t.type for t in fig.data].count("heatmap") == 0


def test_surface_rows_go_up_the_y_axis():
    xy, labels = _points()
    probability = 1 / (1 + np.exp(-GY))  # class 1 at the top
    rgb = _surface(boundary_figure(GRID, GRID, probability, "binary", xy, labels))
    assert _near(rgb[0, G // 2], BLUE, 40) and _near(rgb[-1, G // 2], ORANGE, 40)


def test_discretize_gives_two_flat_colours():
    smooth, flat = _surface(_binary()), _surface(_binary(discretize=True))
    assert len({tuple(p) for p in smooth.reshape(-1, 3)}) > 2
    colors = {tuple(p) for p in flat.reshape(-1, 3)}
    assert colors == {hex_to_rgb(ORANGE), hex_to_rgb(BLUE)}


def test_points_one_trace_per_class_and_split_with_outlines():
    xy, labels = _points(n=60)
    test_xy, test_labels = _points(n=20, seed=1)
    probability = np.full((G, G), 0.5)
    fig = boundary_figure(GRID, GRID, probability, "binary", xy, labels, test_xy, test_labels)
    train = [t for t in fig.data if t.legendgroup == "train"]
    test = [t for t in fig.data if t.legendgroup == "test"]
    assert len(fig.data) == 4 and len(train) == 2 and len(test) == 2
    assert [t.marker.color for t in train] == [ORANGE, BLUE]
    assert all(t.marker.line.color == WHITE for t in train)
    assert all(t.marker.line.color != WHITE for t in test)
    assert sum(len(t.x) for t in train) == 60 and train[0].x.dtype == np.float32
    assert len(train[1].x) == int((labels == 1).sum())


def test_plus_minus_one_labels_map_to_orange_and_blue():
    xy, labels = _points()
    signed = np.where(labels == 1, 1, -1)
    fig = boundary_figure(GRID, GRID, np.full((G, G), 0.5), "binary", xy, signed)
    assert len(fig.data[1].x) == int((labels == 1).sum())
    assert fig.data[1].marker.color == BLUE


def test_multiclass_surface_colours_the_predicted_class_by_confidence():
    k = 3
    logits = np.stack([-GX * 3, GX * 3, GY * 9], -1)
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    xy, labels = _points(k=k)
    fig = boundary_figure(GRID, GRID, probs, "multiclass", xy, labels, class_names=["a", "b", "c"])
    rgb = _surface(fig)[::-1]  # row 0 at the bottom, like probs
    assert class_levels(k) * k <= 251
    confident = probs.max(-1) > 0.999
    for cls in range(k):
        where = confident & (probs.argmax(-1) == cls)
        assert where.any() and all(_near(p, CLASS_PALETTE[cls], 8) for p in rgb[where])
    flat = _surface(boundary_figure(GRID, GRID, probs, "multiclass", xy, labels, discretize=True))
    assert len({tuple(p) for p in flat.reshape(-1, 3)}) == k  # full strength only
    pale = probs.max(-1) < 0.45  # near-even evidence: nearer the class's light tint
    for pixel, cls in zip(rgb[pale], probs.argmax(-1)[pale], strict=True):
        tint, full = (np.array(hex_to_rgb(c)) for c in (light_tint(CLASS_PALETTE[cls]),
                                                         CLASS_PALETTE[cls]))  # fmt: skip
        assert np.abs(pixel - tint).sum() < np.abs(pixel - full).sum()
    assert len(fig.data) == k and fig.data[0].name == "a (train)"


def test_regression_surface_has_colorbar_in_units_and_points_coloured_by_value():
    xy, _ = _points()
    targets = xy[:, 0] / 3
    values = GX / 3
    fig = boundary_figure(GRID, GRID, values, "regression", xy, targets, value_range=(-2, 2))
    legend = fig.data[0]
    assert legend.marker.showscale and (legend.marker.cmin, legend.marker.cmax) == (-2, 2)
    rgb = _surface(fig)
    assert _near(rgb[0, -1], BLUE, 60) and _near(rgb[0, 0], ORANGE, 60)
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
