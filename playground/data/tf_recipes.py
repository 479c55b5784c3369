"""The TensorFlow Playground's 2-D sets, following its recipes (sizes, radii, noise).

Each generator takes (n_samples, noise in 0..0.5, rng) and returns points (n, 2) in
the square [-6, 6]^2 (gauss may stray past it at high noise, as there) and targets (n,):
int64 class ids for classification (1 = TF's +1 / blue, 0 = its -1 / orange), float64
for regression. Shuffling and splitting happen later, from the same rng.
"""

import numpy as np

CLASSIFICATION_SAMPLES = 500
REGRESSION_SAMPLES = 1200

CIRCLE_RADIUS = 5.0
MULTIGAUSS_CENTRES = (
    (-4.0, 2.5, 1.0),
    (0.0, 2.5, -1.0),
    (4.0, 2.5, 1.0),
    (-4.0, -2.5, -1.0),
    (0.0, -2.5, 1.0),
    (4.0, -2.5, -1.0),
)


def _polar(radius: np.ndarray, angle: np.ndarray) -> np.ndarray:
    # TF puts x = r sin(t), y = r cos(t); kept so the same seed idea gives the same shapes.
    return np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])


def circle(n: int, noise: float, rng: np.random.Generator):
    """Half the points at radius U(0, 2.5), half at U(3.5, 5); label 1 inside 2.5.

    Noise shifts the point used for labelling by U(-5, 5) * noise per axis: it flips
    labels near the border and never moves points.
    """
    half = n // 2
    radius = np.concatenate(
        [
            rng.uniform(0, CIRCLE_RADIUS * 0.5, half),
            rng.uniform(CIRCLE_RADIUS * 0.7, CIRCLE_RADIUS, n - half),
        ]
    )
    points = _polar(radius, rng.uniform(0, 2 * np.pi, n))
    shift = rng.uniform(-CIRCLE_RADIUS, CIRCLE_RADIUS, (n, 2)) * noise
    inside = np.hypot(*(points + shift).T) < CIRCLE_RADIUS * 0.5
    return points, inside.astype(np.int64)


def xor(n: int, noise: float, rng: np.random.Generator):
    """x, y ~ U(-5, 5) pushed 0.3 away from the axes; label 1 where (x+nx)(y+ny) >= 0.

    nx, ny ~ U(-5, 5) * noise only affect the label.
    """
    points = rng.uniform(-5, 5, (n, 2))
    points += np.where(points > 0, 0.3, -0.3)
    shifted = points + rng.uniform(-5, 5, (n, 2)) * noise
    return points, (shifted[:, 0] * shifted[:, 1] >= 0).astype(np.int64)


def gauss(n: int, noise: float, rng: np.random.Generator):
    """Half around (2, 2) with label 1, half around (-2, -2) with label 0.

    The variance grows linearly from 0.5 (noise 0) to 4 (noise 0.5).
    """
    variance = 0.5 + (4.0 - 0.5) * noise / 0.5
    half = n // 2
    centres = np.concatenate([np.full((half, 2), 2.0), np.full((n - half, 2), -2.0)])
    points = centres + rng.normal(0.0, np.sqrt(variance), (n, 2))
    labels = np.concatenate([np.ones(half, np.int64), np.zeros(n - half, np.int64)])
    return points, labels


def spiral_arm(count: int, delta_t: float, noise: float, rng: np.random.Generator):
    """One arm: r = 5 i / count, t = 1.75 * 2 pi i / count + delta_t, plus U(-1, 1) * noise."""
    step = np.arange(count) / count
    points = _polar(5.0 * step, 1.75 * 2 * np.pi * step + delta_t)
    return points + rng.uniform(-1, 1, (count, 2)) * noise


def spiral(n: int, noise: float, rng: np.random.Generator):
    """Two arms of n/2 points; the arm at t + 0 is class 1, the arm at t + pi class 0."""
    half = n // 2
    points = np.concatenate(
        [spiral_arm(half, 0.0, noise, rng), spiral_arm(n - half, np.pi, noise, rng)]
    )
    labels = np.concatenate([np.ones(half, np.int64), np.zeros(n - half, np.int64)])
    return points, labels


def plane(n: int, noise: float, rng: np.random.Generator):
    """x, y ~ U(-6, 6); target (x + nx + y + ny) / 10 with nx, ny ~ U(-6, 6) * noise."""
    points = rng.uniform(-6, 6, (n, 2))
    shifted = points + rng.uniform(-6, 6, (n, 2)) * noise
    return points, shifted.sum(axis=1) / 10.0


def multigauss_value(points: np.ndarray) -> np.ndarray:
    """For points (n, 2): the centre value sign * max(0, 1 - d/2) of largest magnitude."""
    best = np.zeros(len(points))
    for cx, cy, sign in MULTIGAUSS_CENTRES:
        distance = np.hypot(points[:, 0] - cx, points[:, 1] - cy)
        value = sign * np.clip(1.0 - distance / 2.0, 0.0, 1.0)
        best = np.where(np.abs(value) > np.abs(best), value, best)
    return best


def multigauss(n: int, noise: float, rng: np.random.Generator):
    """x, y ~ U(-6, 6); target from the six signed bumps, read at the point shifted by
    U(-6, 6) * noise per axis (as TF does)."""
    points = rng.uniform(-6, 6, (n, 2))
    shifted = points + rng.uniform(-6, 6, (n, 2)) * noise
    return points, multigauss_value(shifted)
