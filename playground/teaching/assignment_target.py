"""Checking an assignment's target against a session: its metric read from the session's
per-epoch history, its limits checked against the settings. NumPy only.

    p = progress(target, snapshot.history, settings, table)
    p.reached_epoch    # the first epoch (within the budget) at which the metric met the
                       # target while the settings are within every limit; None = not yet
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.teaching.assignment import Limit, Target

METRIC_LABELS = {
    "train_loss": "training loss",
    "test_loss": "test loss",
    "train_accuracy": "training accuracy",
    "test_accuracy": "test accuracy",
    "train_r2": "training R²",
    "test_r2": "test R²",
    "roc_area": "ROC area",
    "pca_test_loss": "PCA's test loss",
    "train_loss_rises": "epochs whose training loss rose",
    "best_test_loss": "lowest test loss",
    "best_test_epoch": "epoch of the lowest test loss",
    "first_layer_gradient": "first layer's gradient",
    "last_layer_gradient": "last layer's gradient",
}
OP_SIGNS = {">=": "≥", "<=": "≤"}


def metric_label(name: str) -> str:
    """A metric's name in words ("test accuracy"; also the headless figures a lesson
    checks, such as "ROC area"); an unlisted column: its name spaced."""
    return METRIC_LABELS.get(name, name.replace("_", " "))


def is_share(name: str) -> bool:
    """Whether a metric is a share shown in percent (the accuracies)."""
    return name.endswith("accuracy")


def format_metric(name: str, value: float | None) -> str:
    """A metric's value as the page shows it: a share in percent (1 decimal), else 4
    significant digits; "—" if there is none."""
    if value is None or not np.isfinite(value):
        return "—"
    return f"{100 * value:.1f} %" if is_share(name) else f"{value:.4g}"


def default_op(name: str) -> str:
    """The comparison a target on this metric usually has: a loss must fall (<=), a score
    rise (>=)."""
    return "<=" if "loss" in name else ">="


def _limit_words(limit: Limit, table: Mapping[str, Any]) -> str:
    setting = table[limit.setting]
    if setting.kind == "int_list":
        return f"at most {limit.most:g} in '{setting.label}' (all together)"
    return f"'{setting.label}' at most {limit.most:g}"


def in_words(parts: list[str]) -> str:
    """Parts joined as a sentence lists them: "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def target_sentence(target: Target, table: Mapping[str, Any]) -> str:
    """The target in one plain sentence naming every limit, e.g. "Reach test accuracy ≥
    95.0 % with at most 6 in 'Hidden layers' (all together) and 'Batch size' at most 20,
    within 500 epochs." """
    goal = (f"Reach {metric_label(target.metric)} {OP_SIGNS[target.op]} "
            f"{format_metric(target.metric, target.value)}")  # fmt: skip
    limits = [_limit_words(limit, table) for limit in target.limits]
    with_part = f" with {in_words(limits)}" if limits else ""
    budget = f", within {target.epochs:,} epochs" if target.epochs else ""
    return f"{goal}{with_part}{budget}."


def limit_value(limit: Limit, settings: Mapping[str, Any]) -> float:
    """The number a limit bounds: the setting's value, or the sum of a list's items."""
    value = settings[limit.setting]
    return float(sum(value)) if isinstance(value, tuple | list) else float(value)


def limit_problem(limit: Limit, settings: Mapping[str, Any], table) -> str | None:
    """A sentence if the settings break the limit, else None."""
    value = limit_value(limit, settings)
    if value <= limit.most:
        return None
    label = table[limit.setting].label
    return f"'{label}' is {value:g} now; the task allows at most {limit.most:g}."


def limit_problems(target: Target, settings: Mapping[str, Any], table) -> list[str]:
    """A sentence for every limit the settings break (empty = all kept)."""
    found = (limit_problem(limit, settings, table) for limit in target.limits)
    return [problem for problem in found if problem]


def limit_checks(target: Target, settings: Mapping[str, Any], table) -> list[tuple[str, bool]]:
    """(a line saying what the settings have against the limit, whether they keep it) for
    every limit of the target, in its order: e.g. ("'Hidden layers' 4 (at most 6)", True)."""
    checks = []
    for limit in target.limits:
        value = limit_value(limit, settings)
        label = table[limit.setting].label
        total = " in all" if table[limit.setting].kind == "int_list" else ""
        checks.append((f"'{label}' {value:g}{total} (at most {limit.most:g})",
                       value <= limit.most))  # fmt: skip
    return checks


@dataclass(frozen=True)
class Progress:
    """Where a session stands on a target.

    measured: whether its history has the metric at all. epoch: the last epoch trained.
    latest, best: the metric's last and best value within the budget (None if none).
    reached_epoch, reached_value: the first epoch that counts (from `counts_from`, within
    the budget) at which the metric met the target, and its value there (None while the
    limits are broken). problems: sentences about broken limits. over_budget: trained past
    the budget without reaching it.
    """

    measured: bool
    epoch: int
    latest: float | None
    best: float | None
    reached_epoch: int | None
    reached_value: float | None
    problems: tuple[str, ...]
    over_budget: bool


def _met(values: np.ndarray, target: Target) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return values >= target.value if target.op == ">=" else values <= target.value


def progress(
    target: Target,
    history: Mapping[str, np.ndarray],
    settings: Mapping[str, Any],
    table,
    counts_from: int = 1,
) -> Progress:
    """The session's progress on `target`. history: column name -> (n,) per-epoch values
    with an "epoch" column (a snapshot's history); settings: the session's settings, whose
    limits are checked; counts_from: the first epoch that counts (the earlier ones were
    trained, at least in part, with settings beyond a limit: see limits_broken_until)."""
    epochs = np.asarray(history.get("epoch", ()), dtype=float)
    last = int(epochs[-1]) if epochs.size else 0
    problems = tuple(limit_problems(target, settings, table))
    if target.metric not in history or not epochs.size:
        return Progress(False, last, None, None, None, None, problems, False)
    values = np.asarray(history[target.metric], dtype=float)
    within = (epochs >= max(1, counts_from)) & (
        (epochs <= target.epochs) if target.epochs else True
    )
    finite = within & np.isfinite(values)
    best = None
    if finite.any():
        pick = np.max if target.op == ">=" else np.min
        best = float(pick(values[finite]))
    hits = np.flatnonzero(finite & _met(values, target))
    reached = int(hits[0]) if hits.size and not problems else None
    latest = float(values[-1]) if np.isfinite(values[-1]) else None
    # Past the budget with no epoch that counts (limits broken, or too early): Reset.
    over = bool(target.epochs and last >= target.epochs and reached is None)
    return Progress(True, last, latest, best,
                    None if reached is None else int(epochs[reached]),
                    None if reached is None else float(values[reached]),
                    problems, over)  # fmt: skip
