"""Shuffling, the train/test split, and standardization fitted on training rows only."""

import math

import numpy as np

from playground.data.errors import DataError
from playground.data.limits import NOISE_RANGE, TRAIN_FRACTION_RANGE


def _in_range(value, bounds: tuple[float, float], what: str) -> float:
    value = float(value)
    low, high = bounds
    if not low <= value <= high:
        raise DataError(f"{what} must be between {low:g} and {high:g}, got {value:g}.")
    return value


def check_noise(noise) -> float:
    """Return noise as a float, or raise ``DataError`` if outside ``NOISE_RANGE``."""
    return _in_range(noise, NOISE_RANGE, "Noise (0 to 50 %)")


def check_train_fraction(train_fraction) -> float:
    """Return the train share as a float, or raise ``DataError`` if outside its range."""
    return _in_range(train_fraction, TRAIN_FRACTION_RANGE, "The training share")


def split_indices(
    n_rows: int, train_fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle row indices once and cut them: (train (n_train,), test (n - n_train,)).

    As in TF Playground the first floor(n * fraction) shuffled rows train; both parts
    keep at least one row.
    """
    order = rng.permutation(n_rows)
    n_train = min(max(math.floor(n_rows * train_fraction), 1), n_rows - 1)
    return order[:n_train], order[n_train:]


def fit_standardizer(train: np.ndarray, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and scale per column of train (n, f), fitted on these rows only.

    columns: (f,) bool, True where a column is standardized; elsewhere mean 0, scale 1
    (one-hot columns stay 0/1). A constant column gets scale 1 so nothing divides by 0.
    """
    mean = np.where(columns, train.mean(axis=0), 0.0)
    std = train.std(axis=0)
    scale = np.where(columns & (std > 0), std, 1.0)
    return mean, scale
