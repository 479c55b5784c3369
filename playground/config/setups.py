"""Each data set's suggested setup: the network and training it opens with (data, not code).

Choosing a data set applies its setup; a value the URL gives explicitly wins over it. The
URL is written against the data set's setup (see query.py), so `?dataset=digits` alone means
digits with its suggested setup, and a student's own change still shows in the address.

Every setup was trained headless to a stated test score (tests/test_setups.py): with the
4-2 tanh defaults digits reached 73 %, spiral x3 52 %; with these, 96 % and 99 %.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from playground.config.coerce import describe
from playground.config.rules import is_shown
from playground.config.setting import Setting
from playground.config.table import SETTINGS_BY_NAME

# The settings a setup decides; the others (noise, split, seed, speed, view) stay as the
# student left them. A setup names only what differs from the defaults, and every key
# listed here is reset to the setup's value on choosing a data set.
SETUP_KEYS = (
    "features",
    "hidden",
    "activation",
    "layer_activations",
    "loss",
    "init",
    "optimizer",
    "learning_rate",
    "momentum",
    "beta1",
    "beta2",
    "rmsprop_alpha",
    "regularization",
    "reg_rate",
    "batch_size",
)
_SIN_FEATURES = ("x1", "x2", "sin(x1)", "sin(x2)")
_ADAM = {"optimizer": "adam", "learning_rate": 0.01}

SUGGESTED_SETUPS: Mapping[str, Mapping[str, Any]] = MappingProxyType({
    "circle": {},  # TF Playground's defaults: 4-2 tanh, SGD at 0.03, batch 10
    "xor": {"hidden": (8,)},  # 4-2 stalls at 70 % on some seeds
    "gauss": {},
    "spiral": {"features": _SIN_FEATURES, "hidden": (8, 8)},
    "moons": {},
    "spiral3": {"features": _SIN_FEATURES, "hidden": (16, 16), **_ADAM},
    "blobs3": {},
    "plane": {},
    "multigauss": {"hidden": (16, 16), **_ADAM},
    "penguins": {"hidden": (8,), **_ADAM},
    # Leaky: with ReLU a few of the 32 die in the first epoch (the pixels are never negative).
    "digits": {"hidden": (32,), "activation": "leaky_relu", "init": "he", "optimizer": "adam",
               "learning_rate": 0.003, "batch_size": 32},
    "csv": {"hidden": (8,), **_ADAM},
})  # fmt: skip
"""Data set name -> the settings its setup changes from the defaults."""

# What a setup note names, in this order (the rest of a setup is in the panels).
_NOTE_KEYS = ("features", "hidden", "activation", "optimizer", "learning_rate", "batch_size")


def suggested_setup(
    dataset: str, table: Mapping[str, Setting] = SETTINGS_BY_NAME
) -> dict[str, Any]:
    """Every SETUP_KEYS setting of the table for this data set: its setup's value, else the
    default. An unknown data set gets the defaults."""
    setup = SUGGESTED_SETUPS.get(dataset, {})
    return {key: setup.get(key, table[key].default) for key in SETUP_KEYS if key in table}


def with_setup(
    settings: Mapping[str, Any], dataset: str, keep: tuple[str, ...] = ()
) -> dict[str, Any]:
    """settings switched to `dataset` with its suggested setup; the names in `keep` keep
    their value from settings (e.g. what a URL gave explicitly)."""
    setup = {k: v for k, v in suggested_setup(dataset).items() if k not in keep}
    return {**settings, "dataset": dataset, **setup}


def setup_note(dataset: str, settings: Mapping[str, Any], kept: tuple[str, ...] = ()) -> str:
    """One plain sentence for the page: which setup was suggested, and what was kept."""
    setup = suggested_setup(dataset)
    parts = [
        f"{SETTINGS_BY_NAME[key].label.lower()} {describe(setup[key])}"
        for key in _NOTE_KEYS
        if is_shown(key, settings) and key not in kept
    ]
    note = f"Suggested setup for this data set: {', '.join(parts)}."
    # Only what applies here: ?dataset=digits&features=... keeps a setting digits do not use.
    kept = tuple(key for key in kept if key in setup and is_shown(key, settings))
    if kept:
        note += f" Kept from the URL: {', '.join(kept)}."
    return note + " Change any of them freely."
