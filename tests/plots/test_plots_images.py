"""Digit gallery, first-layer weight images and the data-set thumbnail PNG."""

import numpy as np

from playground.plots import dataset_thumbnail_png, digit_grid_figure, first_layer_images_figure
from playground.plots.colors import BLUE, MISTAKE_RED, ORANGE, hex_to_rgb
from tests.plots.png_reader import decode_png


def test_digit_grid_is_one_mosaic_with_mistakes_in_red():
    rng = np.random.default_rng(0)
    images = rng.random((23, 8, 8))
    true = np.arange(23) % 10
    predicted = true.copy()
    predicted[[4, 17]] = [1, 3]
    fig = digit_grid_figure(images, true, predicted)
    heatmaps = [t for t in fig.data if t.type == "heatmap"]
    assert len(heatmaps) == 1 and heatmaps[0].z.dtype == np.uint8
    rows, cols = heatmaps[0].z.shape
    assert cols == 10 * 9 and rows == 3 * (8 + 1 + 4)  # 10 per row, gaps and caption room
    red = [t for t in fig.data if t.type == "scatter" and t.mode == "text"][1]
    assert red.textfont.color == MISTAKE_RED and list(red.text) == ["4→1", "7→3"]
    frames = fig.data[-1]
    assert frames.line.color == MISTAKE_RED and list(frames.x).count(None) == 2


def test_first_layer_images_are_a_diverging_mosaic_of_each_neurons_weights():
    W0 = np.zeros((64, 5))
    W0[0, 2] = -1.0  # neuron 3's top-left pixel strongly negative
    W0[63, 2] = 0.5
    fig = first_layer_images_figure(W0)
    z = fig.data[0].z
    assert fig.data[0].type == "heatmap" and z.dtype == np.uint8
    left = 2 * 9  # third tile in the row of 8
    assert z[0, left] == 1  # the lowest tile value: most negative
    assert z[7, left + 7] > z[0, left + 1] > z[0, left]  # positive > zero > negative
    assert z[0, 8] == 0  # the gap column stays free
    colors = [c for _, c in fig.data[0].colorscale]
    assert ORANGE in colors and BLUE in colors and fig.data[0].showscale


def test_thumbnail_is_a_png_of_the_right_size_with_class_colours():
    xy = np.array([[-1.0, -1.0], [1.0, 1.0]])
    data = dataset_thumbnail_png(xy, np.array([-1, 1]), size=40)
    image = decode_png(data)
    assert image.shape == (40, 40, 3)
    pixels = {tuple(p) for p in image.reshape(-1, 3)}
    assert hex_to_rgb(ORANGE) in pixels and hex_to_rgb(BLUE) in pixels
    # y up: the +1 point (top right) is blue, drawn in the top rows
    top_half = {tuple(p) for p in image[:20].reshape(-1, 3)}
    assert hex_to_rgb(BLUE) in top_half and hex_to_rgb(ORANGE) not in top_half


def test_thumbnail_colours_regression_targets_and_many_classes():
    rng = np.random.default_rng(0)
    xy = rng.uniform(-6, 6, (300, 2))
    regression = decode_png(dataset_thumbnail_png(xy, xy[:, 0] / 7.3))
    digits = decode_png(dataset_thumbnail_png(xy, rng.integers(0, 5, 300)))
    assert regression.shape == digits.shape == (56, 56, 3)
    assert len({tuple(p) for p in regression.reshape(-1, 3)}) > 20  # a continuous scale
    assert 5 <= len({tuple(p) for p in digits.reshape(-1, 3)}) <= 6  # 5 classes + background
