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


def read_cells(text: str, delimiter: str, n_rows: int, n_columns: int) -> pd.DataFrame:
    """All cells as stripped strings (n_rows, n_columns), the header row removed.

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
    return cells.iloc[1:].reset_index(drop=True).apply(lambda column: column.str.strip())


def _numbers(values: pd.Series, name: str, decimal_comma: bool) -> np.ndarray | None:
    """float64 (n,) with NaN for missing cells, or None if some filled cell is not a number."""
    missing = values.str.lower().isin(MISSING_MARKERS).to_numpy()
    if decimal_comma:  # "3,5" in a semicolon-separated file from a European spreadsheet
        values = values.str.replace(",", ".", regex=False)
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


def typed_columns(
    cells: pd.DataFrame, names: list[str], decimal_comma: bool = False
) -> dict[str, np.ndarray]:
    """name -> float64 array (NaN = missing) for numeric columns, else an object array
    of str (None = missing). decimal_comma: read "3,5" as 3.5."""
    columns = {}
    for index, name in enumerate(names):
        values = cells.iloc[:, index]
        numbers = _numbers(values, name, decimal_comma)
        if numbers is not None:
            columns[name] = numbers
            continue
        missing = values.str.lower().isin(MISSING_MARKERS).to_numpy()
        text = values.to_numpy(dtype=object)
        text[missing] = None
        columns[name] = text
    return columns
