"""Temporal-difference targets and the TD error on the chosen action only.

A Q-network outputs one value per action, but a transition (s, a, r, s', done) says
something only about the action a that was taken: the loss compares Q(s, a) with the target
r + gamma * max_a' Q_target(s', a') (just r when s' ends the episode) and leaves the other
outputs alone, so their part of the output delta is exactly zero.
"""

import numpy as np

TD_LOSSES: tuple[str, ...] = ("huber", "squared")


def td_targets(rewards, next_q, dones, gamma: float) -> np.ndarray:
    """r + gamma * (1 - done) * max_a' next_q: rewards (n,), next_q (n, actions) from the
    target network, dones (n,) 0/1 -> (n,)."""
    return rewards + gamma * (1.0 - dones) * next_q.max(axis=1)


def chosen_errors(q, actions, targets) -> np.ndarray:
    """Q(s, a) - target for the chosen actions: q (n, actions), actions (n,), targets (n,)
    -> (n,)."""
    return q[np.arange(len(q)), actions] - targets


def td_loss(q, actions, targets, loss: str = "huber") -> float:
    """Mean TD loss over the batch. squared: e^2 / 2; huber: e^2 / 2 for |e| <= 1, else
    |e| - 1/2 (the same slope as squared up to 1, then a constant one)."""
    error = np.abs(chosen_errors(q, actions, targets))
    if loss == "squared":
        return float(np.mean(0.5 * error**2))
    _check(loss)
    return float(np.mean(np.where(error <= 1.0, 0.5 * error**2, error - 0.5)))


def td_output_delta(q, actions, targets, loss: str = "huber") -> np.ndarray:
    """d(td_loss)/dq (n, actions): (Q(s, a) - target) / n at each row's chosen action
    (clipped to -1/n..1/n for huber), 0.0 at every other action."""
    _check(loss)
    error = chosen_errors(q, actions, targets)
    if loss == "huber":
        error = np.clip(error, -1.0, 1.0)
    delta = np.zeros_like(q)
    delta[np.arange(len(q)), actions] = error / len(q)
    return delta


def _check(loss: str) -> None:
    if loss not in TD_LOSSES:
        raise ValueError(f"unknown TD loss {loss!r}; choose one of {TD_LOSSES}")
