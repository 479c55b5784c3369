"""Per-epoch metrics: loss and accuracy (classification) or R^2 (linear output) on the
training and test sets, evaluated in chunks of rows so that one call's work stays small."""

import math

import numpy as np

from playground.engine.losses import loss_value, loss_weight
from playground.engine.propagation import Workspace, forward, ready_inputs

# Rows per piece of a set: the metrics are summed per piece (so the numbers do not depend
# on how the pieces are grouped into passes).
EVAL_CHUNK_ROWS = 256
# Each forward pass (a chunk: one unit of work that a deadline cannot split) is one piece,
# or the training set's last piece and the test set's first together if they have at most
# this many rows: at the defaults (250 training and 250 test rows) one pass covers both
# sets. At the largest network the settings allow (8 layers of 64, 100 inputs) a piece
# costs ~1 ms, such a pass ~2 ms.
EVAL_PASS_ROWS = 2 * EVAL_CHUNK_ROWS


def score_name(output: str) -> str:
    """ "r2" for a linear output (regression), else "accuracy"."""
    return "r2" if output == "linear" else "accuracy"


class Evaluator:
    """The metrics of the current network on both sets: evaluate() at once, or begin() then
    run_chunk() until done, then result(). Either way the chunks are the same, so the
    numbers are too. chunks: per forward pass, (start, stop, pieces) over the stacked rows
    (training then test), each piece (start, stop, set) within one set. result() ->
    (train_loss, test_loss, train_score, test_score), nan for a missing test set. X_* (n,
    *input_shape) float64, Y_* encoded targets (n, k), or (n, steps, k) for a head at every
    step (then loss and accuracy are over the steps that have a target)."""

    def __init__(self, net, loss: str, X_train, Y_train, X_test, Y_test):
        self.net, self.loss = net, loss
        self.x_aug = ready_inputs(net.layers, np.concatenate([X_train, X_test]))
        self.targets = (Y_train, Y_test)
        self.truths = tuple(self._truth(Y) for Y in self.targets)
        n_train, n = len(X_train), len(self.x_aug)
        pieces = [
            (start, min(start + EVAL_CHUNK_ROWS, stop), part)
            for part, (first, stop) in enumerate(((0, n_train), (n_train, n)))
            for start in range(first, stop, EVAL_CHUNK_ROWS)
        ]
        self.chunks = _passes(pieces)
        self._offsets = (0, n_train)
        self._workspaces: dict[int, Workspace] = {}
        self.begin()

    def begin(self) -> None:
        """Start a new evaluation (of the network's weights as they are now)."""
        self._next = 0
        self._sums = [[0.0, 0.0], [0.0, 0.0]]  # per set: loss sum, score sum

    @property
    def done(self) -> bool:
        """Whether every chunk of this evaluation has run."""
        return self._next == len(self.chunks)

    @property
    def next_rows(self) -> int:
        """Rows in the next chunk (the evaluation is not done)."""
        start, stop, _ = self.chunks[self._next]
        return stop - start

    def rows_left(self) -> list[int]:
        """Rows of each chunk still to run in this evaluation."""
        return [stop - start for start, stop, _ in self.chunks[self._next :]]

    def run_chunk(self) -> None:
        """Evaluate the next chunk of rows (one or two pieces, see _passes): one forward
        pass, then each of its pieces' sums."""
        start, stop, pieces = self.chunks[self._next]
        ws = self._workspaces.get(stop - start)
        if ws is None:
            ws = self._workspaces[stop - start] = Workspace(self.net.layers, stop - start, False)
        forward(self.net.layers, ws, self.x_aug[start:stop])
        for first, last, part in pieces:
            z, a = ws.z_out[first - start : last - start], ws.a_out[first - start : last - start]
            begin, end = first - self._offsets[part], last - self._offsets[part]
            Y, truth = self.targets[part][begin:end], self.truths[part]
            if not isinstance(truth, float):
                truth = truth[begin:end]
            sums = self._sums[part]
            sums[0] += loss_value(self.loss, z, a, Y) * loss_weight(self.loss, Y)
            sums[1] += self._score_sum(a, Y, truth)
        self._next += 1

    def result(self) -> tuple[float, float, float, float]:
        """Losses and scores of the finished evaluation."""
        losses, scores = [], []
        for (loss_sum, score_sum), Y, truth in zip(
            self._sums, self.targets, self.truths, strict=True
        ):
            if len(Y) == 0:
                losses.append(math.nan)
                scores.append(math.nan)
                continue
            weight = loss_weight(self.loss, Y)
            losses.append(loss_sum / weight if weight else math.nan)
            scores.append(self._score(score_sum, Y, truth))
        return losses[0], losses[1], scores[0], scores[1]

    def evaluate(self) -> tuple[float, float, float, float]:
        """Losses and scores of the current network on both sets, in one call."""
        self.begin()
        while not self.done:
            self.run_chunk()
        return self.result()

    def _truth(self, Y):
        """What the score compares against, precomputed once per set."""
        output = self.net.output
        if len(Y) == 0:
            return None
        if output == "softmax" and Y.ndim == 3:  # the class at each step; -1: no target
            return np.where(Y.max(axis=2) > 0, Y.argmax(axis=2), -1)
        if output == "softmax":
            return Y.argmax(axis=1)
        if output == "sigmoid":
            return Y > 0.5
        if output == "tanh":
            return Y > 0.0
        centred = Y - Y.mean(axis=0)
        return float(np.vdot(centred, centred))  # total sum of squares

    def _score_sum(self, a, Y, truth) -> float:
        """Correct predictions (classification) or the squared residuals (regression)."""
        output = self.net.output
        if output == "softmax":
            return np.count_nonzero(a.argmax(axis=-1) == truth)
        if output == "sigmoid":
            return np.count_nonzero((a > 0.5) == truth)
        if output == "tanh":
            return np.count_nonzero((a > 0.0) == truth)
        residual = a - Y
        return float(np.vdot(residual, residual))

    def _score(self, score_sum: float, Y, truth) -> float:
        output = self.net.output
        if output == "softmax":  # over the rows, or the steps with a target
            weight = loss_weight("cce", Y) if Y.ndim == 3 else len(Y)
            return score_sum / weight if weight else math.nan
        if output in ("sigmoid", "tanh"):
            return score_sum / Y.size
        return 1.0 - score_sum / truth if truth > 0 else math.nan


def _passes(pieces: list[tuple[int, int, int]]) -> list[tuple[int, int, list]]:
    """The forward passes, (start, stop, pieces) each: one per piece, except that the
    training set's last piece and the test set's first share one pass when together they
    have at most EVAL_PASS_ROWS rows (at the defaults: both sets in one pass). Passes stay
    small otherwise, so a frame's deadline can stop between them."""
    passes = [(start, stop, [(start, stop, part)]) for start, stop, part in pieces]
    for i in range(len(pieces) - 1):
        (start, _, part), (_, stop, next_part) = pieces[i], pieces[i + 1]
        if part != next_part and stop - start <= EVAL_PASS_ROWS:
            passes[i : i + 2] = [(start, stop, [pieces[i], pieces[i + 1]])]
            break
    return passes
