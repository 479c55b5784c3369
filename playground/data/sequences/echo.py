"""The echo task: repeat the symbol seen `delay` steps ago.

Each sequence is `steps` random symbols out of `symbols`, one-hot encoded. The answer at
step t is the symbol of step t - delay: at every step from `delay` on (every_step=True, the
lab's task, for a head at every step; the steps before have no target, -1), or at the last
step only. The network must keep each symbol in its state while `delay` more symbols
arrive, so the delay measures how far back it remembers.
"""

import numpy as np

from playground.data.sequences.task import NO_TARGET, SequenceTask


def echo(n: int, delay: int, symbols: int = 4, steps: int | None = None, seed: int = 0,
         every_step: bool = False):  # fmt: skip
    """(X (n, steps, symbols) one-hot float64, y int class ids): y (n,) the symbol at step
    steps - 1 - delay (0-based) of each sequence; with every_step, y (n, steps) with
    y[r, t] the symbol at step t - delay, -1 (no target) for t < delay. steps defaults to
    delay + 4 (so there are 4 symbols to recall); it must exceed delay."""
    steps = delay + 4 if steps is None else steps
    if not (delay >= 1 and symbols >= 2 and steps > delay and n >= 1):
        raise ValueError("echo needs delay >= 1, symbols >= 2, steps > delay and n >= 1")
    ids = np.random.default_rng(seed).integers(0, symbols, size=(n, steps))
    X = np.eye(symbols)[ids]
    if not every_step:
        return X, ids[:, steps - 1 - delay].copy()
    y = np.full((n, steps), NO_TARGET, dtype=np.int64)
    y[:, delay:] = ids[:, : steps - delay]
    return X, y


ANSWERS: tuple[str, ...] = ("every", "last")  # where the lab's echo asks for the answer


def echo_task(delay: int, symbols: int = 4, train: int = 1000, test: int = 500,
              seed: int = 0, answer: str = "every") -> SequenceTask:  # fmt: skip
    """The echo task as a SequenceTask: `train` and `test` sequences of delay + 4 steps
    with targets per step (y (n, steps)): at every step from `delay` on (answer="every":
    4 symbols to hold at once), or at the last step only (answer="last": one symbol, the
    4th, held for `delay` steps; the other steps have no target)."""
    if answer not in ANSWERS:
        raise ValueError(f"echo's answer must be one of {ANSWERS}, got {answer!r}")
    X, y = echo(train, delay, symbols, seed=seed, every_step=True)
    X_test, y_test = echo(test, delay, symbols, seed=seed + 1, every_step=True)
    if answer == "last":
        y[:, :-1] = y_test[:, :-1] = NO_TARGET
    names = tuple(str(k) for k in range(symbols))
    return SequenceTask("echo", "classes", X, y, X_test, y_test, symbols=names)
