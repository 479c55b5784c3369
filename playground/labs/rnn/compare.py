"""SimpleRNN against LSTM on the same data: the other cell type trained on demand.

The gradient-through-time view shows how much of the last step's loss reaches each earlier
step for the student's network. Whether that fades faster in a SimpleRNN than in an LSTM
is the lesson, so the lab can train the OTHER cell type (same task, data, units, weight
seed, optimizer settings) for the same number of epochs and measure the same thing on
the same test sequences. It runs outside the session's lock (live training goes on) and
within a time budget; if the budget ends first, the comparison says how many epochs it got.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.data.sequences import SequenceTask
from playground.engine import Trainer, time_step_gradient_norms
from playground.labs.rnn.model import build_network, last_step_targets, loss_of
from playground.labs.session import TRAINING_CLOCK

COMPARE_SECONDS = 20.0  # the most one comparison may train (training time, one core)
OTHER_CELL = {"rnn": "lstm", "lstm": "rnn"}
GRADIENT_ROWS = 64  # test sequences the gradient per step is averaged over


@dataclass(frozen=True)
class CellComparison:
    """The other cell's result: cell ("rnn" or "lstm"), epochs it trained (of `wanted`),
    seconds it took, step_gradients (steps,) = mean ||dL/dh_t|| from the loss at the last
    step, test_score (accuracy or R²; the mean cross-entropy in nats for text: test_loss),
    model_version: the student's model it was made for (stale once that is rebuilt)."""

    cell: str
    epochs: int
    wanted: int
    seconds: float
    step_gradients: np.ndarray
    test_loss: float
    test_score: float
    model_version: int


def step_gradients(net, task: SequenceTask) -> np.ndarray:
    """Mean ||dL/dh_t|| (steps,) over the first GRADIENT_ROWS test sequences, from the loss
    at the last step only (see last_step_targets)."""
    rows = slice(0, min(GRADIENT_ROWS, len(task.X_test)))
    y = last_step_targets(task, task.y_test[rows])
    with np.errstate(all="ignore"):
        return time_step_gradient_norms(net, task.X_test[rows], y, loss_of(task))


def train_other_cell(task: SequenceTask, settings: dict[str, Any], epochs: int,
                     weight_seed: int, model_version: int,
                     seconds: float = COMPARE_SECONDS) -> CellComparison:  # fmt: skip
    """Train OTHER_CELL[settings["cell"]] with the same units on `task` for `epochs` epochs
    (fewer if `seconds` of training time run out) with the session's optimizer settings."""
    cell = OTHER_CELL[settings["cell"]]
    net = build_network(task, cell, settings["units"], weight_seed)
    trainer = Trainer(net, task.X_train, task.y_train, task.X_test, task.y_test,
                      loss=loss_of(task), optimizer=settings["optimizer"], seed=weight_seed,
                      learning_rate=settings["learning_rate"], batch_size=settings["batch_size"],
                      clip_norm=settings["clip_norm"] or None, clock=TRAINING_CLOCK)  # fmt: skip
    start = TRAINING_CLOCK()
    while trainer.epoch < epochs and trainer.status == "ok":
        left = seconds - (TRAINING_CLOCK() - start)
        if left <= 0 or trainer.run_for(left, max_epochs=epochs - trainer.epoch) == 0:
            break
    row = trainer.history[-1]
    score = next(v for k, v in row.items() if k.startswith("test_") and k != "test_loss")
    seconds_spent = TRAINING_CLOCK() - start
    return CellComparison(cell, trainer.epoch, epochs, seconds_spent, step_gradients(net, task),
                          float(row["test_loss"]), float(score), model_version)  # fmt: skip


def describe(result: CellComparison, task: str, units: int) -> str:
    """One plain sentence about a comparison: what was trained, how long, how well."""
    from playground.labs.rnn.table import CELL_NAMES

    if task == "text":
        score = f"test {result.test_loss / np.log(2):.2f} bits per character"
    elif task == "waves":
        score = f"test R² {result.test_score:.2f}"
    else:
        score = f"test accuracy {result.test_score:.0%}"
    cut = "" if result.epochs == result.wanted else f" (of {result.wanted}: time ran out)"
    epochs = f"{result.epochs} epoch{'' if result.epochs == 1 else 's'}{cut}"
    return (f"{CELL_NAMES[result.cell]} with the same {units} units and data: {epochs} in "
            f"{result.seconds:.1f} s, {score}. Its bars are beside this network's in the "
            "gradient view.")  # fmt: skip
