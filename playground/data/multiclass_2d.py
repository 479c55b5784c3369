"""2-D sets beyond TF Playground's: moons, a three-arm spiral and three blobs.

They live in the same [-6, 6]^2 square and follow its conventions: noise 0..0.5,
(points (n, 2), int64 labels (n,)) from the given rng, shuffled and split later.
"""

import numpy as np

from playground.data.tf_recipes import spiral_arm

MOONS_SCALE = 3.0
MULTICLASS_SAMPLES = 600  # 200 per class for the 3-class sets
BLOB_RADIUS = 3.0


def moons(n: int, noise: float, rng: np.random.Generator):
    """Two interleaved half circles (radius 3), centred; the lower moon is class 1.

    Noise moves points by U(-3, 3) * noise per axis (the spiral's U(-1, 1) scaled to the
    moons' radius).
    """
    half = n // 2
    t_upper = np.linspace(0, np.pi, n - half)
    t_lower = np.linspace(0, np.pi, half)
    upper = np.column_stack([np.cos(t_upper), np.sin(t_upper)])
    lower = np.column_stack([1 - np.cos(t_lower), 0.5 - np.sin(t_lower)])
    points = (np.concatenate([lower, upper]) - [0.5, 0.25]) * MOONS_SCALE
    points += rng.uniform(-MOONS_SCALE, MOONS_SCALE, (n, 2)) * noise
    labels = np.concatenate([np.ones(half, np.int64), np.zeros(n - half, np.int64)])
    return points, labels


def spiral3(n: int, noise: float, rng: np.random.Generator):
    """Three spiral arms (the TF recipe with arms 2 pi / 3 apart); arm k is class k."""
    counts = [n // 3 + (k < n % 3) for k in range(3)]
    arms = [spiral_arm(c, 2 * np.pi * k / 3, noise, rng) for k, c in enumerate(counts)]
    labels = np.concatenate([np.full(c, k, np.int64) for k, c in enumerate(counts)])
    return np.concatenate(arms), labels


def blobs3(n: int, noise: float, rng: np.random.Generator):
    """Three Gaussian blobs on a circle of radius 3 (at 90, 210 and 330 degrees).

    As in gauss, the variance grows linearly from 0.5 (noise 0) to 4 (noise 0.5).
    """
    variance = 0.5 + (4.0 - 0.5) * noise / 0.5
    counts = [n // 3 + (k < n % 3) for k in range(3)]
    angles = np.pi / 2 + 2 * np.pi * np.arange(3) / 3
    centres = BLOB_RADIUS * np.column_stack([np.cos(angles), np.sin(angles)])
    labels = np.concatenate([np.full(c, k, np.int64) for k, c in enumerate(counts)])
    points = centres[labels] + rng.normal(0.0, np.sqrt(variance), (n, 2))
    return points, labels
