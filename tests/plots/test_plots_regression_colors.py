"""Regression colours run over the targets' range in real units, not around 0."""

import numpy as np

from playground.plots import boundary_figure
from playground.plots.boundary_surface import target_range
from playground.plots.colors import BLUE, GREY, ORANGE, hex_to_rgb
from tests.plots.png_reader import decode_data_uri

G = 30
GRID = np.linspace(30, 60, G)  # bill length in mm
GX, _ = np.meshgrid(GRID, GRID)


def _near(pixel, color: str, tolerance: int) -> bool:
    return bool(np.all(np.abs(np.asarray(pixel, dtype=int) - hex_to_rgb(color)) <= tolerance))


def test_body_mass_in_grams_spans_the_whole_scale_with_a_colour_bar_in_grams():
    rng = np.random.default_rng(0)
    xy = rng.uniform(30, 60, (60, 2))
    grams = 2700 + (xy[:, 0] - 30) * 120  # 2,700 .. 6,300 g
    predicted = 2700 + (GX - 30) * 120
    fig = boundary_figure(GRID, GRID, predicted, "regression", xy, grams)
    bar = fig.data[0].marker
    assert bar.showscale and (bar.cmin, bar.cmax) == (grams.min(), grams.max())
    points = fig.data[1].marker
    assert (points.cmin, points.cmax) == (bar.cmin, bar.cmax)
    (image,) = fig.layout.images
    rgb = decode_data_uri(image.source)
    assert _near(rgb[0, 0], ORANGE, 40)  # the lightest penguins' side
    assert _near(rgb[0, G // 2], GREY, 40)  # the middle of the targets is grey
    assert _near(rgb[0, -1], BLUE, 40)  # the heaviest


def test_the_range_covers_train_and_test_targets_and_survives_odd_input():
    assert target_range(np.array([3.0, 5.0]), np.array([1.0, np.nan])) == (1.0, 5.0)
    assert target_range(np.array([4.0, 4.0]), None) == (3.5, 4.5)
    assert target_range(np.array([np.inf]), None) == (-1.0, 1.0)
