"""The line a one-input table is drawn along: grid points, model inputs, the rows on it."""

import numpy as np
import pytest

from playground.data import DataError, load_csv
from tests.one_input_tables import one_input_csv


def test_a_line_spans_the_data_range_and_encodes_like_the_rows():
    ds = load_csv(one_input_csv(), train_fraction=0.5)
    line = ds.line(0, resolution=11)
    low, high = 0.5, 9.5
    margin = (high - low) * 0.05
    assert line.xs[0] == pytest.approx(low - margin) and line.xs[-1] == pytest.approx(high + margin)
    assert line.X.shape == (11, 1) and line.grid_shape == (1, 11)
    assert np.allclose(line.X, ds.encoder.encode(line.xs[:, None]))
    assert line.x_name == "hours_studied" and line.axis == 0


def test_line_points_are_the_raw_input_of_each_split():
    ds = load_csv(one_input_csv(), train_fraction=0.5)
    train, test = ds.line_points(0)
    assert np.array_equal(train, ds.raw_train[:, 0]) and np.array_equal(test, ds.raw_test[:, 0])


@pytest.mark.parametrize("axis", [1, -1])
def test_an_axis_the_data_do_not_have_is_a_data_error(axis):
    ds = load_csv(one_input_csv())
    with pytest.raises(DataError):
        ds.line(axis)
