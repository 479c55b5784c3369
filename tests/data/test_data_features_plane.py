"""2-D input features, and the plane and points the page draws a boundary on."""

import numpy as np
import pytest

from playground.data import FEATURE_LABELS, FEATURES_2D, DataError, load_dataset


def test_feature_names_and_labels_are_one_table():
    assert FEATURES_2D == ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
    assert set(FEATURE_LABELS) == set(FEATURES_2D)
    assert FEATURE_LABELS["x1^2"] == "x₁²"


def test_default_features_are_the_raw_coordinates():
    ds = load_dataset("spiral", noise=0.1, seed=0)
    assert ds.feature_names == ("x1", "x2")
    assert np.array_equal(ds.X_train, ds.raw_train)


def test_every_feature_is_computed_from_x1_x2():
    ds = load_dataset("xor", features=FEATURES_2D[::-1], seed=1)
    x1, x2 = ds.raw_test.T
    expected = [x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)]
    assert ds.feature_names == FEATURES_2D  # canonical order whatever the request order
    assert np.allclose(ds.X_test, np.column_stack(expected))


@pytest.mark.parametrize("features", [("x3",), (), ("x1", "cos(x1)")])
def test_bad_feature_choices_are_data_errors(features):
    with pytest.raises(DataError):
        load_dataset("circle", features=features)


def test_2d_plane_spans_the_square_row_major_through_the_features():
    ds = load_dataset("circle", features=("x1^2", "x1*x2", "sin(x2)"))
    plane = ds.plane(resolution=7)
    assert plane.xs[0] == -6 and plane.xs[-1] == 6 and plane.ys.shape == (7,)
    assert plane.X.shape == (49, 3)
    j, i = 5, 2
    x, y = plane.xs[i], plane.ys[j]
    assert np.allclose(plane.X[j * 7 + i], [x * x, x * y, np.sin(y)])
    assert (plane.x_name, plane.y_name) == ("x1", "x2")


def test_2d_points_are_raw_even_with_derived_features():
    ds = load_dataset("gauss", features=("x1^2",), seed=2)
    train, test = ds.points(axes=(0, 0))  # axes are ignored for 2-D sets
    assert np.array_equal(train, ds.raw_train) and test.shape == (250, 2)
    assert np.allclose(ds.X_train[:, 0], train[:, 0] ** 2)


def test_tabular_plane_holds_other_features_at_the_training_mean():
    ds = load_dataset("penguins", seed=0)
    plane = ds.plane(axes=(0, 2), resolution=10)
    assert plane.x_name == "bill_length_mm" and plane.y_name == "flipper_length_mm"
    bills = np.concatenate([ds.raw_train[:, 0], ds.raw_test[:, 0]])
    assert plane.xs[0] < bills.min() and plane.xs[-1] > bills.max()
    held = plane.X[:, [1, 3]]  # standardized with the training mean -> exactly 0
    assert np.allclose(held, 0.0)
    expected = ds.encoder.encode(np.array([[plane.xs[4], 0, plane.ys[7], 0]]))[0, [0, 2]]
    assert np.allclose(plane.X[7 * 10 + 4, [0, 2]], expected)


def test_tabular_plane_can_hold_a_chosen_row():
    ds = load_dataset("penguins", seed=0)
    row = len(ds.X_train) + 3  # the fourth test row
    plane = ds.plane(axes=(1, 3), resolution=5, row=row)
    assert np.allclose(plane.X[:, [0, 2]], ds.X_test[3, [0, 2]])
    train, test = ds.points(axes=(1, 3))
    assert np.array_equal(test[3], ds.raw_test[3, [1, 3]])


@pytest.mark.parametrize(
    "kwargs", [{"axes": (0, 0)}, {"axes": (0, 9)}, {"resolution": 1}, {"row": 10_000}]
)
def test_bad_plane_requests_are_data_errors(kwargs):
    with pytest.raises(DataError):
        load_dataset("penguins").plane(**kwargs)
