"""The autoencoder lab's settings table: the only list of its settings (widgets, URL,
validation and what a change resets are all read from it)."""

from types import MappingProxyType

from playground.config.setting import Setting, Variant
from playground.config.table import (
    INITS,
    LEARNING_RATE_PRESETS,
    MAX_LAYERS,
    MAX_NEURONS,
)
from playground.data.unsupervised import UNSUPERVISED_DATASETS
from playground.engine import HIDDEN_ACTIVATIONS
from playground.labs.common_settings import (
    epoch_speed_setting,
    learning_rate_setting,
    max_epochs_setting,
    optimizer_setting,
    seed_setting,
    stop_condition_settings,
    train_pct_setting,
)

DATASETS = tuple(UNSUPERVISED_DATASETS)
IMAGE_DATASETS = tuple(n for n, info in UNSUPERVISED_DATASETS.items() if info.kind == "images")
OUTPUTS = ("sigmoid", "linear")
MAX_CODE = 16
NO_CLASS = "none"
# The class a set may leave out of training, one setting per labelled set (its choices
# are that set's classes): data set name -> (setting name, class names).
LEAVE_OUT = MappingProxyType({
    "digits": ("leave_out_digit", tuple(str(d) for d in range(10))),
    "penguins": ("leave_out_species", ("Adelie", "Chinstrap", "Gentoo")),
})  # fmt: skip
CLASS_WORD = MappingProxyType({"digits": "digit", "penguins": "species"})
# Pixels lie in 0..1, which a sigmoid output matches; standardized measurements can be any
# number, so they need a linear output.
OUTPUT_VARIANTS = MappingProxyType({
    name: Variant("sigmoid" if name in IMAGE_DATASETS else "linear") for name in DATASETS
})  # fmt: skip
# Measured (tests/labs/autoencoder/test_autoencoder_claims.py): at 0.003 the S-curve
# unfolds slowly (neighbour R^2 0.88 after 100 epochs); the small sets take 0.01.
LEARNING_RATE_VARIANTS = MappingProxyType({
    name: Variant(0.003 if name in IMAGE_DATASETS else 0.01, LEARNING_RATE_PRESETS)
    for name in DATASETS
})  # fmt: skip


def _data_settings() -> list[Setting]:
    leave_out = [
        Setting(name, "choice", NO_CLASS, "data", f"Leave out a {CLASS_WORD[d]}",
                "Train without this class, then see whether its reconstruction errors give it "
                "away as unusual (anomaly detection).", "data", choices=(NO_CLASS, *classes),
                shown_when=("dataset", (d,)))
        for d, (name, classes) in LEAVE_OUT.items()
    ]  # fmt: skip
    return [
        Setting("dataset", "choice", "digits", "data", "Data set",
                "What the network learns to copy. Labels only colour the views.", "data",
                choices=DATASETS),
        *leave_out,
        train_pct_setting("samples"),
        seed_setting("Random seed of the data split and the first weights."),
        Setting("batch_size", "int", 10, "data", "Batch size", "Samples per gradient step.",
                "live", low=1, high=512),
    ]  # fmt: skip


def _network_settings() -> list[Setting]:
    return [
        Setting("encoder", "int_list", (32,), "network", "Encoder layers",
                f"Neurons per layer between the input and the code: up to {MAX_LAYERS} layers "
                f"of 1 to {MAX_NEURONS}.", "network", low=1, high=MAX_NEURONS, min_len=0,
                max_len=MAX_LAYERS),
        Setting("code_size", "int", 2, "network", "Code size",
                "Neurons in the middle layer, the code. With 2 the code is a point on a plane.",
                "network", low=1, high=MAX_CODE),
        Setting("decoder", "int_list", (), "network", "Decoder layers",
                "Neurons per layer between the code and the output; empty = the encoder's "
                "layers in reverse (a mirror).", "network", low=1, high=MAX_NEURONS, min_len=0,
                max_len=MAX_LAYERS),
        Setting("activation", "choice", "tanh", "network", "Activation",
                "Activation of the encoder's and decoder's layers.", "network",
                choices=HIDDEN_ACTIVATIONS),
        Setting("code_activation", "choice", "linear", "network", "Code activation",
                "Activation of the code layer; linear lets the code take any value.",
                "network", choices=HIDDEN_ACTIVATIONS),
        Setting("output", "choice", "sigmoid", "network", "Output activation",
                "Sigmoid for pixels in 0..1, linear for standardized measurements.", "network",
                choices=OUTPUTS, variants=("dataset", OUTPUT_VARIANTS)),
        Setting("init", "choice", "xavier", "network", "Initialization",
                "How the first weights are drawn.", "network", choices=INITS),
    ]  # fmt: skip


def _training_settings() -> list[Setting]:
    return [
        optimizer_setting("adam"),
        learning_rate_setting(0.003, variants=("dataset", LEARNING_RATE_VARIANTS)),
        max_epochs_setting(),
        *stop_condition_settings(("test_loss", "train_loss")),
        epoch_speed_setting(),
    ]  # fmt: skip


def _view_settings() -> list[Setting]:
    return [
        Setting("threshold_pct", "int", 95, "view", "Anomaly threshold (percentile)",
                "Flag a test sample as unusual when its reconstruction error is above this "
                "percentile of the training samples' errors.", "view", low=50, high=100),
        Setting("log_loss", "bool", False, "view", "Log scale", "Loss chart on a log scale.",
                "view"),
    ]  # fmt: skip


SETTINGS: tuple[Setting, ...] = (
    *_data_settings(),
    *_network_settings(),
    *_training_settings(),
    *_view_settings(),
)
TABLE = MappingProxyType({s.name: s for s in SETTINGS})
"""Setting name -> Setting, in page order."""


def leave_out_class(settings) -> str | None:
    """The class the settings leave out of training for their data set, or None."""
    name, _ = LEAVE_OUT.get(settings["dataset"], (None, ()))
    value = settings.get(name, NO_CLASS) if name else NO_CLASS
    return None if value == NO_CLASS else value
