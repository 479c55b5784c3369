"""Weights (one shared diverging scale) and the confusion matrix."""

import numpy as np

from playground.plots import confusion_figure, weights_figure
from playground.plots.colors import BLUE, ORANGE


def test_weights_one_heatmap_per_layer_with_bias_row_on_one_symmetric_scale():
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(2, 4)), rng.normal(size=(4, 1)) * 5]
    biases = [np.zeros(4), np.array([0.3])]
    fig = weights_figure(weights, biases, ["hidden", "output"], ["x1", "x2"])
    assert [t.type for t in fig.data] == ["heatmap", "heatmap"]
    assert fig.data[0].z.shape == (3, 4) and fig.data[1].z.shape == (5, 1)
    assert list(fig.data[0].y) == ["x1", "x2", "bias"] and fig.data[0].z.dtype == np.float32
    assert {t.coloraxis for t in fig.data} == {"coloraxis"}  # one colorbar for all
    limit = np.abs(weights[1]).max()
    assert fig.layout.coloraxis.cmin == -limit and fig.layout.coloraxis.cmax == limit
    assert fig.layout.coloraxis.colorscale[0][1] == ORANGE
    assert fig.layout.coloraxis.colorscale[-1][1] == BLUE
    assert fig.data[1].xaxis == "x2"
    assert "%{y}" in fig.data[0].hovertemplate and "%{z" in fig.data[0].hovertemplate
    left, right = fig.layout.xaxis.domain, fig.layout.xaxis2.domain
    assert left[1] < right[0]


def test_confusion_matrix_true_on_y_predicted_on_x_annotated():
    matrix = np.array([[5, 1, 0], [0, 7, 2], [1, 0, 9]])
    fig = confusion_figure(matrix, ["Adelie", "Chinstrap", "Gentoo"])
    heatmap = fig.data[0]
    np.testing.assert_array_equal(heatmap.z, matrix)
    assert list(heatmap.x) == ["Adelie", "Chinstrap", "Gentoo"]
    assert heatmap.texttemplate == "%{z}"
    assert fig.layout.xaxis.title.text == "predicted" and fig.layout.yaxis.title.text == "true"
    assert fig.layout.yaxis.autorange == "reversed"
    np.testing.assert_allclose(heatmap.customdata[1], [0, 7 / 9, 2 / 9], rtol=1e-6)


def test_long_row_labels_get_a_wider_left_margin_up_to_a_cap():
    short = weights_figure([np.ones((2, 3))], [np.zeros(3)], input_names=["x1", "x2"])
    long = weights_figure([np.ones((2, 3))], [np.zeros(3)],
                          input_names=["flipper_length_mm", "x2"])  # fmt: skip
    assert long.layout.margin.l > short.layout.margin.l + 60
    huge = confusion_figure(np.eye(2, dtype=int), ["a" * 400, "b"])
    assert huge.layout.margin.l <= 170
