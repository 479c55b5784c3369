"""The autoencoder's data sets: inputs only train, labels are kept for colour."""

import numpy as np
import pytest

from playground.data import DataError
from playground.data.unsupervised import UNSUPERVISED_DATASETS, load_unsupervised


def test_every_set_loads_with_its_inputs_and_colour_labels():
    shapes = {"digits": 64, "penguins": 4, "s_curve": 3}
    assert tuple(UNSUPERVISED_DATASETS) == tuple(shapes)
    for name, width in shapes.items():
        data = load_unsupervised(name, 0.5, seed=0)
        assert data.X_train.shape[1] == data.X_test.shape[1] == width
        assert len(data.y_train) == len(data.X_train) and len(data.y_test) == len(data.X_test)
        assert np.isfinite(data.X_train).all()


def test_digits_are_pixels_and_measurements_are_standardized():
    digits = load_unsupervised("digits")
    assert digits.X_train.min() == 0.0 and digits.X_train.max() == 1.0
    assert digits.image_shape == (8, 8)
    for name in ("penguins", "s_curve"):
        X = load_unsupervised(name).X_train
        assert np.allclose(X.mean(axis=0), 0.0) and np.allclose(X.std(axis=0), 1.0)
    assert load_unsupervised("penguins").class_names == ("Adelie", "Chinstrap", "Gentoo")


def test_the_s_curve_is_a_sheet_coloured_by_its_position():
    curve = load_unsupervised("s_curve", 0.5, seed=3)
    x, _, z = curve.raw_train.T
    t = curve.y_train
    # On the sheet (up to the noise): x = sin t, z = sign(t) (cos t - 1).
    assert np.abs(x - np.sin(t)).max() < 0.3
    assert np.abs(z - np.sign(t) * (np.cos(t) - 1)).max() < 0.3
    assert curve.task == "regression" and curve.class_names is None


def test_a_seed_repeats_the_data_and_another_changes_it():
    a, b = load_unsupervised("s_curve", seed=1), load_unsupervised("s_curve", seed=1)
    assert np.array_equal(a.X_train, b.X_train)
    assert not np.array_equal(a.X_train, load_unsupervised("s_curve", seed=2).X_train)


def test_unknown_set_and_bad_share_are_clear_errors():
    with pytest.raises(DataError, match="choose from digits, penguins, s_curve"):
        load_unsupervised("spiral")
    with pytest.raises(DataError, match="training share"):
        load_unsupervised("s_curve", train_fraction=2.0)
