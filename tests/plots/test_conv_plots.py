"""The vision lab's figure specs: filters and feature maps as one mosaic with a scale per
layer, test images with mistakes marked for any class names, the accuracy axis in %, and
the layer table's total."""

import numpy as np

from playground.plots.accuracy import accuracy_spec
from playground.plots.arrays import U8_TOP
from playground.plots.conv_maps import CAPTION_ROWS, feature_maps_spec, filters_spec
from playground.plots.image_predictions import predictions_spec
from playground.plots.layer_table import layer_table_spec


def test_filters_are_one_mosaic_with_each_layer_on_its_own_scale():
    small = np.full((2, 1, 3, 3), 0.1)
    small[0, 0, 0, 0] = -0.1
    large = np.full((3, 2, 3, 3), 5.0)
    spec = filters_spec([("Conv2D a", small), ("Conv2D b", large)])
    heatmap, text = spec["data"]
    z = heatmap["z"]
    assert text["text"] == ["1. Conv2D a: scale ±0.1", "2. Conv2D b: scale ±5"]
    # layer 1: 2 tiles side by side; layer 2: 3 filters as rows of 2 channel tiles
    assert z.shape == (CAPTION_ROWS + 4 + CAPTION_ROWS + 3 * 4, 8)
    first = z[CAPTION_ROWS : CAPTION_ROWS + 3, :3]
    assert first[0, 0] == 1 and first[0, 1] == U8_TOP  # -0.1 and +0.1: the ends of its scale
    second = z[2 * CAPTION_ROWS + 4 : 2 * CAPTION_ROWS + 7, :3]
    assert (second == U8_TOP).all()  # 5.0 is the top of the second layer's own scale


def test_a_network_without_convolutions_says_so():
    assert filters_spec([])["data"][1]["text"] == ["no convolution layers"]


def test_feature_maps_show_the_input_then_each_layer():
    image = np.eye(4)
    maps = np.stack([np.eye(4), -np.eye(4)])
    spec = feature_maps_spec(image, [("Conv2D c", maps), ("MaxPool2D 2×2", maps[:, :2, :2])])
    assert spec["data"][1]["text"] == ["input", "Conv2D c: scale ±1", "MaxPool2D 2×2: scale ±1"]
    assert spec["data"][0]["z"].shape[1] == 2 * 5  # two 4-pixel maps and their gaps


def test_predictions_caption_class_names_and_mark_mistakes_in_red():
    images = np.zeros((3, 12, 12))
    spec = predictions_spec(images, np.array([0, 1, 2]), np.array([0, 3, 2]),
                            ("line", "cross", "square", "circle"))  # fmt: skip
    _, right, wrong, frames = spec["data"]
    assert right["text"] == ["line", "square"] and wrong["text"] == ["cross→circle"]
    assert len(frames["x"]) == 6  # one closed frame


def test_accuracy_is_on_a_percent_axis():
    spec = accuracy_spec(np.arange(3), np.array([0.1, 0.5, 0.9]), np.array([0.1, 0.4, 0.8]))
    assert spec["layout"]["yaxis"]["tickformat"] == ".0%"
    assert [t["name"] for t in spec["data"]] == ["train", "test"]


def test_the_layer_table_ends_with_the_total():
    spec = layer_table_spec(["Input", "Conv2D", "Dense"], [(1, 8, 8), (8, 8, 8), (10,)],
                            [0, 80, 1290])  # fmt: skip
    names, shapes, params = spec["data"][0]["cells"]["values"]
    assert names[-1] == "Total" and params[-1] == "1,370" and shapes[1] == "8×8×8"
