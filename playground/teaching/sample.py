"""Step 1 of the loop: one sample's values as they enter the network, and its mini-batch.

The data set knows a row three ways: its raw values (real units), the derived features
computed from them (x1^2, sin x1, ...) and the scaled numbers the network sees. The
mini-batch shown beside a sample is that sample and the training rows after it: the
trainer draws its own batches from a shuffled order, but every batch's step is built the
same way (the mean of its samples' gradients).
"""

from dataclasses import dataclass

import numpy as np

from playground.data import Dataset
from playground.data.features import expand_features

SPLITS = ("train", "test")


@dataclass(frozen=True, eq=False)
class SampleInputs:
    """Row `index` of the `split` rows of a data set.

    raw (r,) under raw_names: the values in real units. derived (f,) under feature_names:
    the features computed from them before scaling, or None when they are the raw values.
    scaled (f,): what the network sees (X's row). label: the class id or the regression
    value (standardized, as the network learns it).
    """

    split: str
    index: int
    raw_names: tuple[str, ...]
    raw: np.ndarray
    feature_names: tuple[str, ...]
    derived: np.ndarray | None
    scaled: np.ndarray
    label: float


def _arrays(dataset: Dataset, split: str):
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    if split == "train":
        return dataset.raw_train, dataset.X_train, dataset.y_train
    return dataset.raw_test, dataset.X_test, dataset.y_test


def split_size(dataset: Dataset, split: str) -> int:
    """How many rows the split has."""
    return len(_arrays(dataset, split)[1])


def sample_inputs(dataset: Dataset, split: str, index: int) -> SampleInputs:
    """The row's raw, derived and scaled values; IndexError outside 0..rows-1."""
    raw, X, y = _arrays(dataset, split)
    if not 0 <= index < len(X):
        raise IndexError(f"no {split} row {index}: there are {len(X)}")
    expansion = dataset.encoder.expansion
    derived = None
    if expansion is not None and tuple(expansion) != dataset.raw_feature_names:
        derived = expand_features(raw[index : index + 1], tuple(expansion))[0]
    return SampleInputs(
        split, int(index), dataset.raw_feature_names, np.array(raw[index], dtype=float),
        dataset.feature_names, derived, X[index].copy(), float(y[index]),
    )  # fmt: skip


def minibatch_rows(n_rows: int, batch_size: int, start: int) -> np.ndarray:
    """Indices (min(batch_size, n_rows),) of a mini-batch: `start` and the rows after it,
    wrapping around the end."""
    size = max(1, min(int(batch_size), n_rows))
    return (int(start) + np.arange(size)) % n_rows


def nearest_row(points: np.ndarray, x: float, y: float) -> int:
    """The row of points (n, 2) closest to (x, y) (the first of equals)."""
    return int(np.argmin((points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2))


@dataclass(frozen=True)
class EpochPlan:
    """From mini-batches to an epoch: rows training rows in batches of batch_size make
    batches steps per epoch; done: steps taken in the epoch under way; epoch: epochs done."""

    rows: int
    batch_size: int
    batches: int
    done: int
    epoch: int


def epoch_plan(trainer, rows: int) -> EpochPlan:
    """Where the trainer is in its epochs (rows: its training rows)."""
    size = min(trainer.batch_size, rows)
    return EpochPlan(rows, size, -(-rows // size), trainer.batch, trainer.epoch)
