"""The list of data sets (the page's picker is built from it) and ``load_dataset``."""

import functools
from dataclasses import dataclass
from types import MappingProxyType

from playground.data import multiclass_2d, tf_recipes
from playground.data.dataset import Dataset
from playground.data.digits import load_digits
from playground.data.errors import DataError
from playground.data.penguins import load_penguins
from playground.data.planar import build_2d_dataset


@dataclass(frozen=True)
class DatasetInfo:
    """What the page shows about one data set.

    label: picker text. kind: "2d" | "tabular" | "images". tasks: the tasks it can give
    ("binary" | "multiclass" | "regression"). description: one line for students.
    options: extra keyword arguments ``load_dataset`` accepts for it.
    """

    label: str
    kind: str
    tasks: tuple[str, ...]
    description: str
    options: tuple[str, ...] = ()


def _planar(name, generator, n_samples, task):
    return functools.partial(
        build_2d_dataset, name, generator, n_samples, task
    )  # called with (noise, train_fraction, seed, features)


_CLS, _REG = tf_recipes.CLASSIFICATION_SAMPLES, tf_recipes.REGRESSION_SAMPLES
_MULTI = multiclass_2d.MULTICLASS_SAMPLES
_ENTRIES = {
    "circle": (
        DatasetInfo("Circle", "2d", ("binary",), "A disc of blue inside a ring of orange."),
        _planar("circle", tf_recipes.circle, _CLS, "binary"),
    ),
    "xor": (
        DatasetInfo("XOR", "2d", ("binary",), "Opposite corners share a class."),
        _planar("xor", tf_recipes.xor, _CLS, "binary"),
    ),
    "gauss": (
        DatasetInfo("Gaussian", "2d", ("binary",), "Two clouds of points, one per class."),
        _planar("gauss", tf_recipes.gauss, _CLS, "binary"),
    ),
    "spiral": (
        DatasetInfo("Spiral", "2d", ("binary",), "Two arms winding around each other."),
        _planar("spiral", tf_recipes.spiral, _CLS, "binary"),
    ),
    "moons": (
        DatasetInfo("Moons", "2d", ("binary",), "Two interleaved half circles."),
        _planar("moons", multiclass_2d.moons, _CLS, "binary"),
    ),
    "spiral3": (
        DatasetInfo("Spiral ×3", "2d", ("multiclass",), "Three classes in a spiral."),
        _planar("spiral3", multiclass_2d.spiral3, _MULTI, "multiclass"),
    ),
    "blobs3": (
        DatasetInfo("Blobs ×3", "2d", ("multiclass",), "Three clouds, one per class."),
        _planar("blobs3", multiclass_2d.blobs3, _MULTI, "multiclass"),
    ),
    "plane": (
        DatasetInfo("Plane", "2d", ("regression",), "A value that rises from corner to corner."),
        _planar("plane", tf_recipes.plane, _REG, "regression"),
    ),
    "multigauss": (
        DatasetInfo("Gauss ×6", "2d", ("regression",), "Six bumps, up and down."),
        _planar("multigauss", tf_recipes.multigauss, _REG, "regression"),
    ),
    "penguins": (
        DatasetInfo(
            "Penguins",
            "tabular",
            ("multiclass", "regression"),
            "Species (or body mass) of 344 Antarctic penguins from their measurements.",
            options=("target",),
        ),
        lambda noise, train_fraction, seed, features, **options: load_penguins(
            train_fraction, seed, features, **options
        ),
    ),
    "digits": (
        DatasetInfo("Digits", "images", ("multiclass",), "1,797 handwritten digits, 8x8 pixels."),
        lambda noise, train_fraction, seed, features: load_digits(train_fraction, seed),
    ),
}

DATASETS = MappingProxyType({name: info for name, (info, _) in _ENTRIES.items()})
"""Every built-in data set: name -> ``DatasetInfo``, in picker order."""

CSV_INFO = DatasetInfo(
    "CSV",
    "tabular",
    ("binary", "multiclass", "regression"),
    "Upload a table; pick the column to predict and the columns to learn from.",
)
"""The upload entry for the picker; it is loaded with ``load_csv``, not ``load_dataset``."""


def list_datasets(kind: str | None = None) -> list[str]:
    """Names of the built-in data sets, optionally only those of one kind."""
    return [name for name, info in DATASETS.items() if kind in (None, info.kind)]


def load_dataset(
    name: str,
    noise: float = 0.0,
    train_fraction: float = 0.5,
    seed: int = 0,
    features=None,
    **options,
) -> Dataset:
    """Build the data set ``name`` (see ``DATASETS``).

    noise: 0..0.5, for the generated 2-D sets (ignored for penguins and digits).
    train_fraction: 0.1..0.9 share of rows that train. seed: repeats the data exactly.
    features: for 2-D sets names from ``FEATURES_2D`` (default x1, x2); for penguins
    names from ``PENGUIN_FEATURES``. options: penguins take ``target="species"`` (default)
    or ``target="body_mass_g"``. Raises ``DataError`` for an unknown name or option.
    """
    if name not in _ENTRIES:
        raise DataError(f"Unknown data set '{name}'; choose from {', '.join(DATASETS)}.")
    info, loader = _ENTRIES[name]
    unknown = sorted(set(options) - set(info.options))
    if unknown:
        raise DataError(f"The {info.label} data set has no option {', '.join(unknown)}.")
    if features is not None and info.kind == "images":
        raise DataError("Digits always use all 64 pixels; leave features unset.")
    return loader(
        noise=noise, train_fraction=train_fraction, seed=seed, features=features, **options
    )
