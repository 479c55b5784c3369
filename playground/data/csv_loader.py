"""``load_csv``: a student's own table as a ``Dataset``, or a ``DataError`` saying why not."""

import re

import numpy as np

from playground.data import csv_guard
from playground.data.csv_table import read_cells, typed_columns
from playground.data.dataset import Dataset
from playground.data.errors import DataError
from playground.data.limits import MAX_AUTO_CLASSES, MAX_ONE_HOT_CATEGORIES
from playground.data.names import shorten_names, shortened_note
from playground.data.split import check_train_fraction
from playground.data.tables import build_table_dataset, is_numeric

TASK_CHOICES = ("classification", "regression")
"""Values of ``load_csv(task=...)``; None detects it. "binary"/"multiclass" also mean
classification (the class count decides which)."""


def _filled(column: np.ndarray) -> np.ndarray:
    return ~np.isnan(column) if is_numeric(column) else np.array([v is not None for v in column])


def unusable_reason(column: np.ndarray) -> str | None:
    """Why a column cannot be a feature, or None if it can."""
    filled = _filled(column)
    if not filled.any():
        return "it is empty"
    if not is_numeric(column):
        n_values = len(set(column[filled].tolist()))
        if n_values > MAX_ONE_HOT_CATEGORIES:
            return (
                f"it holds {n_values} different texts, over the limit of "
                f"{MAX_ONE_HOT_CATEGORIES} for one-hot encoding"
            )
    return None


_ID_NAME = re.compile(r"id|index|idx|row|row_?(id|no|num|number)|key|unnamed:_?0")


def looks_like_row_id(name: str, column: np.ndarray) -> bool:
    """True for a column that numbers the rows rather than measuring them: a name like id,
    passenger_id, PassengerId, index or row, or whole numbers that are all different and
    consecutive (1, 2, 3, ... in any order)."""
    text = name.strip()
    folded = text.casefold().replace(" ", "_").replace("-", "_")
    if _ID_NAME.fullmatch(folded) or folded.endswith("_id") or re.search(r"[a-z](Id|ID)$", text):
        return True
    if not is_numeric(column) or np.isnan(column).any() or len(column) < 3:
        return False
    values = np.sort(column)
    return bool(np.all(values == np.round(values)) and np.all(np.diff(values) == 1))


def detect_task(column: np.ndarray) -> str:
    """ "classification" for text or a few distinct whole numbers, else "regression"."""
    if not is_numeric(column):
        return "classification"
    values = np.unique(column[~np.isnan(column)])
    whole = np.all(values == np.round(values))
    return "classification" if whole and len(values) <= MAX_AUTO_CLASSES else "regression"


def _choose_task(task, column: np.ndarray, target: str) -> str:
    if task is None:
        return detect_task(column)
    if task in ("binary", "multiclass"):
        task = "classification"
    if task not in TASK_CHOICES:
        raise DataError(f"The task must be one of {', '.join(TASK_CHOICES)}, not '{task}'.")
    if task == "regression" and not is_numeric(column):
        raise DataError(f"The target '{target}' holds text, so it needs classification.")
    return task


def _default_features(columns: dict, target: str, notes: list[str]) -> list[str]:
    """Every usable column but the target; row IDs too only if nothing else is usable."""
    chosen, ids = [], []
    for name in columns:
        if name == target:
            continue
        reason = unusable_reason(columns[name])
        if reason is None and _filled(columns[name]).mean() < 0.5:
            reason = "more than half of its cells are empty"
        if reason:
            notes.append(f"Column '{name}' is not used: {reason}.")
        elif looks_like_row_id(name, columns[name]):
            ids.append(name)
        else:
            chosen.append(name)
    if chosen and ids:  # an ID tells nothing about a row, but lets a network memorize it
        listed = ", ".join(f"'{name}'" for name in ids)
        notes.append(
            f"Column {listed} is not used: it looks like a row ID. Add it under the "
            "columns to learn from to use it anyway."
        )
        return chosen
    return chosen + ids


def _choose_features(columns: dict, target: str, features, notes: list[str]) -> list[str]:
    if features is None:
        chosen = _default_features(columns, target, notes)
    else:
        chosen = [features] if isinstance(features, str) else list(dict.fromkeys(features))
        for name in chosen:
            if name not in columns:
                raise DataError(f"There is no column '{name}' in the file.")
            if name == target:
                raise DataError(f"'{name}' is the target; it cannot also be a feature.")
            reason = unusable_reason(columns[name])
            if reason:
                raise DataError(f"Column '{name}' cannot be a feature: {reason}.")
    if not chosen:
        raise DataError(
            "No column can be used as a feature: a feature needs numbers, or text with at "
            f"most {MAX_ONE_HOT_CATEGORIES} different values."
        )
    return chosen


def csv_column_names(raw_bytes) -> list[str]:
    """The column names of an uploaded CSV, after the same size, file-type, encoding and
    header checks as ``load_csv`` (for the page's target / feature pickers)."""
    data = csv_guard.as_bytes(raw_bytes)
    csv_guard.reject_binary(data)
    text = csv_guard.decode_text(data)
    return shorten_names(csv_guard.read_header(text, csv_guard.guess_delimiter(text)))[0]


def load_csv(
    raw_bytes, target=None, features=None, task=None, train_fraction=0.8, seed=0
) -> Dataset:
    """A tabular ``Dataset`` from the bytes of an uploaded CSV file.

    target: the column to predict (default: the last). features: the columns to learn
    from (default: every other usable column). task: "classification", "regression" or
    None to detect it (text, or at most ``MAX_AUTO_CLASSES`` distinct whole numbers,
    means classification). Rows with an empty cell in a used column are dropped; text
    features are one-hot encoded; numbers are standardized on the training rows.
    Column, class and category names are cut to ``MAX_NAME_CHARS`` (with a note).
    Every problem with the file raises ``DataError`` naming the limit (see ``limits``).
    """
    train_fraction = check_train_fraction(train_fraction)
    data = csv_guard.as_bytes(raw_bytes)
    csv_guard.reject_binary(data)
    text = csv_guard.decode_text(data)
    delimiter = csv_guard.guess_delimiter(text)
    names, n_cut = shorten_names(csv_guard.read_header(text, delimiter))
    n_rows = csv_guard.check_rows(text, delimiter, len(names))
    cells = read_cells(text, delimiter, n_rows, len(names))
    columns = typed_columns(cells, names, decimal_comma=delimiter == ";")
    target = names[-1] if target is None else target
    if target not in columns:
        raise DataError(f"There is no column '{target}'; the columns are {', '.join(names)}.")
    chosen_task = _choose_task(task, columns[target], target)
    notes = [] if delimiter == "," else [f"Values are separated by {delimiter!r}."]
    if n_cut:
        notes.append(shortened_note(n_cut, "column names"))
    if task is None:
        notes.append(f"The task was detected as {chosen_task} from the column '{target}'.")
    chosen = _choose_features(columns, target, features, notes)
    dataset = build_table_dataset(
        "csv", columns, target, chosen, chosen_task, train_fraction, seed, notes
    )
    if not (np.isfinite(dataset.X_train).all() and np.isfinite(dataset.X_test).all()):
        raise DataError("Some numbers are too extreme to scale; rescale the columns.")
    return dataset
