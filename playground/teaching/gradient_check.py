"""Gradient check: backpropagation against finite differences, on the current network.

Bounded work, whatever the network: at most MAX_ROWS rows (a seeded sample of the given
ones) and at most MAX_PER_LAYER parameters per layer (a seeded sample when a layer has
more), so at most 2 * MAX_PER_LAYER * layers + 1 evaluations of the loss; a deadline stops
it earlier and says so. It works on a copy of the network, so the caller holds the
session's lock only to make the copy (copy_network) and the check runs outside it.
"""

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.engine import Sequential

MAX_ROWS = 64
MAX_PER_LAYER = 120
EPS = 1e-6
AGREE, CLOSE = 1e-5, 1e-3  # worst relative error: the verdict's thresholds


@dataclass(frozen=True)
class CheckResult:
    """worst[i]: the worst relative error |backprop - numeric| / max(|backprop|, |numeric|,
    1e-8) over the parameters checked in layer i; checked[i] of total[i] parameters were
    checked; rows: rows used; evaluations: loss evaluations made (forward passes over the
    rows); complete: False if the deadline stopped it; verdict: a plain sentence."""

    worst: tuple[float, ...]
    checked: tuple[int, ...]
    total: tuple[int, ...]
    rows: int
    evaluations: int
    complete: bool
    verdict: str


def copy_network(net: Sequential) -> Sequential:
    """A network (a Network or any Sequential) with the same layers and parameters, in its
    own arrays."""
    return copy.deepcopy(net)


def _sample(rng, n: int, limit: int) -> np.ndarray:
    return np.arange(n) if n <= limit else np.sort(rng.choice(n, limit, replace=False))


def verdict(worst) -> str:
    """A plain sentence on the worst relative errors per layer."""
    top = max(worst) if worst else 0.0
    if top < AGREE:
        return f"Backpropagation agrees with finite differences (worst relative error {top:.1e})."
    if top < CLOSE:
        return (f"Backpropagation nearly agrees (worst relative error {top:.1e}): usually "
                "a ReLU-like kink or rounding, not a bug.")  # fmt: skip
    return (
        f"Backpropagation and finite differences disagree (worst relative error {top:.1e}): "
        "a kink of ReLU at 0 can do this; otherwise the gradient is wrong."
    )


def check_gradients(net: Sequential, X, y, loss: str, seed: int = 0, seconds: float = 10.0,
                    clock: Callable[[], float] = time.perf_counter) -> CheckResult:  # fmt: skip
    """Check the mean loss's gradient over (a sample of) the rows X (n, *input_shape) with
    labels y (as the trainer takes them), on a copy of `net` (left unchanged)."""
    net = copy_network(net)
    rng = np.random.default_rng(seed)
    rows = _sample(rng, len(X), MAX_ROWS)
    X, y = np.asarray(X)[rows], np.asarray(y)[rows]
    analytic = net.flat_gradient(X, y, loss)
    evaluations, complete, end = 1, True, clock() + seconds
    worst, checked, total, offset = [], [], [], 0
    for block in net.blocks_of(net.params):
        picks = offset + _sample(rng, block.size, MAX_PER_LAYER)
        errors = []
        for j in picks:
            if clock() > end:
                complete = False
                break
            numeric = _central_difference(net, X, y, loss, j)
            evaluations += 2
            scale = max(abs(analytic[j]), abs(numeric), 1e-8)
            errors.append(abs(analytic[j] - numeric) / scale)
        worst.append(max(errors, default=0.0))
        checked.append(len(errors))
        total.append(block.size)
        offset += block.size
    return CheckResult(tuple(worst), tuple(checked), tuple(total), len(rows), evaluations,
                       complete, verdict(worst))  # fmt: skip


def _central_difference(net, X, y, loss, j) -> float:
    params, saved = net.params, net.params[j]
    params[j] = saved + EPS
    up = net.loss(X, y, loss)
    params[j] = saved - EPS
    down = net.loss(X, y, loss)
    params[j] = saved
    return (up - down) / (2 * EPS)
