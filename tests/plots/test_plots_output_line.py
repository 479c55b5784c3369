"""The 1-D output view (a table with one input): a curve of the prediction, the points at
their targets, the predicted class as a strip behind them."""

import numpy as np
import pytest

from playground.plots import output_line_figure
from playground.plots.colors import BLUE, CLASS_PALETTE, ORANGE, hex_to_rgb
from tests.plots.png_reader import decode_data_uri

XS = np.linspace(-3, 3, 50)


def _labels(x):
    return (np.asarray(x) > 0).astype(int)


def _strip(fig) -> np.ndarray:
    (image,) = fig.layout.images
    return decode_data_uri(image.source).astype(int)


def _near(pixel, color: str, tolerance: int = 40) -> bool:
    return bool(np.all(np.abs(np.asarray(pixel) - hex_to_rgb(color)) <= tolerance))


def test_binary_draws_the_probability_curve_and_points_at_zero_and_one():
    train_x = np.array([-2.0, -1.0, 1.0, 2.5])
    probability = 1 / (1 + np.exp(-2 * XS))
    fig = output_line_figure(XS, probability, "binary", train_x, _labels(train_x),
                             x_name="hours", class_names=["fail", "pass"])  # fmt: skip
    curve, *points = fig.data
    assert curve.mode == "lines" and np.allclose(curve.y, probability, atol=1e-6)
    assert fig.layout.xaxis.title.text == "hours" and fig.layout.yaxis.title.text == "P(pass)"
    heights = {trace.name: sorted(set(np.asarray(trace.y).tolist())) for trace in points}
    assert heights == {"fail (train)": [0.0], "pass (train)": [1.0]}
    strip = _strip(fig)
    assert strip.shape[:2] == (1, len(XS))  # one row: the colour runs along x only
    assert _near(strip[0, 0], ORANGE) and _near(strip[0, -1], BLUE)
    (image,) = fig.layout.images
    assert (image.yref, image.y, image.sizey) == ("paper", 1.0, 1.0)  # the plot's full height


def test_test_points_are_drawn_only_when_given():
    x = np.array([-1.0, 1.0])
    without = output_line_figure(XS, 0 * XS + 0.5, "binary", x, _labels(x))
    with_test = output_line_figure(XS, 0 * XS + 0.5, "binary", x, _labels(x), x + 0.1, _labels(x))
    assert not any("(test)" in t.name for t in without.data)
    assert [t.name for t in with_test.data if "(test)" in t.name] == ["class 0 (test)",
                                                                      "class 1 (test)"]  # fmt: skip


def test_multiclass_draws_one_curve_per_class_in_its_colour():
    k = 4
    logits = -((XS[:, None] - np.linspace(-2, 2, k)[None, :]) ** 2)
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    x = np.linspace(-2, 2, 8)
    labels = np.arange(8) % k
    fig = output_line_figure(XS, probabilities, "multiclass", x, labels)
    curves = [t for t in fig.data if t.mode == "lines"]
    assert [c.line.color for c in curves] == list(CLASS_PALETTE[:k])
    assert np.allclose(curves[2].y, probabilities[:, 2], atol=1e-6)
    points = [t for t in fig.data if t.mode == "markers"]
    assert all(set(np.asarray(t.y).tolist()) <= {1.0} for t in points)
    assert sum(len(t.x) for t in points) == 8
    assert _near(_strip(fig)[0, 0], CLASS_PALETTE[0], 60)


def test_regression_draws_the_prediction_and_points_at_their_targets_in_real_units():
    x = np.array([0.0, 1.0, 2.0])
    targets = np.array([4000.0, 5000.0, 6000.0])
    fig = output_line_figure(XS, 1000 * XS + 5000, "regression", x, targets,
                             target_name="body_mass_g")  # fmt: skip
    curve, points = fig.data
    assert np.allclose(curve.y, 1000 * XS + 5000)
    assert np.allclose(points.y, targets) and np.allclose(points.x, x)
    assert fig.layout.yaxis.title.text == "body_mass_g" and not fig.layout.images


def test_discretize_gives_flat_class_colours_in_the_strip():
    probability = 1 / (1 + np.exp(-XS))
    flat = _strip(output_line_figure(XS, probability, "binary", XS[:2], [0, 1], discretize=True))
    assert len({tuple(p) for p in flat.reshape(-1, 3)}) == 2


def test_an_unknown_task_is_refused():
    with pytest.raises(ValueError, match="task"):
        output_line_figure(XS, XS, "ranking", XS, XS)
