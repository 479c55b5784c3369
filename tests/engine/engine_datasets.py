"""Small 2-D data sets for the engine tests, after TensorFlow Playground's recipes
(/work/shared/reference/tf-playground.md). Labels are class ids 0/1 (TF's -1 becomes 0)."""

import numpy as np


def xor(n=500, seed=0):
    """x, y ~ U(-5, 5), each pushed 0.3 away from its axis; label 1 where x*y > 0."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)
    return X, (X[:, 0] * X[:, 1] > 0).astype(int)


def circle(n=500, seed=0):
    """Half the points at radius U(0, 2.5) (label 1), half at U(3.5, 5) (label 0)."""
    rng = np.random.default_rng(seed)
    radius = np.concatenate([rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5, n - n // 2)])
    angle = rng.uniform(0, 2 * np.pi, n)
    X = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    return _shuffled(X, (radius < 2.5).astype(int), rng)


def spiral(n=500, seed=0):
    """Two arms of n/2 points: r = 5 i/(n/2), t = 1.75 * 2 pi i/(n/2) (+pi for arm 2)."""
    rng = np.random.default_rng(seed)
    half = n // 2
    i = np.arange(half)
    r, t = 5 * i / half, 1.75 * 2 * np.pi * i / half
    arms = [np.column_stack([r * np.sin(t + d), r * np.cos(t + d)]) for d in (0.0, np.pi)]
    labels = np.concatenate([np.ones(half, int), np.zeros(half, int)])
    return _shuffled(np.vstack(arms), labels, rng)


def split(X, y, train_share=0.5):
    """(X_train, y_train, X_test, y_test): the first share trains, the rest tests."""
    cut = int(len(X) * train_share)
    return X[:cut], y[:cut], X[cut:], y[cut:]


def _shuffled(X, y, rng):
    order = rng.permutation(len(X))
    return X[order], y[order]
