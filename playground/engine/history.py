"""Per-epoch training records in growable NumPy arrays (compact for 500,000 epochs)."""

import numpy as np


class History:
    """A sequence of per-epoch records.

    len(h) is the number of records; h[i] (negative i allowed) is a dict of the column names
    to floats ("epoch" as an int); h.column(name) is a float64 array (len(h),).
    """

    def __init__(self, columns: tuple[str, ...], capacity: int = 1024):
        self.columns = tuple(columns)
        self._index = {name: i for i, name in enumerate(self.columns)}
        self._data = np.empty((capacity, len(self.columns)))
        self._length = 0

    def append(self, values) -> None:
        """Add one record: a sequence of floats in the order of `columns`."""
        if self._length == len(self._data):
            grown = np.empty((2 * len(self._data), len(self.columns)))
            grown[: self._length] = self._data
            self._data = grown
        self._data[self._length] = values
        self._length += 1

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> dict:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("history index out of range")
        record = dict(zip(self.columns, self._data[index].tolist(), strict=True))
        record["epoch"] = int(record["epoch"])
        return record

    def column(self, name: str) -> np.ndarray:
        """A copy of one column, shape (len(self),)."""
        if name not in self._index:
            raise KeyError(f"no column {name!r}; columns are {self.columns}")
        return self._data[: self._length, self._index[name]].copy()
