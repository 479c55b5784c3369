"""Value iteration: the optimal values of a small Markov decision process, exactly."""

import numpy as np


def value_iteration(P, R, done, gamma: float, tol: float = 1e-12, max_sweeps: int = 10_000):
    """Optimal state values V (S,) and action values Q (S, A) of an MDP: P (S, A, S)
    transition probabilities, R (S, A) expected rewards, done (S,) terminal states (value 0).
    Sweeps Q = R + gamma * P @ V, V = max_a Q until V changes by less than `tol`."""
    V = np.zeros(len(R))
    for _ in range(max_sweeps):
        Q = R + gamma * (P @ V)
        new_V = np.where(done, 0.0, Q.max(axis=1))
        if np.max(np.abs(new_V - V)) < tol:
            return new_V, Q
        V = new_V
    return V, Q
