"""SequenceTask: one sequence task's arrays and what the views need to show them."""

from dataclasses import dataclass

import numpy as np

NO_TARGET = -1  # the class id of a step without a target (as the engine's losses read it)


@dataclass(frozen=True)
class SequenceTask:
    """A task for a recurrent network: X_* (n, steps, features) float64 sequences and their
    targets: a class id at every step, y_* (n, steps), NO_TARGET at a step without one
    (kind "classes": echo, text; for a head at every step), or one value per sequence,
    y_* (n,) (kind "values": waves; for a head on the last state).

    name: "echo", "waves" or "text". symbols: the class names (echo's "0".."3", text's
    characters), () for values. series (length,): the whole wave the windows were cut from,
    test_start: where the test windows' targets begin in it (waves only, else None). text:
    the text the windows were cut from (text only, else "").
    """

    name: str
    kind: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    symbols: tuple[str, ...] = ()
    series: np.ndarray | None = None
    test_start: int | None = None
    text: str = ""

    @property
    def steps(self) -> int:
        """Time steps per sequence."""
        return self.X_train.shape[1]

    @property
    def every_step(self) -> bool:
        """Whether the targets are per step (n, steps) rather than one per sequence."""
        return self.y_train.ndim == 2

    @property
    def features(self) -> int:
        """Values per time step."""
        return self.X_train.shape[2]
