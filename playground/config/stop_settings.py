"""The stop conditions beside "stop after epochs", as settings: written once here for every
lab that trains with the engine's Trainer (the first lab's table and, through
labs/common_settings.py, every other lab's).

    patience      stop when the test loss has not improved for this many epochs (0 = off)
    restore_best  then go back to the weights of the epoch with the lowest test loss
    stop_metric   stop once this metric reaches stop_value ("off" = no target)
    stop_value    the target: a loss at or below it, a score (accuracy, R²) at or above it

What they do while training is playground/labs/stopping.py's.
"""

from types import MappingProxyType

from playground.config.setting import Setting, Variant

MAX_PATIENCE = 100_000
# Metrics a target can name: keys of the trainer's history (and of the headless trainer's
# lines). A loss must fall to its target; any other metric (a score) must rise to it.
STOP_METRICS = ("test_loss", "train_loss", "test_accuracy", "train_accuracy", "test_r2",
                "train_r2")  # fmt: skip
LOSS_PRESETS = (0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
ACCURACY_PRESETS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 1.0)
R2_PRESETS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)


def is_loss(metric: str) -> bool:
    """Whether `metric` is a loss (lower is better) rather than a score (higher is better)."""
    return metric.endswith("_loss")


def _variant(metric: str) -> Variant:
    if is_loss(metric):
        return Variant(0.1, LOSS_PRESETS)
    return Variant(0.9, R2_PRESETS) if metric.endswith("_r2") else Variant(0.95, ACCURACY_PRESETS)


def stop_settings(metrics: tuple[str, ...] = STOP_METRICS) -> tuple[Setting, ...]:
    """The four stop settings (group "training", applied live); `metrics`: the targets a
    lab offers, a subset of STOP_METRICS in menu order."""
    unknown = set(metrics) - set(STOP_METRICS)
    if unknown:
        raise ValueError(f"unknown stop metrics: {sorted(unknown)}")
    variants = MappingProxyType({m: _variant(m) for m in metrics})
    return (
        Setting("patience", "int", 0, "training", "Stop when test loss stalls (epochs)",
                "Training stops when the test loss has not improved for this many epochs "
                "(the training loss when there is no test set); 0 = off.", "live", low=0,
                high=MAX_PATIENCE),
        Setting("restore_best", "bool", False, "training", "Restore the best weights",
                "When the test loss stalled, go back to the weights of the epoch with the "
                "lowest test loss.", "live"),
        Setting("stop_metric", "choice", "off", "training", "Stop at a target",
                "Training stops once this metric reaches the target value: a loss at or "
                "below it, an accuracy or R² at or above it.", "live",
                choices=("off", *metrics)),
        Setting("stop_value", "float", 0.95, "training", "Target value",
                "The value the chosen metric must reach (accuracy as a fraction, 0.95 = "
                "95 %).", "live", low=-1000.0, high=1_000_000.0, presets=ACCURACY_PRESETS,
                shown_when=("stop_metric", metrics), variants=("stop_metric", variants)),
    )  # fmt: skip
