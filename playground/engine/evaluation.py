"""Per-epoch metrics: loss and accuracy (classification) or R^2 (linear output) on the
training and test sets, from ONE forward pass over both sets stacked."""

import math

import numpy as np

from playground.engine.losses import loss_value
from playground.engine.propagation import Workspace, augment, forward


def score_name(output: str) -> str:
    """ "r2" for a linear output (regression), else "accuracy"."""
    return "r2" if output == "linear" else "accuracy"


class Evaluator:
    """evaluate() -> (train_loss, test_loss, train_score, test_score); nan for a missing test
    set. X_* (n, d) float64, Y_* encoded targets (n, k)."""

    def __init__(self, net, loss: str, X_train, Y_train, X_test, Y_test):
        self.net, self.loss = net, loss
        self.n_train = len(X_train)
        self.x_aug = augment(np.vstack([X_train, X_test]))
        self.ws = Workspace(net.layers, len(self.x_aug), training=False)
        self.targets = (Y_train, Y_test)
        self.truths = tuple(self._truth(Y) for Y in self.targets)

    def evaluate(self) -> tuple[float, float, float, float]:
        """Losses and scores of the current network on both sets."""
        forward(self.net.layers, self.ws, self.x_aug)
        z, a = self.ws.z[-1], self.ws.a[-1]
        cut = self.n_train
        parts = ((z[:cut], a[:cut]), (z[cut:], a[cut:]))
        losses, scores = [], []
        for (z_part, a_part), Y, truth in zip(parts, self.targets, self.truths, strict=True):
            if len(Y) == 0:
                losses.append(math.nan)
                scores.append(math.nan)
                continue
            losses.append(loss_value(self.loss, z_part, a_part, Y))
            scores.append(self._score(a_part, Y, truth))
        return losses[0], losses[1], scores[0], scores[1]

    def _truth(self, Y):
        """What the score compares against, precomputed once per set."""
        output = self.net.output
        if len(Y) == 0:
            return None
        if output == "softmax":
            return Y.argmax(axis=1)
        if output == "sigmoid":
            return Y > 0.5
        if output == "tanh":
            return Y > 0.0
        centred = Y - Y.mean(axis=0)
        return float(np.einsum("ij,ij->", centred, centred))  # total sum of squares

    def _score(self, a, Y, truth) -> float:
        output = self.net.output
        if output == "softmax":
            return np.count_nonzero(a.argmax(axis=1) == truth) / len(a)
        if output == "sigmoid":
            return np.count_nonzero((a > 0.5) == truth) / a.size
        if output == "tanh":
            return np.count_nonzero((a > 0.0) == truth) / a.size
        residual = a - Y
        ss_res = float(np.einsum("ij,ij->", residual, residual))
        return 1.0 - ss_res / truth if truth > 0 else math.nan
