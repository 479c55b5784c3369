"""Penguins and digits: shapes, classes, missing rows, scaling on training rows only."""

import numpy as np
import pytest

from playground.data import DATASETS, DataError, list_datasets, load_dataset
from playground.data.assets import digit_arrays, penguin_columns


def test_penguins_species_from_the_four_measurements():
    ds = load_dataset("penguins", seed=0, train_fraction=0.5)
    assert ds.kind == "tabular" and ds.task == "multiclass"
    assert ds.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert len(ds.feature_names) == 4 and len(ds.X_train) + len(ds.X_test) == 342
    counts = np.bincount(np.concatenate([ds.y_train, ds.y_test]))
    assert counts.tolist() == [151, 68, 123]
    assert any("Dropped 2 of 344 rows" in note for note in ds.notes)


def test_penguins_scaling_uses_training_rows_only():
    ds = load_dataset("penguins", seed=3, train_fraction=0.3)
    assert np.allclose(ds.encoder.mean, ds.raw_train.mean(axis=0))
    assert np.allclose(ds.X_train.mean(axis=0), 0) and np.allclose(ds.X_train.std(axis=0), 1)
    everything = np.concatenate([ds.raw_train, ds.raw_test])
    assert not np.allclose(ds.encoder.mean, everything.mean(axis=0))
    assert np.allclose(ds.X_test * ds.encoder.scale + ds.encoder.mean, ds.raw_test)


def test_penguins_island_and_sex_are_one_hot_and_missing_sex_rows_dropped():
    ds = load_dataset("penguins", features=("bill_depth_mm", "island", "sex"))
    assert ds.feature_names == (
        "bill_depth_mm",
        "island=Biscoe",
        "island=Dream",
        "island=Torgersen",
        "sex=female",
        "sex=male",
    )
    assert len(ds.X_train) + len(ds.X_test) == 333
    assert np.array_equal(np.unique(ds.X_train[:, 1:]), [0.0, 1.0])
    assert np.all(ds.X_train[:, 1:4].sum(axis=1) == 1)
    assert any("sex: 11" in note for note in ds.notes)


def test_penguins_body_mass_regression_in_grams():
    ds = load_dataset("penguins", target="body_mass_g", seed=1)
    assert ds.task == "regression" and ds.class_names is None
    assert "body_mass_g" not in ds.feature_names
    grams = ds.y_train * ds.target_scale + ds.target_mean
    assert grams.min() >= 2700 and grams.max() <= 6300
    assert abs(ds.y_train.mean()) < 1e-9


@pytest.mark.parametrize(
    "options",
    [{"target": "island"}, {"features": ("beak",)}, {"colour": "red"}, {"features": ()}],
)
def test_penguin_bad_options_are_data_errors(options):
    with pytest.raises(DataError):
        load_dataset("penguins", **options)


def test_digits_images_and_classes():
    ds = load_dataset("digits", train_fraction=0.5, seed=0)
    assert ds.kind == "images" and ds.image_shape == (8, 8)
    assert ds.X_train.shape == (898, 64) and len(ds.X_test) == 899
    assert ds.X_train.min() == 0.0 and ds.X_train.max() == 1.0
    assert ds.class_names == tuple("0123456789")
    counts = np.bincount(np.concatenate([ds.y_train, ds.y_test]))
    assert counts.min() >= 170 and counts.max() <= 190


def test_files_are_read_once_and_shared_read_only():
    assert penguin_columns()["species"] is penguin_columns()["species"]
    pixels, labels = digit_arrays()
    assert pixels is digit_arrays()[0]
    with pytest.raises(ValueError):
        pixels[0, 0] = 99
    with pytest.raises(ValueError):
        penguin_columns()["bill_length_mm"][0] = 0.0
    penguin_columns()["species"] = None  # replacing a key touches only a copy
    assert penguin_columns()["species"] is not None


def test_dataset_arrays_are_read_only():
    ds = load_dataset("circle")
    for array in (ds.X_train, ds.y_train, ds.X_test, ds.y_test, ds.raw_train):
        with pytest.raises(ValueError):
            array[0] = 0


def test_registry_describes_every_set():
    assert list_datasets() == list(DATASETS)
    for name, info in DATASETS.items():
        ds = load_dataset(name)
        assert ds.kind == info.kind and ds.task in info.tasks
        assert info.label and info.description
    with pytest.raises(DataError, match="Unknown data set"):
        load_dataset("iris")
