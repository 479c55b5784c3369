"""The echo task: repeat the symbol seen `delay` steps ago.

Each sequence is `steps` random symbols out of `symbols`, one-hot encoded; the answer at its
last step T is the symbol of step T - delay. The network must keep that symbol in its state
while `delay` more symbols arrive, so the delay measures how far back it remembers.
"""

import numpy as np

from playground.data.sequences.task import SequenceTask


def echo(n: int, delay: int, symbols: int = 4, steps: int | None = None, seed: int = 0):
    """(X (n, steps, symbols) one-hot float64, y (n,) int class ids) with y[r] the symbol at
    step steps - 1 - delay (0-based) of sequence r. steps defaults to delay + 4 (so the
    symbol to recall is not simply the first one); it must exceed delay."""
    steps = delay + 4 if steps is None else steps
    if not (delay >= 1 and symbols >= 2 and steps > delay and n >= 1):
        raise ValueError("echo needs delay >= 1, symbols >= 2, steps > delay and n >= 1")
    ids = np.random.default_rng(seed).integers(0, symbols, size=(n, steps))
    X = np.eye(symbols)[ids]
    return X, ids[:, steps - 1 - delay].copy()


def echo_task(delay: int, symbols: int = 4, train: int = 1000, test: int = 500,
              seed: int = 0) -> SequenceTask:  # fmt: skip
    """The echo task as a SequenceTask: `train` and `test` sequences of delay + 4 steps."""
    X, y = echo(train, delay, symbols, seed=seed)
    X_test, y_test = echo(test, delay, symbols, seed=seed + 1)
    names = tuple(str(k) for k in range(symbols))
    return SequenceTask("echo", "classes", X, y, X_test, y_test, symbols=names)
