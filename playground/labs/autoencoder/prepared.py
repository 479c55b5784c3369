"""The data as the autoencoder lab uses it: the training rows without the left-out class,
the test rows with it marked, PCA fitted once, and the samples the views show."""

from dataclasses import dataclass

import numpy as np

from playground.data import DataError, Dataset
from playground.labs.autoencoder.analysis import Pca, fit_pca, reconstruction_errors

PAIR_SAMPLES = {"images": 10, "tabular": 6}  # originals shown above their copies
MIN_TRAIN_ROWS = 10


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Prepared:
    """dataset: as loaded. X_train (n, f): the rows that train (the left-out class
    removed); y_train (n,): their labels, for colour only. left_out_test (m,) bool: test
    rows of the left-out class, None if no class is left out; left_out_name: e.g.
    "digit 7". pca: every principal component of X_train; pca_train (n, 2), pca_test
    (m, 2): the rows on PCA's plane. pair_rows: test rows shown in originals-and-copies.
    value_range: the colour scale of a regression label (the S-curve's position).
    train_rows (n,): which of the data set's training rows X_train holds.
    """

    dataset: Dataset
    X_train: np.ndarray
    y_train: np.ndarray
    left_out_test: np.ndarray | None
    left_out_name: str
    pca: Pca
    pca_train: np.ndarray
    pca_test: np.ndarray
    pair_rows: np.ndarray
    value_range: tuple[float, float]
    train_rows: np.ndarray

    def pca_error(self, k: int) -> float:
        """Mean test reconstruction error of PCA with k components (the trainer's unit)."""
        top = Pca(self.pca.mean, self.pca.components[:k], self.pca.variances[:k])
        X = self.dataset.X_test
        return float(reconstruction_errors(X, top.reconstruct(X)).mean())


def _pair_rows(dataset: Dataset, count: int) -> np.ndarray:
    """Test rows to show: one per class in turn (digits 0..9), or spread along the value."""
    y = dataset.y_test
    if dataset.class_names is None:
        order = np.argsort(y, kind="stable")
        return order[np.linspace(0, len(y) - 1, count).astype(int)]
    rows = []
    for k in range(count):
        matches = np.flatnonzero(y == k % len(dataset.class_names))
        if len(matches) > k // len(dataset.class_names):
            rows.append(matches[k // len(dataset.class_names)])
    return np.array(rows, dtype=int)


def prepare(dataset: Dataset, left_out: str | None, class_word: str = "class") -> Prepared:
    """The lab's view of dataset, training without the class named left_out (a class name
    of the set, or None). Raises DataError if too few training rows are left."""
    names = dataset.class_names or ()
    if left_out is not None and left_out not in names:
        raise DataError(f"The {dataset.name} data have no class {left_out!r}.")
    keep = np.ones(len(dataset.y_train), dtype=bool)
    left_out_test = None
    if left_out is not None:
        k = names.index(left_out)
        keep = dataset.y_train != k
        left_out_test = dataset.y_test == k
    if keep.sum() < MIN_TRAIN_ROWS:
        raise DataError(f"Only {keep.sum()} training samples are left; use more training data.")
    X_train, y_train = dataset.X_train[keep], dataset.y_train[keep]
    pca = fit_pca(X_train, X_train.shape[1])
    plane = Pca(pca.mean, pca.components[:2], pca.variances[:2])
    y_all = np.concatenate([dataset.y_train, dataset.y_test]).astype(np.float64)
    count = PAIR_SAMPLES["images" if dataset.image_shape else "tabular"]
    return Prepared(
        dataset=dataset,
        X_train=X_train,
        y_train=y_train,
        left_out_test=left_out_test,
        left_out_name="" if left_out is None else f"{class_word} {left_out}",
        pca=pca,
        pca_train=_pad_plane(plane.project(X_train)),
        pca_test=_pad_plane(plane.project(dataset.X_test)),
        pair_rows=_pair_rows(dataset, count),
        value_range=(float(y_all.min()), float(y_all.max())),
        train_rows=np.flatnonzero(keep),
    )


def _pad_plane(points: np.ndarray) -> np.ndarray:
    """Projections onto fewer than 2 components get a zero second coordinate."""
    if points.shape[1] >= 2:
        return points
    return np.column_stack([points, np.zeros((len(points), 2 - points.shape[1]))])
