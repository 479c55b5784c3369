"""The optimizer's update for every parameter, worked out from its formula and its state.

Independent of the optimizer's code (the same formulas as PyTorch's, which the engine
follows), so the page can show each rule's intermediate values: the gradient g (with the
L1 / L2 terms), the state before and after, and the change of every parameter.
"""

from dataclasses import dataclass

import numpy as np

# name -> the state arrays it keeps (what the page shows as "before -> after")
STATE_NAMES = {
    "sgd": (),
    "momentum": ("buffer",),
    "rmsprop": ("square_avg",),
    "adam": ("exp_avg", "exp_avg_sq"),
}


@dataclass(frozen=True, eq=False)
class Hyper:
    """The update's hyper-parameters as the trainer holds them now."""

    learning_rate: float
    momentum: float
    alpha: float
    beta1: float
    beta2: float
    eps: float
    l1: float
    l2: float


@dataclass(frozen=True, eq=False)
class FlatUpdate:
    """One update of the flat parameter vector (all arrays shaped like params (P,)).

    gradient: the loss's mean gradient; penalty: l2 * W + l1 * sign(W) on weights (0 on
    biases); g = gradient + penalty, what the optimizer uses; state_before / state_after:
    the optimizer's state arrays by name; change: what is added to every parameter;
    steps_after: Adam's step count t after this step (bias corrections use it).
    """

    rule: str
    gradient: np.ndarray
    penalty: np.ndarray
    g: np.ndarray
    state_before: dict[str, np.ndarray]
    state_after: dict[str, np.ndarray]
    change: np.ndarray
    steps_after: int


def penalty_gradient(params, weight_mask, l1: float, l2: float) -> np.ndarray:
    """l2 * w + l1 * sign(w) for weights, 0 for biases; shapes (P,)."""
    return (l2 * params + l1 * np.sign(params)) * weight_mask


def flat_update(rule, params, weight_mask, gradient, hyper: Hyper, state, steps) -> FlatUpdate:
    """The update `rule` ("sgd", "momentum", "rmsprop", "adam") makes from the mean
    gradient (P,) with its current `state` (name -> (P,)) and step count `steps`."""
    penalty = penalty_gradient(params, weight_mask, hyper.l1, hyper.l2)
    g = gradient + penalty
    lr, after, t = hyper.learning_rate, {}, steps
    if rule == "sgd":
        change = -lr * g
    elif rule == "momentum":
        after["buffer"] = hyper.momentum * state["buffer"] + g
        change = -lr * after["buffer"]
    elif rule == "rmsprop":
        after["square_avg"] = hyper.alpha * state["square_avg"] + (1 - hyper.alpha) * g**2
        change = -lr * g / (np.sqrt(after["square_avg"]) + hyper.eps)
    elif rule == "adam":
        t = steps + 1
        m = hyper.beta1 * state["exp_avg"] + (1 - hyper.beta1) * g
        v = hyper.beta2 * state["exp_avg_sq"] + (1 - hyper.beta2) * g**2
        after["exp_avg"], after["exp_avg_sq"] = m, v
        m_hat, v_hat = m / (1 - hyper.beta1**t), v / (1 - hyper.beta2**t)
        change = -lr * m_hat / (np.sqrt(v_hat) + hyper.eps)
    else:
        raise ValueError(f"unknown optimizer {rule!r}")
    before = {name: state[name].copy() for name in STATE_NAMES[rule]}
    return FlatUpdate(rule, gradient, penalty, g, before, after, change, t)
