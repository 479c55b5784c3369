"""Weights (one diverging scale per layer) and the confusion matrix."""

import numpy as np
import pytest

from playground.plots import confusion_figure, weights_figure
from playground.plots.colors import BLUE, ORANGE


def test_weights_one_heatmap_per_layer_with_bias_row_each_on_its_own_symmetric_scale():
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(2, 4)) * 0.1, rng.normal(size=(4, 1)) * 5]
    biases = [np.zeros(4), np.array([0.3])]
    fig = weights_figure(weights, biases, ["hidden", "output"], ["x1", "x2"])
    assert [t.type for t in fig.data] == ["heatmap", "heatmap"]
    assert fig.data[0].z.shape == (3, 4) and fig.data[1].z.shape == (5, 1)
    assert list(fig.data[0].y) == ["x1", "x2", "bias"] and fig.data[0].z.dtype == np.float32
    assert [t.coloraxis for t in fig.data] == ["coloraxis", "coloraxis2"]
    titles = [note.text for note in fig.layout.annotations]
    for k, (axis, matrix) in enumerate([(fig.layout.coloraxis, weights[0]),
                                        (fig.layout.coloraxis2, weights[1])]):  # fmt: skip
        limit = np.abs(matrix).max()  # the biases are smaller here
        assert axis.cmin == -limit and axis.cmax == limit  # the small first layer is not washed out
        assert axis.colorscale[0][1] == ORANGE and axis.colorscale[-1][1] == BLUE
        assert titles[k].endswith(f"±{limit:.2g}")  # its range, said
    assert fig.data[1].xaxis == "x2"
    assert "%{y}" in fig.data[0].hovertemplate and "%{z" in fig.data[0].hovertemplate
    left, right = fig.layout.xaxis.domain, fig.layout.xaxis2.domain
    assert left[1] < right[0]


def test_weights_columns_and_next_rows_carry_the_neuron_names():
    weights = [np.ones((2, 3)), np.ones((3, 10))]
    digits = [str(d) for d in range(10)]
    fig = weights_figure(weights, [np.zeros(3), np.zeros(10)],
                         neuron_names=[["a", "b", "c"], digits])  # fmt: skip
    assert list(fig.data[1].x) == digits and list(fig.data[1].y) == ["a", "b", "c", "bias"]
    # class names such as 0..9 stay names: not a numeric axis from 0 to 9
    assert fig.layout.xaxis2.type == "category"


def test_many_layers_wrap_onto_rows_whose_titles_do_not_overlap():
    sizes = [2, *[64] * 8, 1]
    weights = [np.ones((a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    fig = weights_figure(weights, [np.zeros(b) for b in sizes[1:]]).to_plotly_json()
    layout = fig["layout"]
    plot_width = 520 - layout["margin"]["l"] - layout["margin"]["r"]  # the slot at 1500 px
    rows: dict[float, list[tuple[float, float]]] = {}
    for note in layout["annotations"]:
        half = 0.6 * note["font"]["size"] * len(note["text"]) / 2 / plot_width
        rows.setdefault(note["y"], []).append((note["x"] - half, note["x"] + half))
    assert len(rows) == 3 and layout["height"] > 260  # 9 panels: rows of 4, a taller figure
    for spans in rows.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), spans


def _title_spans(layout: dict, plot_width: float) -> dict[float, list[tuple[float, float]]]:
    """Each row's title spans in paper units, a title as wide as its longest line
    (about 0.6 em a character)."""
    rows: dict[float, list[tuple[float, float]]] = {}
    for note in layout["annotations"]:
        longest = max(len(line) for line in note["text"].split("<br>"))
        half = 0.6 * note["font"]["size"] * longest / 2 / plot_width
        rows.setdefault(note["y"], []).append((note["x"] - half, note["x"] + half))
    return rows


@pytest.mark.parametrize(
    ("sizes", "names"),
    [
        ([64, 32, 2, 32, 64], ["encoder 1", "code", "decoder 1", "output"]),  # the autoencoder
        ([2, 8, 8, 8, 8, 8, 6, 1], None),
    ],  # fmt: skip
)
def test_titles_do_not_overlap_and_column_labels_get_room_on_a_phone(sizes, names):
    weights = [np.ones((a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    fig = weights_figure(weights, [np.zeros(b) for b in sizes[1:]], names).to_plotly_json()
    layout = fig["layout"]
    plot_width = 358 - layout["margin"]["l"] - layout["margin"]["r"]  # the slot at 390 px
    for spans in _title_spans(layout, plot_width).values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
    # upright column labels (n17, Chinstrap) push the bottom margin instead of being cut
    axes = [key for key in layout if key.startswith("xaxis")]
    assert len(axes) == len(weights) and all(layout[key]["automargin"] for key in axes)
    assert f"({sizes[0]}→{sizes[1]})" in fig["data"][0]["hovertemplate"]  # the shape, hovered


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
