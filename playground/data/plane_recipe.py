"""How a plane's grid points become the network's inputs, as a recipe another program can
follow (the browser paints the decision boundary from the weights with it).

A recipe names, for each input column, the formula of the 2-D features (features.py) that
computes it from the plane's two coordinates (u across, v up, in real units), or a constant
(a raw feature held off the plane), and then the standardization the training rows got.
``plane_recipe`` checks the recipe against the data set's own encoding of the grid, so a
data set whose inputs it cannot describe gets none (and its views are drawn on the server).
"""

from dataclasses import dataclass

import numpy as np

from playground.data.dataset import Dataset, Plane
from playground.data.features import expand_features

RECIPE_TOLERANCE = 1e-9
"""Largest difference allowed between the recipe's inputs and the data set's own."""


@dataclass(frozen=True)
class PlaneRecipe:
    """Inputs over a plane: column j is ``formulas[j](u, v)`` (a name from FEATURES_2D, with
    x1 = u and x2 = v) or, where that is None, ``constants[j]``; then, if ``mean`` is given,
    (column - mean[j]) / scale[j]. x_range, y_range: (low, high) of the grid's axes;
    size: grid points per axis (np.linspace over each range)."""

    formulas: tuple[str | None, ...]
    constants: tuple[float, ...]
    mean: tuple[float, ...] | None
    scale: tuple[float, ...] | None
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    size: int

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """(u, v), each (size * size,): the grid points row by row (v fixed per row, rows
        going up), as Dataset.plane orders them."""
        xs = np.linspace(*self.x_range, self.size)
        ys = np.linspace(*self.y_range, self.size)
        u, v = np.meshgrid(xs, ys)
        return u.ravel(), v.ravel()

    def inputs(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Model inputs (n, columns) at the points (u (n,), v (n,))."""
        points = np.column_stack([u, v])
        columns = [
            expand_features(points, (name,))[:, 0] if name else np.full(len(u), value)
            for name, value in zip(self.formulas, self.constants, strict=True)
        ]
        X = np.column_stack(columns).astype(np.float64)
        if self.mean is not None:
            X = (X - np.asarray(self.mean)) / np.asarray(self.scale)
        return X

    def to_json(self) -> dict:
        """The recipe as JSON-safe lists and numbers (for the browser)."""
        return {
            "formulas": list(self.formulas),
            "constants": [float(c) for c in self.constants],
            "mean": None if self.mean is None else [float(m) for m in self.mean],
            "scale": None if self.scale is None else [float(s) for s in self.scale],
            "x": [float(self.x_range[0]), float(self.x_range[1])],
            "y": [float(self.y_range[0]), float(self.y_range[1])],
            "size": int(self.size),
        }


def _formulas(ds: Dataset, axes: tuple[int, int]) -> tuple[str | None, ...] | None:
    """Per input column, its formula over (u, v), None for a held constant; None if the
    encoding is not one this recipe knows."""
    encoder = ds.encoder
    if encoder.expansion is not None:
        return tuple(encoder.expansion) if ds.kind == "2d" and axes == (0, 1) else None
    n_raw = len(ds.raw_feature_names)
    if len(ds.feature_names) != n_raw:
        return None  # not one input column per raw feature
    on_plane = {axes[0]: "x1", axes[1]: "x2"}
    return tuple(on_plane.get(j) for j in range(n_raw))


def plane_recipe(ds: Dataset, plane: Plane) -> PlaneRecipe | None:
    """The recipe of ``plane`` (from ``ds.plane``, other features held at their training
    mean), or None when it cannot be described or does not reproduce ``plane.X`` to
    RECIPE_TOLERANCE."""
    formulas = _formulas(ds, plane.axes)
    if formulas is None:
        return None
    held = ds.raw_train.mean(axis=0) if ds.kind != "2d" else np.zeros(len(formulas))
    constants = tuple(0.0 if name else float(held[j]) for j, name in enumerate(formulas))
    encoder = ds.encoder
    recipe = PlaneRecipe(
        formulas=formulas,
        constants=constants,
        mean=None if encoder.mean is None else tuple(map(float, encoder.mean)),
        scale=None if encoder.scale is None else tuple(map(float, encoder.scale)),
        x_range=(float(plane.xs[0]), float(plane.xs[-1])),
        y_range=(float(plane.ys[0]), float(plane.ys[-1])),
        size=len(plane.xs),
    )
    ok = plane.X.shape == (recipe.size**2, len(formulas)) and np.allclose(
        recipe.inputs(*recipe.grid()), plane.X, rtol=0.0, atol=RECIPE_TOLERANCE
    )
    return recipe if ok else None
