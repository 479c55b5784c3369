"""Settings that several labs' tables share, written once: their ranges, defaults and the
words a student reads are the same fact in every lab that trains with the engine's Trainer.

Each function returns one `Setting`; a lab puts it in its own table where it belongs, and
passes what differs (the noun for its samples, its default) as arguments.
"""

from playground.config.setting import Setting
from playground.config.stop_settings import STOP_METRICS, stop_settings
from playground.config.table import LEARNING_RATE_PRESETS, OPTIMIZERS, SPEEDS
from playground.labs.session import MAX_SEED


def seed_setting(help_text: str = "Random seed of the data and the first weights.") -> Setting:
    """The run's random seed, 0..MAX_SEED; a change rebuilds the data."""
    return Setting("seed", "int", 0, "data", "Seed", help_text, "data", low=0, high=MAX_SEED)


def train_pct_setting(noun: str = "samples") -> Setting:
    """The share of the `noun` used for training, 10..90 % in steps of 10."""
    return Setting("train_pct", "int", 50, "data", "Training data (%)",
                   f"Share of the {noun} used for training; the rest is the test set.", "data",
                   low=10, high=90, step=10)  # fmt: skip


def optimizer_setting(default: str = "adam") -> Setting:
    """The engine's optimizer, changed without a reset."""
    return Setting("optimizer", "choice", default, "training", "Optimizer",
                   "How gradients move the weights.", "live", choices=OPTIMIZERS)  # fmt: skip


def learning_rate_setting(default: float, label: str = "Learning rate", **extra) -> Setting:
    """The step size, 1e-6..10 with the first lab's stops; extra: e.g. variants."""
    return Setting("learning_rate", "float", default, "training", label,
                   "Step size of each update.", "live", low=1e-6, high=10.0,
                   presets=LEARNING_RATE_PRESETS, **extra)  # fmt: skip


def max_epochs_setting() -> Setting:
    """The epoch training pauses at (0 = no limit)."""
    return Setting("max_epochs", "int", 0, "training", "Stop after epochs",
                   "Training pauses at this epoch; 0 = no limit.", "live", low=0,
                   high=1_000_000)  # fmt: skip


def stop_condition_settings(metrics: tuple[str, ...] = STOP_METRICS) -> tuple[Setting, ...]:
    """The stop conditions beside the stop epoch (patience, restore best, target metric
    and value; config/stop_settings.py): put them right after max_epochs_setting().
    metrics: the targets the lab's history has, e.g. ("test_loss", "train_loss")."""
    return stop_settings(metrics)


def epoch_speed_setting() -> Setting:
    """Epochs per live update, or auto (as many as the frame budget allows)."""
    return Setting("speed", "choice", "auto", "training", "Speed",
                   "Epochs per update; auto = as many as the frame budget allows.", "view",
                   choices=SPEEDS)  # fmt: skip
