"""The 2-D sets follow the TF Playground recipes: sizes, geometry, noise, seeds."""

import numpy as np
import pytest

from playground.data import DataError, list_datasets, load_dataset
from playground.data.tf_recipes import multigauss_value

SIZES = {
    "circle": 500,
    "xor": 500,
    "gauss": 500,
    "spiral": 500,
    "moons": 500,
    "spiral3": 600,
    "blobs3": 600,
    "plane": 1200,
    "multigauss": 1200,
}


def all_points(ds):
    """Raw points (n, 2) and targets (n,) of train and test together."""
    return np.concatenate([ds.raw_train, ds.raw_test]), np.concatenate([ds.y_train, ds.y_test])


def test_every_2d_set_is_listed():
    assert set(list_datasets("2d")) == set(SIZES)


@pytest.mark.parametrize("name", SIZES)
def test_sizes_and_split(name):
    ds = load_dataset(name, train_fraction=0.3, seed=4)
    assert len(ds.X_train) == int(SIZES[name] * 0.3)
    assert len(ds.X_train) + len(ds.X_test) == SIZES[name]
    assert ds.X_train.shape[1] == 2 and ds.X_train.dtype == np.float64


@pytest.mark.parametrize("name", SIZES)
def test_same_seed_repeats_other_seed_differs(name):
    first = load_dataset(name, noise=0.2, seed=7)
    again = load_dataset(name, noise=0.2, seed=7)
    other = load_dataset(name, noise=0.2, seed=8)
    assert np.array_equal(first.X_train, again.X_train)
    assert np.array_equal(first.y_test, again.y_test)
    assert not np.array_equal(first.X_train, other.X_train)


@pytest.mark.parametrize("name", SIZES)
def test_points_stay_in_the_square_and_targets_have_the_right_type(name):
    # Gaussian clouds may stray past the square at high noise, as in TF Playground.
    noise = 0.0 if name in ("gauss", "blobs3") else 0.5
    points, targets = all_points(load_dataset(name, noise=noise))
    assert np.abs(points).max() <= 6.0
    if load_dataset(name).task == "regression":
        assert targets.dtype == np.float64
    else:
        assert targets.dtype == np.int64 and targets.min() == 0


@pytest.mark.parametrize(("name", "counts"), [("circle", [250, 250]), ("spiral3", [200] * 3)])
def test_class_balance_at_noise_zero(name, counts):
    _, labels = all_points(load_dataset(name, seed=3))
    assert np.bincount(labels).tolist() == counts


def test_circle_geometry_at_noise_zero():
    points, labels = all_points(load_dataset("circle", seed=1))
    radius = np.hypot(points[:, 0], points[:, 1])
    assert radius[labels == 1].max() < 2.5
    assert radius[labels == 0].min() >= 3.5 and radius[labels == 0].max() <= 5.0


def test_circle_noise_flips_labels_but_never_moves_points():
    clean = load_dataset("circle", noise=0.0, seed=2)
    noisy = load_dataset("circle", noise=0.5, seed=2)
    assert np.array_equal(clean.raw_train, noisy.raw_train)
    flipped = (clean.y_train != noisy.y_train).mean()
    assert 0.02 < flipped < 0.5


def test_xor_geometry_and_noise():
    points, labels = all_points(load_dataset("xor", seed=5))
    assert np.abs(points).min() >= 0.3 and np.abs(points).max() <= 5.3
    assert np.array_equal(labels, (points[:, 0] * points[:, 1] >= 0).astype(int))
    noisy_points, noisy_labels = all_points(load_dataset("xor", noise=0.5, seed=5))
    assert np.array_equal(points, noisy_points)
    assert (noisy_labels != labels).any()


@pytest.mark.parametrize(("noise", "variance"), [(0.0, 0.5), (0.25, 2.25), (0.5, 4.0)])
def test_gauss_centres_and_variance_grow_with_noise(noise, variance):
    points, labels = all_points(load_dataset("gauss", noise=noise, seed=6))
    for label, centre in ((1, 2.0), (0, -2.0)):
        cloud = points[labels == label]
        assert len(cloud) == 250
        assert np.allclose(cloud.mean(axis=0), centre, atol=0.35)
        assert np.allclose(cloud.var(axis=0), variance, rtol=0.25)


def test_spiral_points_lie_on_the_arms_at_noise_zero():
    points, labels = all_points(load_dataset("spiral", seed=0))
    step = np.arange(250) / 250
    for label, delta in ((1, 0.0), (0, np.pi)):
        arm = points[labels == label]
        order = np.argsort(np.hypot(arm[:, 0], arm[:, 1]))
        t = 1.75 * 2 * np.pi * step + delta
        expected = np.column_stack([5 * step * np.sin(t), 5 * step * np.cos(t)])
        assert np.allclose(arm[order], expected)


def test_spiral_noise_moves_points_by_at_most_noise():
    clean = load_dataset("spiral", noise=0.0, seed=9)
    noisy = load_dataset("spiral", noise=0.3, seed=9)
    shift = np.abs(noisy.raw_train - clean.raw_train)
    assert shift.max() <= 0.3 and shift.max() > 0.25
    assert np.array_equal(clean.y_train, noisy.y_train)


def test_plane_target_and_noise():
    clean = load_dataset("plane", seed=3)
    assert np.allclose(clean.y_train, clean.raw_train.sum(axis=1) / 10)
    noisy = load_dataset("plane", noise=0.5, seed=3)
    error = np.abs(noisy.y_train - noisy.raw_train.sum(axis=1) / 10)
    assert error.max() <= 0.6 and error.max() > 0.4


def test_multigauss_bumps_and_target():
    centres = np.array([[-4, 2.5], [0, 2.5], [4, 2.5], [-4, -2.5], [0, -2.5], [4, -2.5], [0, 0]])
    assert multigauss_value(centres).tolist() == [1, -1, 1, -1, 1, -1, 0]
    ds = load_dataset("multigauss", seed=2)
    assert np.allclose(ds.y_train, multigauss_value(ds.raw_train))
    assert ds.y_train.min() >= -1 and ds.y_train.max() <= 1


def test_blobs3_and_moons_shapes():
    points, labels = all_points(load_dataset("blobs3", seed=1))
    centre_of_class_0 = points[labels == 0].mean(axis=0)
    assert np.allclose(centre_of_class_0, [0, 3], atol=0.3)
    moon_points, moon_labels = all_points(load_dataset("moons"))
    assert moon_points[moon_labels == 0, 1].mean() > moon_points[moon_labels == 1, 1].mean()


@pytest.mark.parametrize(
    "kwargs", [{"noise": 0.6}, {"noise": -0.1}, {"train_fraction": 0.95}, {"train_fraction": 0}]
)
def test_settings_out_of_range_are_data_errors(kwargs):
    with pytest.raises(DataError, match="between"):
        load_dataset("circle", **kwargs)
