"""Dense: the fully connected layer, z = x @ W + b, a = f(z)."""

import numpy as np

from playground.engine.initializers import initialize
from playground.engine.layers.base import Layer, activation_named, positive_int


class Dense(Layer):
    """Dense(units, activation="linear"): a fully connected layer on inputs (rows, fan_in).

    params["W"] (fan_in, units) and params["b"] (units,) are live views. In the flat vector W
    is followed by b, so together they are one block (fan_in + 1, units) whose last row is
    the bias; inputs come with a trailing column of ones (bias_column), so one matmul gives
    x @ W + b in the forward pass and one gives [dW; db] in the backward pass.
    """

    bias_column = True
    penalized = ("W",)
    takes_dropout = True

    def __init__(self, units: int, activation: str = "linear"):
        self.units = positive_int(units, "Dense units")
        self.activation = activation_named(activation)

    def build(self, input_shape):
        """Inputs must be vectors (fan_in,); the output is (units,)."""
        if len(input_shape) != 1:
            raise ValueError(f"Dense takes vectors, not samples of shape {input_shape} "
                             "(put Flatten() before it)")  # fmt: skip
        self.fan_in, self.fan_out = int(input_shape[0]), self.units
        return (self.units,)

    def param_shapes(self):
        """W (fan_in, units), then b (units,)."""
        return {"W": (self.fan_in, self.units), "b": (self.units,)}

    def bind(self, params, flat):
        """Keep the (fan_in + 1, units) block [W; b] as well as the named views."""
        super().bind(params, flat)
        self.block = flat.reshape(self.fan_in + 1, self.units)
        self.weights, self.bias = params["W"], params["b"]

    def gradient_target(self, grads, flat):
        """The (fan_in + 1, units) block [dW; db] that backward writes with one matmul."""
        return flat.reshape(self.fan_in + 1, self.units)

    def initialize(self, init, rng):
        """W and b by the initializer `init` (fan-in and fan-out from W's shape)."""
        initialize(init, self.weights, self.bias, rng)

    def config(self):
        """{"units", "activation"}."""
        return {"units": self.units, "activation": self.activation.name}

    def forward(self, x, z, a, work):
        """z = x_aug @ [W; b], a = f(z); x (rows, fan_in + 1), z and a (rows, units)."""
        np.dot(x, self.block, out=z)
        self.activation.forward(z, a)

    def backward(self, x, delta, grads, delta_prev, work):
        """[dW; db] = x_aug.T @ delta into the block `grads`; dL/dx = delta @ W.T into
        delta_prev (rows, fan_in), or dL/dx_aug = delta @ [W; b].T if delta_prev has room
        for the ones column too (rows, fan_in + 1): see propagation.Workspace."""
        np.dot(x.T, delta, out=grads)
        if delta_prev is not None:
            weights = self.block if delta_prev.shape[1] > self.fan_in else self.weights
            np.dot(delta, weights.T, out=delta_prev)

    def infer(self, x):
        """f(x @ W + b) as a new contiguous (rows, units) array; x (rows, fan_in)."""
        z = np.dot(x, self.weights)
        z += self.bias
        a = z if self.activation.in_place else np.empty_like(z)  # a 10,000-row grid: no copy
        self.activation.forward(z, a)
        return a
