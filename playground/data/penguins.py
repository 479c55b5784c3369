"""The Palmer penguins: species (3 classes) or body mass (regression) from measurements."""

from playground.data.assets import PENGUIN_CATEGORIES, PENGUIN_MEASUREMENTS, penguin_columns
from playground.data.dataset import Dataset
from playground.data.errors import DataError
from playground.data.split import check_train_fraction
from playground.data.tables import build_table_dataset

PENGUIN_TARGETS = ("species", "body_mass_g")
"""What a penguin model predicts: "species" (classification) or "body_mass_g" (regression)."""

PENGUIN_FEATURES = PENGUIN_MEASUREMENTS + PENGUIN_CATEGORIES
"""Columns a penguin model may learn from; "island" and "sex" are one-hot encoded."""


def default_penguin_features(target: str) -> tuple[str, ...]:
    """Every measurement that is not the target (no island, no sex)."""
    return tuple(name for name in PENGUIN_MEASUREMENTS if name != target)


def _check_features(features, target: str) -> list[str]:
    chosen = default_penguin_features(target) if features is None else features
    chosen = [chosen] if isinstance(chosen, str) else list(dict.fromkeys(chosen))
    unknown = [str(name) for name in chosen if name not in PENGUIN_FEATURES]
    if unknown:
        raise DataError(
            f"Penguins have no feature {', '.join(unknown)}; choose from "
            f"{', '.join(PENGUIN_FEATURES)}."
        )
    if target in chosen:
        raise DataError(f"'{target}' is what the model predicts; it cannot also be an input.")
    if not chosen:
        raise DataError("Choose at least one penguin feature.")
    return chosen


def load_penguins(
    train_fraction: float = 0.5, seed: int = 0, features=None, target: str = "species"
) -> Dataset:
    """Penguins as a tabular ``Dataset``.

    features: any of ``PENGUIN_FEATURES`` (default: the measurements other than the
    target); "island" and "sex" become one-hot columns. target: "species" gives a
    3-class task (Adelie, Chinstrap, Gentoo), "body_mass_g" a regression in grams
    (standardized; ``target_mean`` / ``target_scale`` give grams back). Rows missing a
    chosen value are dropped and counted in ``notes``; measurements are standardized with
    the training rows' mean and scale (kept in ``encoder``), raw_* keep mm and g.
    """
    if target not in PENGUIN_TARGETS:
        raise DataError(f"Penguins predict one of {', '.join(PENGUIN_TARGETS)}, not '{target}'.")
    chosen = _check_features(features, target)
    task = "classification" if target == "species" else "regression"
    dataset = build_table_dataset(
        "penguins",
        penguin_columns(),
        target,
        chosen,
        task,
        check_train_fraction(train_fraction),
        seed,
        notes=[],
    )
    return dataset
