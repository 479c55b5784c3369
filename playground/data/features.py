"""Input features of the 2-D sets: x1, x2 and the TF Playground's derived features."""

import numpy as np

from playground.data.errors import DataError

FEATURES_2D = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
"""Names of every input feature a 2-D set can offer, in display order."""

FEATURE_LABELS = {
    "x1": "x₁",
    "x2": "x₂",
    "x1^2": "x₁²",
    "x2^2": "x₂²",
    "x1*x2": "x₁x₂",
    "sin(x1)": "sin(x₁)",
    "sin(x2)": "sin(x₂)",
}
"""Display label for each name in ``FEATURES_2D`` (the only place they are spelled)."""

DEFAULT_FEATURES_2D = ("x1", "x2")
"""Features used when none are chosen: the raw coordinates."""

_FORMULAS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}


def normalize_features_2d(features) -> tuple[str, ...]:
    """Check a choice of 2-D features and return it in ``FEATURES_2D`` order, no repeats.

    ``None`` gives ``DEFAULT_FEATURES_2D``. Raises ``DataError`` for an unknown name or an
    empty choice.
    """
    if features is None:
        return DEFAULT_FEATURES_2D
    if isinstance(features, str):
        features = (features,)
    chosen = set(features)
    unknown = sorted(str(name) for name in chosen - set(FEATURES_2D))
    if unknown:
        raise DataError(
            f"Unknown input feature {', '.join(unknown)}; choose from {', '.join(FEATURES_2D)}."
        )
    if not chosen:
        raise DataError("Choose at least one input feature.")
    return tuple(name for name in FEATURES_2D if name in chosen)


def expand_features(points: np.ndarray, features: tuple[str, ...]) -> np.ndarray:
    """Model inputs for 2-D points.

    points: (n, 2) raw coordinates x1, x2. features: names from ``FEATURES_2D``.
    Returns (n, len(features)) float64, one column per feature in the given order.
    """
    x1, x2 = points[:, 0], points[:, 1]
    columns = [_FORMULAS[name](x1, x2) for name in features]
    return np.column_stack(columns).astype(np.float64)
