"""``Dataset``: the arrays a model learns from, plus what the page needs to show them."""

from dataclasses import dataclass, field

import numpy as np

from playground.data.encoding import SourceColumn
from playground.data.errors import DataError
from playground.data.features import expand_features
from playground.data.limits import MAX_PLANE_RESOLUTION

PLANE_2D_RANGE = (-6.0, 6.0)
"""The square every 2-D set lives in (as in TF Playground)."""

PLANE_MARGIN = 0.05
"""Share of the data range added on each side of a tabular plane."""


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class InputEncoder:
    """How raw rows (real units) become model inputs; the same for training rows and grids.

    expansion: 2-D feature names (``FEATURES_2D``) to compute from (x1, x2), or None.
    mean, scale: (n_features,) standardization fitted on training rows, or None.
    columns: the columns a person writes a row in, each a number or a text one-hot
    encoded over its categories (encoding.SourceColumn); their raw columns, in order, are
    the raw rows'. Empty where the data set does not describe them (no model bundle).
    """

    expansion: tuple[str, ...] | None = None
    mean: np.ndarray | None = None
    scale: np.ndarray | None = None
    columns: tuple[SourceColumn, ...] = ()

    def encode(self, raw: np.ndarray) -> np.ndarray:
        """raw (n, n_raw) in real units -> (n, n_features) float64 model inputs."""
        X = raw if self.expansion is None else expand_features(raw, self.expansion)
        X = np.asarray(X, dtype=np.float64)
        if self.mean is not None:
            X = (X - self.mean) / self.scale
        return X


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Plane:
    """A grid over two raw features, with the model inputs for every grid point.

    xs (G,), ys (G,): the two axes in real units. X (G*G, n_features): model inputs,
    row-major, so row j*G + i is the point (xs[i], ys[j]). axes: the raw feature indices.
    x_name, y_name: axis titles (raw feature names, units included).
    """

    xs: np.ndarray
    ys: np.ndarray
    X: np.ndarray
    axes: tuple[int, int]
    x_name: str
    y_name: str

    @property
    def grid_shape(self) -> tuple[int, int]:
        """(rows, columns) of the grid: (len(ys), len(xs))."""
        return len(self.ys), len(self.xs)


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Line:
    """Points along one raw feature, with the model inputs for each: the 1-D twin of
    ``Plane`` for a table with a single input column.

    xs (G,): the axis in real units. X (G, n_features): model inputs, row i at xs[i].
    axis: the raw feature index. x_name: the axis title (the raw feature's name).
    """

    xs: np.ndarray
    X: np.ndarray
    axis: int
    x_name: str

    @property
    def grid_shape(self) -> tuple[int, int]:
        """(rows, columns) of the grid as an image: one row of len(xs)."""
        return 1, len(self.xs)


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Dataset:
    """A data set split into training and test rows; every array is read-only.

    X_train (n, f), X_test (m, f): float64 model inputs. y_train (n,), y_test (m,):
    int64 class ids 0..k-1 for "binary"/"multiclass", float64 for "regression"
    (standardized for tabular data: real value = y * target_scale + target_mean).
    raw_train (n, r), raw_test (m, r): the same rows in real units, before feature
    expansion / standardization; their columns are ``raw_feature_names``.
    notes: plain sentences on what was dropped, filled, encoded or capped.
    """

    name: str
    kind: str  # "2d" | "tabular" | "images"
    task: str  # "binary" | "multiclass" | "regression"
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] | None
    raw_feature_names: tuple[str, ...]
    raw_train: np.ndarray
    raw_test: np.ndarray
    encoder: InputEncoder = field(default_factory=InputEncoder)
    target_name: str = "label"
    target_mean: float = 0.0
    target_scale: float = 1.0
    image_shape: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self):
        for name in ("X_train", "y_train", "X_test", "y_test", "raw_train", "raw_test"):
            getattr(self, name).flags.writeable = False

    @property
    def n_classes(self) -> int | None:
        """Number of classes, or None for regression."""
        return None if self.class_names is None else len(self.class_names)

    def _check_axes(self, axes) -> tuple[int, int]:
        if self.kind == "2d":
            return (0, 1)
        n_raw = len(self.raw_feature_names)
        a, b = (int(axis) for axis in axes)
        if not (0 <= a < n_raw and 0 <= b < n_raw) or a == b:
            raise DataError(f"Choose two different features among the {n_raw} inputs.")
        return (a, b)

    def points(self, axes=(0, 1)) -> tuple[np.ndarray, np.ndarray]:
        """Rows on the plane of two raw features: (train (n, 2), test (m, 2)), real units.

        For 2-D sets always the raw x1, x2, whatever features are selected.
        """
        a, b = self._check_axes(axes)
        return self.raw_train[:, [a, b]], self.raw_test[:, [a, b]]

    def line_points(self, axis: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """One raw feature of every row: (train (n,), test (m,)), real units."""
        if not 0 <= int(axis) < len(self.raw_feature_names):
            raise DataError(f"There is no input {axis}; the data set has {self.raw_feature_names}.")
        return self.raw_train[:, int(axis)], self.raw_test[:, int(axis)]

    def _axis_range(self, axis: int) -> tuple[float, float]:
        if self.kind == "2d":
            return PLANE_2D_RANGE
        values = np.concatenate([self.raw_train[:, axis], self.raw_test[:, axis]])
        low, high = float(values.min()), float(values.max())
        margin = (high - low) * PLANE_MARGIN if high > low else 0.5
        return low - margin, high + margin

    def _held_row(self, row: int | None) -> np.ndarray:
        if row is None:
            return self.raw_train.mean(axis=0)
        everything = np.concatenate([self.raw_train, self.raw_test])
        if not -len(everything) <= int(row) < len(everything):
            raise DataError(f"Row {row} does not exist; the data set has {len(everything)}.")
        return everything[int(row)]

    def plane(self, axes=(0, 1), resolution: int = 100, row: int | None = None) -> Plane:
        """A (resolution x resolution) grid over two raw features, for a decision boundary.

        The other raw features are held at their training mean, or at the values of
        ``row`` (an index into the training rows followed by the test rows). 2-D sets
        always span x1, x2 over [-6, 6]; tabular axes span the data range plus a margin.
        """
        a, b = self._check_axes(axes)
        size = int(resolution)
        if not 2 <= size <= MAX_PLANE_RESOLUTION:
            raise DataError(f"The grid needs 2 to {MAX_PLANE_RESOLUTION} points per axis.")
        xs = np.linspace(*self._axis_range(a), size)
        ys = np.linspace(*self._axis_range(b), size)
        raw = np.tile(self._held_row(row), (size * size, 1))
        grid_x, grid_y = np.meshgrid(xs, ys)  # grid_x[j, i] = xs[i]: row-major j*G + i
        raw[:, a], raw[:, b] = grid_x.ravel(), grid_y.ravel()
        X = self.encoder.encode(raw)
        names = self.raw_feature_names
        return Plane(xs=xs, ys=ys, X=X, axes=(a, b), x_name=names[a], y_name=names[b])

    def line(self, axis: int = 0, resolution: int = 100) -> Line:
        """``resolution`` evenly spaced points along one raw feature (its data range plus a
        margin), the other raw features held at their training mean: for a 1-D view."""
        self.line_points(axis)  # checks the axis
        size = int(resolution)
        if not 2 <= size <= MAX_PLANE_RESOLUTION:
            raise DataError(f"The grid needs 2 to {MAX_PLANE_RESOLUTION} points per axis.")
        xs = np.linspace(*self._axis_range(int(axis)), size)
        raw = np.tile(self._held_row(None), (size, 1))
        raw[:, int(axis)] = xs
        X = self.encoder.encode(raw)
        return Line(xs=xs, X=X, axis=int(axis), x_name=self.raw_feature_names[int(axis)])
