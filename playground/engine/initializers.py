"""The one registry of weight initializers.

Each initializer fills one layer's weights (fan_in, fan_out) and bias (fan_out,) in place,
drawing from the numpy Generator it is given, so a seed fixes the whole network.
"""

import numpy as np


def _xavier(weights: np.ndarray, bias: np.ndarray, rng: np.random.Generator) -> None:
    fan_in, fan_out = weights.shape
    limit = np.sqrt(6.0 / (fan_in + fan_out))  # Glorot uniform
    weights[...] = rng.uniform(-limit, limit, weights.shape)
    bias[...] = 0.0


def _he(weights: np.ndarray, bias: np.ndarray, rng: np.random.Generator) -> None:
    fan_in = weights.shape[0]
    weights[...] = rng.normal(0.0, np.sqrt(2.0 / fan_in), weights.shape)  # He normal
    bias[...] = 0.0


def _playground(weights: np.ndarray, bias: np.ndarray, rng: np.random.Generator) -> None:
    weights[...] = rng.uniform(-0.5, 0.5, weights.shape)  # as TensorFlow Playground
    bias[...] = 0.1


def _zeros(weights: np.ndarray, bias: np.ndarray, rng: np.random.Generator) -> None:
    weights[...] = 0.0
    bias[...] = 0.0


_INITIALIZERS = {"xavier": _xavier, "he": _he, "playground": _playground, "zeros": _zeros}
INITIALIZERS: tuple[str, ...] = tuple(_INITIALIZERS)


def initialize(name: str, weights: np.ndarray, bias: np.ndarray, rng) -> None:
    """Fill `weights` (fan_in, fan_out) and `bias` (fan_out,) in place with initializer `name`."""
    if name not in _INITIALIZERS:
        raise ValueError(f"unknown initializer {name!r}; choose one of {INITIALIZERS}")
    _INITIALIZERS[name](weights, bias, rng)
