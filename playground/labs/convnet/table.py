"""The vision lab's settings table: the only list of its settings (widgets, URL, validation
and what a change resets are all read from it)."""

from types import MappingProxyType

from playground.config.setting import Setting
from playground.config.table import INITS
from playground.data.image_sets import IMAGE_SETS
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

MAX_CONV_BLOCKS = 3
MAX_FILTERS = 32
KERNEL_SIZES = ("1", "3", "5")
MAX_DENSE_LAYERS = 3
MAX_DENSE_UNITS = 128
MAX_IMAGE = 99  # the test image whose feature maps are shown: 0..MAX_IMAGE


def _data_settings() -> list[Setting]:
    return [
        Setting("dataset", "choice", "digits", "data", "Images",
                "Digits: 8×8 handwriting. Shapes: lines, crosses, squares and circles "
                "anywhere in 12×12 noisy pixels.", "data", choices=tuple(IMAGE_SETS)),
        train_pct_setting("images"),
        seed_setting(),
        Setting("batch_size", "int", 32, "data", "Batch size", "Images per gradient step.",
                "live", low=1, high=512),
    ]  # fmt: skip


def _network_settings() -> list[Setting]:
    return [
        Setting("conv_filters", "int_list", (8,), "network", "Conv blocks (filters)",
                f"Filters per convolution block, up to {MAX_CONV_BLOCKS} blocks of 1 to "
                f"{MAX_FILTERS}; empty = no convolution (a dense network).", "network",
                low=1, high=MAX_FILTERS, min_len=0, max_len=MAX_CONV_BLOCKS),
        Setting("kernel_size", "choice", "3", "network", "Kernel size",
                "Each filter sees a k×k patch (zero padding keeps the image's size).",
                "network", choices=KERNEL_SIZES),
        Setting("conv_activation", "choice", "relu", "network", "Conv activation",
                "Applied to every feature map.", "network", choices=HIDDEN_ACTIVATIONS),
        Setting("pooling", "bool", True, "network", "Max-pooling",
                "After each block, keep the largest value of every 2×2 square (halves the "
                "size; skipped once a map is 1 pixel wide).", "network"),
        Setting("dense", "int_list", (), "network", "Dense layers",
                f"Neurons per hidden dense layer before the softmax output, up to "
                f"{MAX_DENSE_LAYERS} layers of 1 to {MAX_DENSE_UNITS}.", "network", low=1,
                high=MAX_DENSE_UNITS, min_len=0, max_len=MAX_DENSE_LAYERS),
        Setting("dense_activation", "choice", "relu", "network", "Dense activation",
                "Activation of the hidden dense layers.", "network",
                choices=HIDDEN_ACTIVATIONS),
        Setting("init", "choice", "xavier", "network", "Initialization",
                "How the first weights are drawn.", "network", choices=INITS),
    ]  # fmt: skip


def _training_settings() -> list[Setting]:
    return [
        optimizer_setting("adam"),
        learning_rate_setting(0.01),
        max_epochs_setting(),
        *stop_condition_settings(("test_loss", "train_loss", "test_accuracy", "train_accuracy")),
        epoch_speed_setting(),
    ]  # fmt: skip


def _view_settings() -> list[Setting]:
    return [
        Setting("image", "int", 0, "view", "Image for the feature maps",
                f"Which test image (0 to {MAX_IMAGE}) the feature maps show.", "view", low=0,
                high=MAX_IMAGE),
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
