"""The one registry of weight initializers.

Each initializer fills one layer's weights and bias in place, drawing from the numpy Generator
it is given, so a seed fixes the whole network. The fans (fan_in, fan_out) default to a
(fan_in, fan_out) weight matrix's shape; a layer with other weight shapes (a convolution's
(out, in, k, k): fan_in = in * k * k, fan_out = out * k * k) passes its own.
"""

import numpy as np


def _xavier(weights, bias, rng, fans) -> None:
    fan_in, fan_out = fans
    limit = np.sqrt(6.0 / (fan_in + fan_out))  # Glorot uniform
    weights[...] = rng.uniform(-limit, limit, weights.shape)
    bias[...] = 0.0


def _he(weights, bias, rng, fans) -> None:
    fan_in = fans[0]
    weights[...] = rng.normal(0.0, np.sqrt(2.0 / fan_in), weights.shape)  # He normal
    bias[...] = 0.0


def _playground(weights, bias, rng, fans) -> None:
    weights[...] = rng.uniform(-0.5, 0.5, weights.shape)  # as TensorFlow Playground
    bias[...] = 0.1


def _zeros(weights, bias, rng, fans) -> None:
    weights[...] = 0.0
    bias[...] = 0.0


_INITIALIZERS = {"xavier": _xavier, "he": _he, "playground": _playground, "zeros": _zeros}
INITIALIZERS: tuple[str, ...] = tuple(_INITIALIZERS)


def check_initializer(name) -> None:
    """ValueError naming the allowed initializers unless `name` is one."""
    if not isinstance(name, str) or name not in _INITIALIZERS:
        raise ValueError(f"unknown initializer {name!r}; choose one of {INITIALIZERS}")


def initialize(name: str, weights: np.ndarray, bias, rng, fans=None) -> None:
    """Fill `weights` (fan_in, fan_out) or any shape given `fans` = (fan_in, fan_out), and
    `bias` (or None) in place with initializer `name`."""
    check_initializer(name)
    bias = np.empty(0) if bias is None else bias
    _INITIALIZERS[name](weights, bias, rng, weights.shape if fans is None else fans)
