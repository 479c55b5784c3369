"""Layer objects. The network is a list of layers; a new kind of layer (e.g. a convolution)
adds a class with the same members: param_count, bind, forward, infer and backward.
"""

import numpy as np

from playground.engine.activations import Activation


class Dense:
    """A fully connected layer: z = x @ W + b, a = f(z).

    Its parameters are one augmented block of shape (fan_in + 1, fan_out) whose last row is
    the bias, a view into the network's flat parameter vector. Inputs come augmented with a
    trailing column of ones, so one matmul computes x @ W + b and one gives both dW and db.
    """

    def __init__(self, fan_in: int, fan_out: int, activation: Activation):
        self.fan_in = fan_in
        self.fan_out = fan_out
        self.activation = activation
        self.param_count = (fan_in + 1) * fan_out

    def bind(self, flat: np.ndarray, offset: int) -> np.ndarray:
        """View flat[offset : offset + param_count] as this layer's (fan_in+1, fan_out) block."""
        block = flat[offset : offset + self.param_count].reshape(self.fan_in + 1, self.fan_out)
        self.block = block
        self.weights = block[:-1]  # (fan_in, fan_out), live view
        self.bias = block[-1]  # (fan_out,), live view
        return block

    def forward(self, x_aug: np.ndarray, z: np.ndarray, a: np.ndarray) -> None:
        """z = x_aug @ block, a = f(z); x_aug (rows, fan_in + 1), z and a (rows, fan_out)."""
        np.dot(x_aug, self.block, out=z)
        self.activation.forward(z, a)

    def infer(self, x: np.ndarray) -> np.ndarray:
        """f(x @ W + b) as a new contiguous (rows, fan_out) array; x (rows, fan_in)."""
        z = np.dot(x, self.weights)
        z += self.bias
        a = z if self.activation.in_place else np.empty_like(z)  # a 10,000-row grid: no copy
        self.activation.forward(z, a)
        return a

    def backward(self, x_aug, delta, grad_block, delta_prev) -> None:
        """Given delta = dL/dz (rows, fan_out), write [dW; db] into grad_block and, unless
        delta_prev is None, dL/da of the layer below (rows, fan_in) into delta_prev."""
        np.dot(x_aug.T, delta, out=grad_block)
        if delta_prev is not None:
            np.dot(delta, self.weights.T, out=delta_prev)
