"""The sequence lab's network: one recurrent cell and its head.

Tasks with a class at every step (echo, text) get a softmax at every step,
TimeDistributed(Dense(k, "softmax")) on all the cell's states, trained with cce over the
steps that have a target; the wave (one value per window) gets Dense(1) on the last state.
"""

import numpy as np

from playground.data.sequences import NO_TARGET, SequenceTask
from playground.engine import LSTM, Dense, Sequential, SimpleRNN, TimeDistributed

CELL_TYPES = {"rnn": SimpleRNN, "lstm": LSTM}


def build_network(task: SequenceTask, cell: str, units: int, seed: int) -> Sequential:
    """cell(units) on (steps, features) sequences, then a softmax over the task's symbols
    at every step (per-step targets) or one linear output on the last state (values)."""
    if task.every_step:
        layers = [CELL_TYPES[cell](units, return_sequences=True),
                  TimeDistributed(Dense(len(task.symbols), activation="softmax"))]  # fmt: skip
    else:
        layers = [CELL_TYPES[cell](units), Dense(1)]
    return Sequential(layers, input_shape=(task.steps, task.features), seed=seed)


def loss_of(task: SequenceTask) -> str:
    """Cross-entropy for classes, squared error for values."""
    return "cce" if task.kind == "classes" else "mse"


def last_step_targets(task: SequenceTask, y: np.ndarray) -> np.ndarray:
    """The targets of the loss at the last step only (per-step targets (n, steps) with every
    other step set to "no target"); one-per-sequence targets unchanged. What the gradient
    through time is measured from: how much of the last step's loss reaches each step."""
    if not task.every_step:
        return y
    out = np.full_like(y, NO_TARGET)
    out[:, -1] = y[:, -1]
    return out
