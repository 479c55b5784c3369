"""Step 1 of the loop: one sample's values as they enter the network, and where the rows
come from.

A lab offers its rows to the learning-loop tools as a StepSource (its session's
step_source()): per split the scaled inputs the network sees and the targets as the
trainer takes them, with the data set they come from. The data set knows a row three
ways: its raw values (real units), the derived features computed from them (x1^2,
sin x1, ...) and the scaled numbers the network sees. The mini-batch is the trainer's own
next one (Trainer.next_batch_rows indexes the source's training rows).
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from playground.data import Dataset
from playground.data.features import expand_features

SPLITS = ("train", "test")


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity
class StepSource:
    """What a lab offers the learning-loop tools: the rows a step can be worked out on.

    dataset: the data set the rows come from (names, kind, image shape, classes, the
    regression target's unit). X: split -> (n, d) the scaled inputs the network sees, the
    "train" rows exactly the trainer's training rows in its order; y: split -> the
    targets as the trainer takes them ((n,) class ids, or (n, k) for mse); raw: split ->
    (n, r) the same rows in real units; labels: split -> (n,) each row's label in the
    data set (a class id or a value; for an autoencoder only a name for the sample).
    copies_input: the target is the input itself (an autoencoder: the prediction is its
    reconstruction, and the label is never learnt).
    """

    dataset: Dataset
    X: Mapping[str, np.ndarray]
    y: Mapping[str, np.ndarray]
    raw: Mapping[str, np.ndarray]
    labels: Mapping[str, np.ndarray]
    copies_input: bool = False

    def rows(self, split: str, rows) -> tuple[np.ndarray, np.ndarray]:
        """(X (b, d), y) of the given rows (indices, or a slice) of a split."""
        if split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS}")
        return self.X[split][rows], self.y[split][rows]


def dataset_source(dataset: Dataset, y_train, y_test) -> StepSource:
    """The source of a supervised lab trained on the data set's own rows, with the
    labels encoded as the trainer takes them (y_train, y_test)."""
    return StepSource(
        dataset,
        {"train": dataset.X_train, "test": dataset.X_test},
        {"train": y_train, "test": y_test},
        {"train": dataset.raw_train, "test": dataset.raw_test},
        {"train": dataset.y_train, "test": dataset.y_test},
    )


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


def _arrays(source: StepSource, split: str):
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    return source.raw[split], source.X[split], source.labels[split]


def split_size(source: StepSource, split: str) -> int:
    """How many rows the split has."""
    return len(_arrays(source, split)[1])


def sample_inputs(source: StepSource, split: str, index: int) -> SampleInputs:
    """The row's raw, derived and scaled values; IndexError outside 0..rows-1."""
    raw, X, y = _arrays(source, split)
    dataset = source.dataset
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
