"""Shapes: a generated set of small grey images whose class is a shape drawn anywhere.

Four classes (SHAPE_CLASSES): a line (horizontal, vertical or diagonal), a cross (a plus
sign), a square (its outline) and a circle (a ring), each of a random size at a random
position, then Gaussian pixel noise, clipped to 0..1. A dense network has to learn each
shape at every position separately; a convolution's small filters find strokes and corners
wherever they are, which is where it wins.
"""

import numpy as np

SHAPE_CLASSES = ("line", "cross", "square", "circle")
SHAPE_SIZE = 12
SHAPE_NOISE = 0.15  # standard deviation of the pixel noise


def _line(rng, size):
    image = np.zeros((size, size))
    length = rng.integers(5, size - 2)
    kind = rng.integers(4)  # horizontal, vertical, diagonal down, diagonal up
    r, c = rng.integers(0, size - length + 1, 2)
    steps = np.arange(length)
    if kind == 0:
        image[rng.integers(size), c + steps] = 1.0
    elif kind == 1:
        image[r + steps, rng.integers(size)] = 1.0
    elif kind == 2:
        image[r + steps, c + steps] = 1.0
    else:
        image[r + length - 1 - steps, c + steps] = 1.0
    return image


def _cross(rng, size):
    image = np.zeros((size, size))
    arm = rng.integers(2, 4)
    r, c = rng.integers(arm, size - arm, 2)
    image[r, c - arm : c + arm + 1] = 1.0
    image[r - arm : r + arm + 1, c] = 1.0
    return image


def _square(rng, size):
    image = np.zeros((size, size))
    side = rng.integers(4, 8)
    r, c = rng.integers(0, size - side + 1, 2)
    image[r : r + side, c : c + side] = 1.0
    image[r + 1 : r + side - 1, c + 1 : c + side - 1] = 0.0
    return image


def _circle(rng, size):
    radius = rng.uniform(2.0, 4.0)
    r, c = rng.uniform(radius, size - 1 - radius, 2)
    rows, cols = np.mgrid[0:size, 0:size]
    distance = np.hypot(rows - r, cols - c)
    return np.clip(1.0 - np.abs(distance - radius) * 1.5, 0.0, 1.0)  # a ring ~1 pixel wide


_DRAW = (_line, _cross, _square, _circle)


def make_shapes(n: int, seed: int = 0, size: int = SHAPE_SIZE, noise: float = SHAPE_NOISE):
    """(images (n, size, size) in 0..1, labels (n,) indices into SHAPE_CLASSES): the classes
    in turn (n // 4 each, the rest from the first), every draw from the seed."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % len(SHAPE_CLASSES)
    images = (
        np.stack([_DRAW[label](rng, size) for label in labels]) if n else np.zeros((0, size, size))
    )
    images += rng.normal(0.0, noise, images.shape)
    return np.clip(images, 0.0, 1.0), labels
