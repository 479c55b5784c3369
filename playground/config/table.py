"""The table of every user setting: the only list of them in the project.

`build_settings` takes the choice lists as plain tuples; `SETTINGS` is the table built with
the engine's and the data package's registries, so a new activation or data set appears in
the widgets, the URL and the validation at once.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from playground.config.boxes import BOX_NAMES
from playground.config.setting import GROUPS, Setting, Variant
from playground.config.stop_settings import stop_settings
from playground.config.toolbar import BUTTON_NAMES
from playground.data import DATASETS as BUILT_IN_DATASETS
from playground.data import FEATURES_2D, PENGUIN_FEATURES, PENGUIN_MEASUREMENTS
from playground.engine import HIDDEN_ACTIVATIONS, INITIALIZERS
from playground.engine import OPTIMIZERS as ENGINE_OPTIMIZERS
from playground.hosting import HOST

# The choice lists come from the registries (one place per fact): the data sets, the 2-D
# input features, the activations, initializations and optimizers.
DATASETS = (*BUILT_IN_DATASETS, "csv")
# Data sets with named columns: the problem type and the two plane features apply to them.
TABULAR_DATASETS = ("penguins", "csv")
PROBLEMS = ("auto", "classification", "regression")
FEATURES = FEATURES_2D
ACTIVATIONS = HIDDEN_ACTIVATIONS
LOSSES = ("cross_entropy", "squared_error")
INITS = tuple(INITIALIZERS)
OPTIMIZERS = tuple(ENGINE_OPTIMIZERS)
REGULARIZATIONS = ("none", "l1", "l2", "dropout")
# Epochs per update, or "auto" (as many as the frame's time allows), or one of SLOW_SPEEDS:
# one mini-batch or one epoch per update, at a pace a person can follow.
SLOW_SPEEDS = ("batch", "epoch")
SPEEDS = ("auto", *SLOW_SPEEDS, "1", "5", "10", "50", "100")
LEARNING_RATE_PRESETS = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATE_PRESETS = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUT_MAX_RATE = 0.9  # a higher drop probability leaves almost no network to train
DROPOUT_PRESETS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, DROPOUT_MAX_RATE)
# The rate a regularization starts with when chosen (a rate of 0 would do nothing); dropout's
# is a drop probability, with its own stops.
REG_RATE_VARIANTS = MappingProxyType({
    "l1": Variant(0.001, REG_RATE_PRESETS),
    "l2": Variant(0.001, REG_RATE_PRESETS),
    "dropout": Variant(0.2, DROPOUT_PRESETS),
})  # fmt: skip
MAX_LAYERS = HOST.max_layers  # the host's limits (playground/hosting.py)
MAX_NEURONS = HOST.max_neurons


def _data_settings(
    datasets: tuple[str, ...], tabular: tuple[str, ...], datasets_2d: tuple[str, ...]
) -> list[Setting]:
    plane_help = "Feature drawn on the {} axis of the plane; empty = the {} column."
    return [
        Setting("dataset", "choice", "circle", "data", "Data set",
                "Which data to learn.", "data", choices=datasets),
        Setting("problem", "choice", "auto", "data", "Problem type",
                "Classification or regression; auto picks the data set's usual task.",
                "data", choices=PROBLEMS, shown_when=("dataset", tabular)),
        Setting("inputs", "multi_choice", PENGUIN_MEASUREMENTS, "data", "Columns to learn from",
                "The penguins' measurements, island and sex (one-hot encoded); the column "
                "predicted is left out.", "data", choices=PENGUIN_FEATURES, min_len=1,
                max_len=len(PENGUIN_FEATURES), shown_when=("dataset", ("penguins",))),
        Setting("noise", "int", 0, "data", "Noise (%)",
                "How much the points or labels are disturbed.", "data", low=0, high=50, step=5,
                shown_when=("dataset", datasets_2d)),
        Setting("train_pct", "int", 50, "data", "Training data (%)",
                "Share of the points used for training; the rest is the test set.",
                "data", low=10, high=90, step=10),
        Setting("seed", "int", 0, "data", "Seed",
                "Random seed of the data and the first weights.", "data", low=0, high=999_999),
        Setting("batch_size", "int", 10, "data", "Batch size",
                "Points per gradient step.", "live", low=1, high=512),
        Setting("plane_x", "str", "", "data", "Plane x feature",
                plane_help.format("x", "first"), "view", max_len=64,
                shown_when=("dataset", tabular)),
        Setting("plane_y", "str", "", "data", "Plane y feature",
                plane_help.format("y", "second"), "view", max_len=64,
                shown_when=("dataset", tabular)),
    ]  # fmt: skip


def _network_settings(
    datasets_2d: tuple[str, ...], features: tuple[str, ...], activations: tuple[str, ...]
) -> list[Setting]:
    return [
        Setting("features", "multi_choice", ("x1", "x2"), "network", "Input features",
                "What the network sees of each point (at least one).", "network",
                choices=features, min_len=1, max_len=len(features),
                shown_when=("dataset", datasets_2d)),
        Setting("hidden", "int_list", (4, 2), "network", "Hidden layers",
                f"Neurons per hidden layer: up to {MAX_LAYERS} layers of 1 to {MAX_NEURONS}.",
                "network", low=1, high=MAX_NEURONS, min_len=0, max_len=MAX_LAYERS),
        Setting("activation", "choice", "tanh", "network", "Activation",
                "Activation of every hidden layer.", "network", choices=activations,
                replaced_by="layer_activations"),
        Setting("layer_activations", "choice_list", (), "network", "Activation per layer",
                "One activation per hidden layer; empty = all use the activation above.",
                "network", choices=activations, min_len=0, max_len=MAX_LAYERS),
        Setting("loss", "choice", "cross_entropy", "network", "Loss",
                "Loss for classification; regression always uses squared error.",
                "network", choices=LOSSES),
        Setting("init", "choice", "xavier", "network", "Initialization",
                "How the first weights are drawn.", "network", choices=INITS),
    ]  # fmt: skip


def _training_settings(optimizers: tuple[str, ...], regs: tuple[str, ...]) -> list[Setting]:
    return [
        Setting("optimizer", "choice", "sgd", "training", "Optimizer",
                "How gradients move the weights.", "live", choices=optimizers),
        Setting("learning_rate", "float", 0.03, "training", "Learning rate",
                "Step size of each update.", "live", low=1e-6, high=10.0,
                presets=LEARNING_RATE_PRESETS),
        Setting("momentum", "float", 0.9, "training", "Momentum",
                "Share of the last step kept.", "live", low=0.0, high=0.99, decimals=2,
                shown_when=("optimizer", ("momentum",))),
        Setting("beta1", "float", 0.9, "training", "Adam beta1",
                "Decay of the gradient's running mean.", "live", low=0.0, high=0.999,
                decimals=3, shown_when=("optimizer", ("adam",))),
        Setting("beta2", "float", 0.999, "training", "Adam beta2",
                "Decay of the squared gradient's running mean.", "live", low=0.0,
                high=0.9999, decimals=4, shown_when=("optimizer", ("adam",))),
        Setting("rmsprop_alpha", "float", 0.99, "training", "RMSprop alpha",
                "Decay of the squared gradient's running mean.", "live", low=0.0,
                high=0.999, decimals=3, shown_when=("optimizer", ("rmsprop",))),
        Setting("regularization", "choice", "none", "training", "Regularization",
                "Penalty on large weights (L1, L2) or randomly dropped neurons.", "live",
                choices=regs),
        Setting("reg_rate", "float", 0.0, "training", "Regularization rate",
                "Strength of the penalty; for dropout the drop probability (at most "
                f"{DROPOUT_MAX_RATE}). Choosing a regularization sets a typical rate.",
                "live", low=0.0, high=10.0, presets=REG_RATE_PRESETS,
                shown_when=("regularization", tuple(r for r in regs if r != "none")),
                variants=("regularization", REG_RATE_VARIANTS)),
        Setting("max_epochs", "int", 0, "training", "Stop after epochs",
                "Training pauses at this epoch; 0 = no limit.", "live", low=0, high=1_000_000),
        *stop_settings(),
        Setting("speed", "choice", "auto", "training", "Speed",
                "Epochs per update; auto = as many as the frame budget allows. The slow "
                "speeds train one mini-batch or one epoch per update, a few updates a "
                "second, to watch a step happen.", "view", choices=SPEEDS),
    ]  # fmt: skip


def _view_toggles() -> list[Setting]:
    return [
        Setting("show_test", "bool", False, "view", "Show test data",
                "Draw the test points on the plane.", "view"),
        Setting("discretize", "bool", False, "view", "Discretize output",
                "Show the predicted class instead of the smooth output.", "view"),
        Setting("log_loss", "bool", False, "view", "Log scale", "Loss chart on a log scale.",
                "view"),
        Setting("present", "bool", False, "view", "Presentation mode",
                "For a projector: larger text and lines, only the network, the output and "
                "the loss, the sidebar closed.", "view"),
    ]  # fmt: skip


def _hide_setting(hideable: tuple[str, ...]) -> Setting:
    return Setting("hide", "multi_choice", (), "view", "Hidden controls",
                   "Panels, settings, toolbar buttons or boxes a teacher hides from the page (set "
                   "through the URL; hidden ones cannot be changed from the page).",
                   "view", choices=hideable, max_len=len(hideable))  # fmt: skip


def build_settings(
    datasets: tuple[str, ...] = DATASETS,
    tabular_datasets: tuple[str, ...] = TABULAR_DATASETS,
    datasets_2d: tuple[str, ...] | None = None,
    features: tuple[str, ...] = FEATURES,
    activations: tuple[str, ...] = ACTIVATIONS,
    optimizers: tuple[str, ...] = OPTIMIZERS,
    regularizations: tuple[str, ...] = REGULARIZATIONS,
) -> tuple[Setting, ...]:
    """Build the settings table from the given name lists (registries' names, in order).

    datasets_2d: data sets drawn on the (x1, x2) plane, for which the input features apply;
    None = every data set except the tabular ones and "digits".
    Returns the settings in page order, grouped data, network, training, view.
    """
    if datasets_2d is None:
        datasets_2d = tuple(d for d in datasets if d not in (*tabular_datasets, "digits"))
    settings = [
        *_data_settings(datasets, tabular_datasets, datasets_2d),
        *_network_settings(datasets_2d, features, activations),
        *_training_settings(optimizers, regularizations),
        *_view_toggles(),
    ]
    hideable = (*GROUPS, *(s.name for s in settings), *BUTTON_NAMES, *BOX_NAMES)
    return (*settings, _hide_setting(hideable))


SETTINGS: tuple[Setting, ...] = build_settings()
SETTINGS_BY_NAME: Mapping[str, Setting] = MappingProxyType({s.name: s for s in SETTINGS})


def defaults(table: Mapping[str, Setting] = SETTINGS_BY_NAME) -> dict[str, Any]:
    """A fresh dict of every setting's default value, keyed by name."""
    return {name: setting.default for name, setting in table.items()}
