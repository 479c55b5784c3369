"""Parse checked CSV text with pandas into typed columns, with every value checked.

pandas reads every cell as a string (no dtype guessing, nothing evaluated); this module
then decides per column: numeric (every filled cell is a number) or text.
"""

import io

import numpy as np
import pandas as pd

from playground.data.errors import DataError
from playground.data.limits import MAX_ABS_VALUE

MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "?", "#n/a"})
"""Cell texts (compared in lower case, stripped) that mean "no value"."""


def read_cells(text: str, delimiter: str, n_rows: int, n_columns: int) -> np.ndarray:
    """All cells as stripped str, an object array (n_rows, n_columns), header removed.

    The text has passed ``csv_guard.check_rows``; a disagreement with pandas about its
    shape is still reported as a ``DataError``.
    """
    try:
        cells = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_values=[],
            nrows=n_rows + 1,
            engine="c",
        )
    except (ValueError, MemoryError) as error:  # pandas' ParserError is a ValueError
        raise DataError(f"The file cannot be read as CSV ({error}).") from None
    if cells.shape != (n_rows + 1, n_columns):
        raise DataError(
            f"The file cannot be read as a table of {n_columns} columns; check the quotes."
        )
    # Plain Python strings from here on: pandas' per-column overhead dominates small files.
    rows = cells.to_numpy(object)[1:]
    return np.array([[cell.strip() for cell in row] for row in rows], dtype=object)


def _is_missing(values: np.ndarray) -> np.ndarray:
    return np.array([value.lower() in MISSING_MARKERS for value in values], dtype=bool)


def _numbers(values: np.ndarray, name: str, decimal_comma: bool) -> np.ndarray | None:
    """float64 (n,) with NaN for missing cells, or None if some filled cell is not a number."""
    missing = _is_missing(values)
    if decimal_comma:  # "3,5" in a semicolon-separated file from a European spreadsheet
        values = np.array([value.replace(",", ".") for value in values], dtype=object)
    filled = np.where(missing, None, values)
    parsed = pd.to_numeric(filled, errors="coerce").astype(np.float64)
    if np.isnan(parsed[~missing]).any():
        return None
    infinite = np.isinf(parsed)
    if infinite.any():
        row = int(np.flatnonzero(infinite)[0]) + 1
        raise DataError(
            f"Column '{name}' holds an infinite value in data row {row}; replace it with a "
            "number or leave the cell empty."
        )
    huge = np.abs(np.nan_to_num(parsed)) > MAX_ABS_VALUE
    if huge.any():
        row = int(np.flatnonzero(huge)[0]) + 1
        raise DataError(
            f"Column '{name}' holds {parsed[row - 1]:g} in data row {row}; numbers must be "
            f"at most {MAX_ABS_VALUE:g} in magnitude. Rescale the column (e.g. to thousands)."
        )
    return parsed


def typed_columns(
    cells: np.ndarray, names: list[str], decimal_comma: bool = False
) -> dict[str, np.ndarray]:
    """name -> float64 array (NaN = missing) for numeric columns, else an object array
    of str (None = missing). decimal_comma: read "3,5" as 3.5."""
    columns = {}
    for index, name in enumerate(names):
        values = cells[:, index]
        numbers = _numbers(values, name, decimal_comma)
        if numbers is None:
            numbers = np.where(_is_missing(values), None, values)
        columns[name] = numbers
    return columns
