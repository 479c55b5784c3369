"""How a code of any size is drawn on a plane, and the grid the decoder's map decodes."""

import numpy as np

from playground.labs.autoencoder.code_view import code_view, grid_points

RNG = np.random.default_rng(0)


def test_a_2_unit_code_is_the_plane_itself():
    codes = RNG.normal(size=(50, 2))
    view = code_view(codes)
    assert np.array_equal(view.place(codes), codes)
    assert view.titles == ("code 1", "code 2")


def test_a_wider_code_is_drawn_on_its_principal_plane_and_back():
    codes = RNG.normal(size=(200, 5)) * [5, 3, 0.01, 0.01, 0.01]
    view = code_view(codes)
    points = view.place(codes)
    assert points.shape == (200, 2)
    # the plane holds nearly all of the spread, so a point decodes back to its code
    assert np.abs(view.codes_at(points) - codes).max() < 0.1
    assert "PCA of the 5 units" in view.titles[0]


def test_a_1_unit_code_runs_along_x_with_a_steady_spread():
    codes = RNG.normal(size=(30, 1))
    view = code_view(codes)
    first, again = view.place(codes), view.place(codes)
    assert np.array_equal(first[:, 0], codes[:, 0]) and np.array_equal(first, again)
    assert view.codes_at(first).shape == (30, 1)


def test_the_grid_spans_the_codes_not_their_far_outliers():
    points = np.vstack([RNG.uniform(-1, 1, size=(500, 2)), [[100.0, 100.0]]])
    xs, ys, grid = grid_points(points, 5)
    assert xs.max() < 2 and ys.max() < 2
    assert grid.shape == (25, 2) and tuple(grid[1]) == (xs[1], ys[0])  # row-major
    xs, ys, grid = grid_points(points, 5, rows=1)
    assert len(ys) == 1 and grid.shape == (5, 2)
