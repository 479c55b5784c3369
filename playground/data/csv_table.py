"""Parse checked CSV text with pandas into typed columns, with every value checked.

pandas reads every cell as a string (no dtype guessing, nothing evaluated); this module
then decides per column: numeric (every filled cell is a number) or text.
"""

import io

import numpy as np
import pandas as pd

from playground.data.errors import DataError
from playground.data.limits import MAX_ABS_VALUE, MAX_CSV_ROWS

MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "?", "#n/a"})
"""Cell texts (compared in lower case, stripped) that mean "no value"."""


def read_cells(text: str, delimiter: str, n_columns: int) -> pd.DataFrame:
    """All cells as stripped strings (rows, n_columns), the header row removed.

    Raises ``DataError`` for ragged rows, no data rows, or more than ``MAX_CSV_ROWS``.
    """
    try:
        cells = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=True,
            na_values=[],
            nrows=MAX_CSV_ROWS + 2,
            engine="c",
        )
    except pd.errors.ParserError as error:
        raise DataError(f"The rows do not all have the same number of values: {error}") from None
    except (ValueError, MemoryError) as error:
        raise DataError(f"The file cannot be read as CSV ({error}).") from None
    if cells.shape[1] != n_columns:
        raise DataError(f"The header names {n_columns} columns but the rows hold {cells.shape[1]}.")
    body = cells.iloc[1:].reset_index(drop=True)
    if len(body) == 0:
        raise DataError("The file has a header line but no data rows.")
    if len(body) > MAX_CSV_ROWS:
        raise DataError(f"The file has more than {MAX_CSV_ROWS:,} rows; that is the limit.")
    # With keep_default_na off only a missing field (a short row) becomes NaN.
    short = body.isna().any(axis=1).to_numpy()
    if short.any():
        row = int(np.flatnonzero(short)[0]) + 1
        raise DataError(
            f"Data row {row} has fewer values than the {n_columns} columns of the header."
        )
    return body.apply(lambda column: column.str.strip())


def _numbers(values: pd.Series, name: str) -> np.ndarray | None:
    """float64 (n,) with NaN for missing cells, or None if some filled cell is not a number."""
    missing = values.str.lower().isin(MISSING_MARKERS).to_numpy()
    parsed = pd.to_numeric(values.where(~missing), errors="coerce").to_numpy(np.float64)
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


def typed_columns(cells: pd.DataFrame, names: list[str]) -> dict[str, np.ndarray]:
    """name -> float64 array (NaN = missing) for numeric columns, else an object array
    of str (None = missing)."""
    columns = {}
    for index, name in enumerate(names):
        values = cells.iloc[:, index]
        numbers = _numbers(values, name)
        if numbers is not None:
            columns[name] = numbers
            continue
        missing = values.str.lower().isin(MISSING_MARKERS).to_numpy()
        text = values.to_numpy(dtype=object)
        text[missing] = None
        columns[name] = text
    return columns
