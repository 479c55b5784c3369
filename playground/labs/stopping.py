"""Early stopping for a Trainer-based session: patience on the test loss (optionally
restoring the best weights) and a target metric, beside the stop epoch.

The settings are playground/config/stop_settings.py's. A StopWatch follows one trainer's
history epoch by epoch: the best (lowest) watched loss, a copy of its weights, and whether
a rule says training is over. It keeps one parameter vector (the best weights), nothing
else that grows. No streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.config.stop_settings import is_loss

# Why a session stopped on its own, as the headless trainer's "stopped" says it.
REASONS = ("max_epochs", "patience", "target", "diverged")


@dataclass(frozen=True)
class Restored:
    """The best weights put back after a patience stop, as the page shows them: epoch, the
    epoch whose weights the model holds (the trainer's epoch counts the epochs trained,
    more); row, that epoch's history row (its losses and scores, "epoch" included)."""

    epoch: int
    row: Mapping[str, float]


@dataclass(frozen=True)
class StopRule:
    """The stop conditions of a settings dict: patience in epochs (0 = off), whether to
    restore the best weights, and the target metric (None = off) with its value."""

    patience: int = 0
    restore_best: bool = False
    metric: str | None = None
    value: float = 0.0

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> StopRule:
        """The rule of a lab's settings (a table without the stop settings: no rule)."""
        metric = settings.get("stop_metric", "off")
        return cls(int(settings.get("patience", 0)), bool(settings.get("restore_best", False)),
                   None if metric == "off" else metric,
                   float(settings.get("stop_value", 0.0)))  # fmt: skip

    @property
    def active(self) -> bool:
        """Whether any condition is on (then training is checked after every epoch)."""
        return self.patience > 0 or self.metric is not None


def reached(metric: str, value: float, target: float) -> bool:
    """Whether `value` of `metric` meets `target`: a loss at or below, a score at or above."""
    if not math.isfinite(value):
        return False
    return value <= target if is_loss(metric) else value >= target


def watched_loss(row: Mapping[str, float]) -> float:
    """The loss patience watches in a history row: the test loss, or the training loss
    when there is no test set (nan)."""
    test = row.get("test_loss", math.nan)
    return test if math.isfinite(test) else row["train_loss"]


class StopWatch:
    """The best epoch of one trainer's run and its weights, and whether a rule stops it.

    best_epoch / best_loss: the epoch with the lowest watched loss so far (epoch 0, before
    training, counts). restored_epoch: the epoch whose weights were put back by restore(),
    until training moves on (resume()). observe() must see the trainer after every epoch
    for the best weights to be kept exactly (TrainingSession trains one epoch at a time
    while a rule is active). Patience counts the epochs since the best one, or since
    resumed_at (the epoch training went on from after a stop) if that is later.
    """

    def __init__(self) -> None:
        self.best_epoch: int | None = None
        self.best_loss = math.inf
        self.restored_epoch: int | None = None
        self._best_row: dict[str, float] | None = None  # best_epoch's history row
        self._best_params: np.ndarray | None = None  # (n_params,) weights of best_epoch
        self._kept_epoch: int | None = None  # the epoch _best_params are from
        self._seen = 0  # history rows looked at
        self.resumed_at: int | None = None  # the epoch training went on from after a stop

    def observe(self, trainer) -> None:
        """Look at the history rows added since the last call; keep the weights when the
        newest row is the best so far."""
        history = trainer.history
        rows = len(history)
        if rows == self._seen:
            return
        self.restored_epoch = None  # the model has trained past what was restored
        for index in range(self._seen, rows):
            row = history[index]
            loss = watched_loss(row)
            if math.isfinite(loss) and loss < self.best_loss:
                self.best_loss, self.best_epoch, self._best_row = loss, int(row["epoch"]), row
        self._seen = rows
        if self.best_epoch == trainer.epoch:
            self._keep(trainer.net.params, trainer.epoch)

    def _keep(self, params: np.ndarray, epoch: int) -> None:
        if self._best_params is None or self._best_params.shape != params.shape:
            self._best_params = np.empty_like(params)
        np.copyto(self._best_params, params)
        self._kept_epoch = epoch

    def reason(self, trainer, rule: StopRule) -> str | None:
        """ "target" when the newest row meets the rule's target, "patience" when the
        watched loss has not improved for rule.patience epochs, else None."""
        row = trainer.history[-1]
        metric = rule.metric
        if metric is not None and metric in row and reached(metric, row[metric], rule.value):
            return "target"
        if self.best_epoch is None or not rule.patience:
            return None
        stalled = trainer.epoch - max(self.best_epoch, self.resumed_at or 0)
        return "patience" if stalled >= rule.patience else None

    def resume(self, trainer) -> None:
        """Training goes on after a patience stop (Step, Play, an edited weight): patience
        counts afresh from this epoch, and restored weights are no longer what the model
        will hold. The best epoch, its loss and its kept weights stay."""
        self.resumed_at = trainer.epoch
        self.restored_epoch = None

    def adopt(self, trainer, epoch: int) -> None:
        """The trainer's weights are those of `epoch`, restored before (an imported model
        whose history runs past it): keep them as the best epoch's, restored."""
        row = next((trainer.history[i] for i in range(len(trainer.history))
                    if trainer.history[i]["epoch"] == epoch), None)  # fmt: skip
        if row is None:
            raise ValueError(f"the history has no row of epoch {epoch}")
        self.best_epoch, self.best_loss, self._best_row = epoch, watched_loss(row), row
        self._keep(trainer.net.params, epoch)
        self.restored_epoch = epoch

    def can_restore(self, trainer) -> bool:
        """Whether the best epoch's weights are kept and differ from the current epoch's."""
        return (
            self._kept_epoch is not None
            and self._kept_epoch == self.best_epoch
            and (self.best_epoch != trainer.epoch)
        )

    def restore(self, trainer) -> bool:
        """Put the best epoch's weights back into the trainer's network; True if done."""
        if self.restored_epoch is not None:
            return True
        if not self.can_restore(trainer):
            return False
        np.copyto(trainer.net.params, self._best_params)
        self.restored_epoch = self.best_epoch
        return True

    def best_row(self, trainer=None) -> dict[str, float] | None:
        """The history row of the restored epoch (the restored weights' metrics), or None.
        (trainer: unused, kept for callers written before the row was kept here.)"""
        if self.restored_epoch is None or self._best_row is None:
            return None
        return dict(self._best_row)

    def restored(self) -> Restored | None:
        """What restore() put back, for the views and the stats (None when nothing is)."""
        row = self.best_row()
        return None if row is None else Restored(self.restored_epoch, row)


def stop_message(reason: str | None, rule: StopRule, watch: StopWatch, epoch: int) -> str:
    """One plain sentence for the page and the command line: why training stopped at
    `epoch` (reason one of REASONS other than "diverged") and what was restored."""
    if reason == "target":
        word = "fell to" if is_loss(rule.metric) else "reached"
        name = rule.metric.replace("_", " ")
        return (f"Training stopped at epoch {epoch}: {name} {word} the target "
                f"{rule.value:g}. Change the target or turn it off to go on.")  # fmt: skip
    if reason == "patience":
        return _patience_message(rule, watch, epoch)
    return ""


def _patience_message(rule: StopRule, watch: StopWatch, epoch: int) -> str:
    """Why patience stopped training at `epoch` (again, when it went on after a stop),
    what was restored, and how to go on."""
    again = watch.resumed_at is not None and watch.resumed_at > watch.best_epoch
    stalled = f"{rule.patience} epoch{'s' if rule.patience != 1 else ''}"
    if again:
        stalled += f" since training went on at epoch {watch.resumed_at}"
    text = (f"Training stopped {'again ' * again}at epoch {epoch}: the test loss had not "
            f"improved for {stalled} (best at epoch {watch.best_epoch}).")  # fmt: skip
    if watch.restored_epoch is not None:
        text += (f" The best weights, from epoch {watch.restored_epoch}, were restored "
                 f"{'again ' * again}(their loss: {watch.best_loss:.4g}).")  # fmt: skip
    elif rule.restore_best:
        text += " The best weights were not kept (patience was turned on later)."
    return text + (" Step or Play trains on from these weights (patience counts afresh "
                   "from there); or raise the patience, or set it to 0.")  # fmt: skip
