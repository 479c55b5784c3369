"""Turn table columns into a ``Dataset``: drop incomplete rows, encode, split, standardize.

Shared by the penguins and the CSV upload so both handle missing values, one-hot
encoding and scaling the same way. Columns arrive as NumPy arrays: float64 with NaN
for missing numbers, or object arrays of str with None for missing text.
"""

import numpy as np

from playground.data.dataset import Dataset, InputEncoder
from playground.data.encoding import encode_columns, natural_key, source_column
from playground.data.errors import DataError
from playground.data.limits import MAX_CLASSES, MAX_ENCODED_FEATURES, MIN_ROWS
from playground.data.names import shorten_names, shortened_note
from playground.data.split import fit_standardizer, split_indices


def is_numeric(column: np.ndarray) -> bool:
    """True for a float column, False for a text (object) column."""
    return column.dtype.kind == "f"


def _missing(column: np.ndarray) -> np.ndarray:
    if is_numeric(column):
        return np.isnan(column)
    return np.array([value is None for value in column], dtype=bool)


def drop_incomplete_rows(columns: dict, used: list[str], notes: list[str]) -> np.ndarray:
    """Indices (k,) of rows with a value in every used column; notes what was dropped."""
    missing = {name: _missing(columns[name]) for name in used}
    incomplete = np.logical_or.reduce(list(missing.values()))
    n_rows, n_dropped = len(incomplete), int(incomplete.sum())
    if n_dropped:
        counts = ", ".join(f"{name}: {int(m.sum())}" for name, m in missing.items() if m.any())
        notes.append(
            f"Dropped {n_dropped} of {n_rows} rows with a missing value (missing per column: "
            f"{counts})."
        )
    if n_rows - n_dropped < MIN_ROWS:
        raise DataError(
            f"Only {n_rows - n_dropped} rows have a value in every chosen column; at least "
            f"{MIN_ROWS} are needed. Fill in the empty cells or choose other columns."
        )
    return np.flatnonzero(~incomplete)


def _class_label(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def encode_classes(target: np.ndarray, name: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class ids (n,) int64 in sorted order of the values (numbers by value, texts with
    natural_key), and the class names."""
    values, ids = np.unique(target, return_inverse=True)
    if values.dtype.kind in "OUS":  # text classes: renumber in natural order
        order = sorted(range(len(values)), key=lambda i: natural_key(str(values[i])))
        rank = np.empty(len(values), dtype=np.int64)
        rank[order] = np.arange(len(values))
        values, ids = values[order], rank[ids]
    if len(values) < 2:
        raise DataError(
            f"The target column '{name}' holds a single class ({_class_label(values[0])}); "
            "a classifier needs at least two."
        )
    if len(values) > MAX_CLASSES:
        raise DataError(
            f"The target column '{name}' has {len(values)} classes; the limit is "
            f"{MAX_CLASSES}. Choose another target or the regression task."
        )
    return ids.astype(np.int64), tuple(_class_label(v) for v in values.tolist())


def encode_features(columns: dict, features: list[str], notes: list[str]):
    """Raw inputs (n, r) in real units, their names, which are numeric (r,) bool, and the
    source columns (encoding.SourceColumn, one per feature).

    Text features become one 0/1 column per category, named "column=value".
    """
    sources = tuple(source_column(name, columns[name]) for name in features)
    names, numeric = [], []
    for source in sources:
        names += source.raw_names()
        numeric += [source.categories is None] * source.width
        if source.categories is not None:
            notes.append(f"One-hot encoded '{source.name}' into {source.width} columns.")
    if len(names) > MAX_ENCODED_FEATURES:
        raise DataError(
            f"The chosen features make {len(names)} inputs after one-hot encoding; the "
            f"limit is {MAX_ENCODED_FEATURES}. Choose fewer text columns."
        )
    raw = encode_columns(sources, columns).astype(np.float64)
    return raw, tuple(names), np.array(numeric), sources


def _short(names: tuple[str, ...], what: str, notes: list[str]) -> tuple[str, ...]:
    """The names cut to the length limit; notes how many were cut."""
    shortened, n_cut = shorten_names(names)
    if n_cut:
        notes.append(shortened_note(n_cut, what))
    return tuple(shortened)


def build_table_dataset(
    name: str,
    columns: dict,
    target: str,
    features: list[str],
    task: str,
    train_fraction: float,
    seed: int,
    notes: list[str],
) -> Dataset:
    """A tabular ``Dataset`` from whole columns (each (n,)).

    task: "classification" or "regression". Numeric inputs are standardized with mean
    and scale fitted on the training rows only; a regression target likewise.
    """
    keep = drop_incomplete_rows(columns, [*features, target], notes)
    rows = {key: columns[key][keep] for key in [*features, target]}
    raw, raw_names, numeric, sources = encode_features(rows, features, notes)
    raw_names = _short(raw_names, "input names", notes)  # a long text category in "column=value"
    class_names, target_mean, target_scale = None, 0.0, 1.0
    if task == "classification":
        y, class_names = encode_classes(rows[target], target)
        class_names = _short(class_names, "class names", notes)
        task = "binary" if len(class_names) == 2 else "multiclass"
    else:
        y = rows[target].astype(np.float64)
    train, test = split_indices(len(keep), train_fraction, np.random.default_rng(seed))
    mean, scale = fit_standardizer(raw[train], numeric)
    if task == "regression":
        target_mean, target_scale = float(y[train].mean()), float(y[train].std())
        if target_scale == 0:
            raise DataError(f"The target '{target}' has the same value in every training row.")
        y = (y - target_mean) / target_scale
        notes.append(f"The target '{target}' is standardized; the page shows it in real units.")
    encoder = InputEncoder(mean=mean, scale=scale, columns=sources)
    return Dataset(
        name=name,
        kind="tabular",
        task=task,
        X_train=encoder.encode(raw[train]),
        y_train=y[train],
        X_test=encoder.encode(raw[test]),
        y_test=y[test],
        feature_names=raw_names,
        class_names=class_names,
        raw_feature_names=raw_names,
        raw_train=raw[train],
        raw_test=raw[test],
        encoder=encoder,
        target_name=target,
        target_mean=target_mean,
        target_scale=target_scale,
        notes=tuple(notes),
    )
