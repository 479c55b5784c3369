"""An InputEncoder as plain JSON data, and back, checked field by field.

The one description of how a row becomes model inputs that leaves the program: a model
bundle's model.json holds it, predict.py follows it, and an imported model.json is read
back with ``encoder_from_dict`` (the file may be anyone's, so every field is checked and
every problem is a ValueError that says which field and why).

    {"columns": [{"name": "bill_length_mm", "type": "number"},
                 {"name": "island", "type": "category", "categories": ["Biscoe", ...]}],
     "derived": null or ["x1", "x1^2", "sin(x1)", ...]   (2-D sets: computed from x1, x2),
     "mean": null or [...], "scale": null or [...]        (one per model input),
     "inputs": ["bill_length_mm", ..., "island=Biscoe", ...]   (the model inputs' names)}
"""

import math

import numpy as np

from playground.data.dataset import InputEncoder
from playground.data.encoding import SourceColumn
from playground.data.features import FEATURES_2D
from playground.data.limits import MAX_ENCODED_FEATURES, MAX_ONE_HOT_CATEGORIES

MAX_COLUMN_NAME_CHARS = 1000  # far above any name a data set makes; a guard on a file
DERIVED_FROM = ("x1", "x2")  # the columns the 2-D features are computed from


def encoder_to_dict(encoder: InputEncoder, input_names) -> dict:
    """The encoder as JSON-safe data (see the module docstring); input_names: the model
    inputs' names, (n_features,). ValueError if the encoder names no columns."""
    if not encoder.columns:
        raise ValueError("this data set does not describe its input columns")
    columns = [
        {"name": c.name, "type": "number"}
        if c.categories is None
        else {"name": c.name, "type": "category", "categories": list(c.categories)}
        for c in encoder.columns
    ]
    return {
        "columns": columns,
        "derived": None if encoder.expansion is None else list(encoder.expansion),
        "mean": None if encoder.mean is None else encoder.mean.tolist(),
        "scale": None if encoder.scale is None else encoder.scale.tolist(),
        "inputs": [str(name) for name in input_names],
    }


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_COLUMN_NAME_CHARS:
        raise ValueError(f"{where} must be a text of 1 to {MAX_COLUMN_NAME_CHARS} characters")
    return value


def _column(entry, i: int) -> SourceColumn:
    where = f"encoder.columns[{i}]"
    if not isinstance(entry, dict) or entry.get("type") not in ("number", "category"):
        raise ValueError(f"{where} must be an object with type 'number' or 'category'")
    name = _text(entry.get("name"), f"{where}.name")
    if entry["type"] == "number":
        return SourceColumn(name)
    categories = entry.get("categories")
    if not isinstance(categories, list) or not 1 <= len(categories) <= MAX_ONE_HOT_CATEGORIES:
        raise ValueError(
            f"{where}.categories must be a list of 1 to {MAX_ONE_HOT_CATEGORIES} texts"
        )
    texts = [_text(c, f"{where}.categories[{j}]") for j, c in enumerate(categories)]
    if len(set(texts)) != len(texts):
        raise ValueError(f"{where}.categories repeats a category")
    return SourceColumn(name, tuple(texts))


def _columns(entries) -> tuple[SourceColumn, ...]:
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_ENCODED_FEATURES:
        raise ValueError(f"encoder.columns must be a list of 1 to {MAX_ENCODED_FEATURES} columns")
    columns = tuple(_column(entry, i) for i, entry in enumerate(entries))
    names = [c.name for c in columns]
    if len(set(names)) != len(names):
        raise ValueError("encoder.columns names a column twice")
    if sum(c.width for c in columns) > MAX_ENCODED_FEATURES:
        raise ValueError(f"encoder.columns make more than {MAX_ENCODED_FEATURES} inputs")
    return columns


def _derived(value, columns: tuple[SourceColumn, ...]) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not value or len(set(map(str, value))) != len(value):
        raise ValueError("encoder.derived must be null or a list of different feature names")
    unknown = [str(name) for name in value if name not in FEATURES_2D]
    if unknown:
        raise ValueError(
            f"encoder.derived has unknown features {', '.join(unknown)[:200]}; "
            f"known: {', '.join(FEATURES_2D)}"
        )
    if columns != tuple(SourceColumn(name) for name in DERIVED_FROM):
        raise ValueError("encoder.derived needs exactly the number columns x1 and x2")
    return tuple(value)


def _numbers(value, n: int, where: str, positive: bool = False) -> np.ndarray:
    ok = isinstance(value, list) and len(value) == n
    ok = ok and all(type(v) in (int, float) and math.isfinite(v) for v in value)
    if not ok or (positive and min(value) <= 0):
        kind = "positive finite numbers" if positive else "finite numbers"
        raise ValueError(f"{where} must be a list of {n} {kind}")
    return np.array(value, dtype=np.float64)


def encoder_from_dict(data) -> tuple[InputEncoder, tuple[str, ...]]:
    """(InputEncoder, input names) from encoder_to_dict() output; ValueError naming the
    field if anything is missing, of the wrong kind, the wrong length or not finite."""
    if not isinstance(data, dict):
        raise ValueError("'encoder' must be an object")
    columns = _columns(data.get("columns"))
    derived = _derived(data.get("derived"), columns)
    n = len(derived) if derived is not None else sum(c.width for c in columns)
    mean, scale = data.get("mean"), data.get("scale")
    if (mean is None) != (scale is None):
        raise ValueError("encoder.mean and encoder.scale must both be given or both null")
    if mean is not None:
        mean = _numbers(mean, n, "encoder.mean")
        scale = _numbers(scale, n, "encoder.scale", positive=True)
    inputs = data.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != n:
        raise ValueError(f"encoder.inputs must be a list of {n} names")
    names = tuple(_text(name, f"encoder.inputs[{j}]") for j, name in enumerate(inputs))
    return InputEncoder(expansion=derived, mean=mean, scale=scale, columns=columns), names


def same_encoding(a: InputEncoder, b: InputEncoder) -> bool:
    """Whether two encoders turn every row into the same inputs (columns, categories,
    derived features equal; mean and scale equal to 1e-12 relative)."""
    if a.columns != b.columns or a.expansion != b.expansion:
        return False
    for x, y in ((a.mean, b.mean), (a.scale, b.scale)):
        if (x is None) != (y is None):
            return False
        if x is not None and (x.shape != y.shape or not np.allclose(x, y, rtol=1e-12, atol=0)):
            return False
    return True
