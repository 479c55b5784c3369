"""Flatten: feature maps (rows, C, H, W) -> vectors (rows, C * H * W) for a Dense layer."""

import numpy as np

from playground.engine.layers.base import Layer


class Flatten(Layer):
    """Flatten(): each sample's values in one vector, in (channel, row, column) order (C
    order, as PyTorch's nn.Flatten): feature c * H * W + i * W + j is pixel (i, j) of map c.
    No parameters; backward reshapes the gradient back."""

    def build(self, input_shape):
        """Any (d1, d2, ...) -> (d1 * d2 * ...,)."""
        return (int(np.prod(input_shape)),)

    def forward(self, x, z, a, work):
        """a = x, one row per sample (a may be a view with a ones column beside it)."""
        a[...] = x.reshape(len(x), -1)

    def backward(self, x, delta, grads, delta_prev, work):
        """dL/dx = delta in the input's shape."""
        if delta_prev is not None:
            delta_prev[...] = delta.reshape(delta_prev.shape)

    def infer(self, x):
        """x as a new (rows, features) array."""
        return x.reshape(len(x), -1).copy()
