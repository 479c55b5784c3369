"""The columns a model reads, as a person writes them, and how they become raw inputs.

A ``SourceColumn`` is one column of a table (or a 2-D set's x1, x2): a number, or a text
one-hot encoded over its categories in a fixed order. The training data are encoded with
these (tables.py), and a model bundle writes the same columns down for predict.py
(encoder_json.py), so the page and the exported script read a row the same way.
"""

import re
from dataclasses import dataclass

import numpy as np


def natural_key(text: str) -> list[tuple[int, int, str]]:
    """Sort key that counts the numbers inside a text: "k2" before "k10" ("k10" < "k2"
    as strings), so classes and categories run as a person counts them."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", text) if part]  # fmt: skip


@dataclass(frozen=True)
class SourceColumn:
    """One input column: its name and, for a text column, the categories it is one-hot
    encoded over (in this order: raw column j is 1.0 where the text is categories[j]);
    None for a number, which is one raw column as it is."""

    name: str
    categories: tuple[str, ...] | None = None

    @property
    def width(self) -> int:
        """How many raw input columns it becomes."""
        return 1 if self.categories is None else len(self.categories)

    def raw_names(self) -> list[str]:
        """The names of its raw columns: the name, or "name=category" per category."""
        if self.categories is None:
            return [self.name]
        return [f"{self.name}={category}" for category in self.categories]

    def encode(self, column: np.ndarray) -> np.ndarray:
        """column (n,): float64 numbers, or an object array of str -> (n, width) float64."""
        if self.categories is None:
            return np.asarray(column, dtype=np.float64)[:, None]
        return np.stack([column == c for c in self.categories], axis=1).astype(np.float64)


def source_column(name: str, column: np.ndarray) -> SourceColumn:
    """The SourceColumn of a table column: a float column is a number; a text column is
    one-hot over its distinct values, in natural order (natural_key)."""
    if column.dtype.kind == "f":
        return SourceColumn(name)
    categories = sorted(set(column.tolist()), key=lambda c: natural_key(str(c)))
    return SourceColumn(name, tuple(str(c) for c in categories))


def encode_columns(sources: tuple[SourceColumn, ...], columns: dict) -> np.ndarray:
    """Raw inputs (n, sum of widths) from whole columns (name -> (n,)), in sources' order."""
    return np.hstack([source.encode(columns[source.name]) for source in sources])
