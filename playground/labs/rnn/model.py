"""The sequence lab's network: one recurrent cell and a head on its last state."""

from playground.data.sequences import SequenceTask
from playground.engine import LSTM, Dense, Sequential, SimpleRNN

CELL_TYPES = {"rnn": SimpleRNN, "lstm": LSTM}


def build_network(task: SequenceTask, cell: str, units: int, seed: int) -> Sequential:
    """cell(units) on (steps, features) sequences, then a softmax over the task's symbols
    (classes) or one linear output (values)."""
    head = (Dense(len(task.symbols), activation="softmax") if task.kind == "classes"
            else Dense(1))  # fmt: skip
    return Sequential([CELL_TYPES[cell](units), head], input_shape=(task.steps, task.features),
                      seed=seed)  # fmt: skip


def loss_of(task: SequenceTask) -> str:
    """Cross-entropy for classes, squared error for values."""
    return "cce" if task.kind == "classes" else "mse"
