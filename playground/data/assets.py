"""The shipped data files, each read once per process and handed out read-only.

Every session of the server shares these arrays, so they are cached with
``functools.lru_cache`` and marked ``writeable = False``: no session can change them.
"""

import functools
from pathlib import Path

import numpy as np
import pandas as pd

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
PENGUINS_PATH = ASSETS_DIR / "penguins.csv"
DIGITS_PATH = ASSETS_DIR / "digits.csv.gz"

PENGUIN_MEASUREMENTS = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")
PENGUIN_CATEGORIES = ("island", "sex")


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def penguin_columns() -> dict[str, np.ndarray]:
    """Columns of penguins.csv (344 rows): the four measurements as float64 (NaN where
    missing), species, island and sex as object arrays of str (None where missing).

    The dict is a fresh copy each call; the arrays inside are shared and read-only.
    """
    return dict(_penguin_columns())


@functools.lru_cache(maxsize=1)
def _penguin_columns() -> dict[str, np.ndarray]:
    table = pd.read_csv(PENGUINS_PATH, na_values=["NA"], keep_default_na=False)
    columns = {name: table[name].to_numpy(np.float64) for name in PENGUIN_MEASUREMENTS}
    for name in ("species", *PENGUIN_CATEGORIES):
        values = table[name].astype(object).where(table[name].notna(), None)
        columns[name] = values.to_numpy(object)
    return {name: _read_only(array) for name, array in columns.items()}


@functools.lru_cache(maxsize=1)
def digit_arrays() -> tuple[np.ndarray, np.ndarray]:
    """digits.csv.gz: pixels (1797, 64) uint8 in 0..16 (row-major 8x8) and labels
    (1797,) int64 in 0..9, both shared and read-only."""
    table = pd.read_csv(DIGITS_PATH, header=None, dtype=np.int64)
    values = table.to_numpy()
    return _read_only(values[:, :64].astype(np.uint8)), _read_only(values[:, 64].copy())
