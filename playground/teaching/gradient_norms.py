"""Each layer's gradient norm over the epochs: vanishing and exploding gradients, seen.

The trainer knows the norm of its last step's gradient per layer (trainer.gradient_norms);
a GradientNormLog samples it after each stretch of training, so a session records how the
norms move as it trains (a deep sigmoid network's first layers get gradients orders of
magnitude smaller than its last: they barely learn).
"""

import numpy as np

MAX_RECORDS = 1_000  # beyond this every other record is dropped: the log stays small


class GradientNormLog:
    """Records (epoch, norms per layer); epochs (n,) and norms (n, layers) read them."""

    def __init__(self, layers: int):
        self._epochs: list[float] = []
        self._norms: list[list[float]] = []
        self.layers = layers

    def record(self, epoch: float, norms) -> None:
        """Add the norms (layers,) measured at `epoch`; all-zero norms (no step taken yet)
        are skipped, and a record at the same epoch replaces the last."""
        norms = [float(n) for n in norms]
        if len(norms) != self.layers or not any(norms):
            return
        if self._epochs and self._epochs[-1] == epoch:
            self._norms[-1] = norms
            return
        self._epochs.append(float(epoch))
        self._norms.append(norms)
        if len(self._epochs) > MAX_RECORDS:
            self._epochs, self._norms = self._epochs[::2], self._norms[::2]

    def __len__(self) -> int:
        return len(self._epochs)

    @property
    def epochs(self) -> np.ndarray:
        """(n,) the epoch of each record (fractional: part-way through an epoch)."""
        return np.array(self._epochs)

    @property
    def norms(self) -> np.ndarray:
        """(n, layers) the gradient norm of each layer's [W; b] at each record."""
        return np.array(self._norms).reshape(len(self._norms), self.layers)


def trainer_epoch(trainer) -> float:
    """The trainer's progress in epochs, counting the part of the epoch under way."""
    batches = max(trainer.batches_per_epoch, 1)
    return trainer.epoch + trainer.batch / batches
