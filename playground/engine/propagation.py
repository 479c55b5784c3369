"""Forward and backward passes over a list of layers, in preallocated buffers.

One code path serves training (with optional dropout), evaluation and inspection; per-op
NumPy overhead, not arithmetic, dominates at playground sizes, so every op writes in place.
"""

import numpy as np


class Workspace:
    """Buffers for passes over `rows` rows: per layer i, z[i] and a[i] (rows, units_i);
    aug[i] (rows, units_i + 1) holds a[i] plus a column of ones (the bias input of the next
    layer); delta[i] = dL/dz and tmp[i] scratch, both (rows, units_i). training=False
    allocates only z and a (for prediction)."""

    def __init__(self, layers, rows: int, training: bool = True):
        self.rows = rows
        self.inv_rows = 1.0 / rows
        self.z = [np.empty((rows, layer.fan_out)) for layer in layers]
        self.aug = [np.ones((rows, layer.fan_out + 1)) for layer in layers]
        self.a = [aug[:, :-1] for aug in self.aug]
        if not training:  # forward only: skip the backward buffers
            return
        self.delta = [np.empty_like(z) for z in self.z]
        self.tmp = [np.empty_like(z) for z in self.z]
        self.raw = [np.empty_like(z) for z in self.z[:-1]]  # pre-dropout outputs
        self.keep = [np.empty_like(z) for z in self.z[:-1]]  # dropout scale: 0 or 1/p_keep


def augment(X: np.ndarray) -> np.ndarray:
    """X (n, d) -> (n, d + 1) float64 with a trailing column of ones."""
    out = np.ones((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    return out


def forward(layers, ws: Workspace, x_aug, dropout: float = 0.0, rng=None) -> None:
    """Fill ws.z and ws.a from x_aug (rows, d + 1). With dropout > 0 (training only), each
    hidden unit is zeroed with probability `dropout` and survivors scaled by 1/(1-dropout)."""
    prev = x_aug
    last = len(layers) - 1
    for i, layer in enumerate(layers):
        if dropout and i < last:
            layer.forward(prev, ws.z[i], ws.raw[i])
            scale = ws.keep[i]
            rng.random(out=scale)
            np.less(scale, 1.0 - dropout, out=scale)
            scale *= 1.0 / (1.0 - dropout)
            np.multiply(ws.raw[i], scale, out=ws.a[i])
        else:
            layer.forward(prev, ws.z[i], ws.a[i])
        prev = ws.aug[i]


def backward(layers, ws: Workspace, x_aug, grad_blocks, dropout: float = 0.0) -> None:
    """From ws.delta[-1] = dL/dz of the output, fill every ws.delta[i] and write each
    layer's [dW; db] into grad_blocks[i] (fan_in + 1, fan_out)."""
    for i in range(len(layers) - 1, -1, -1):
        if i == 0:
            layers[0].backward(x_aug, ws.delta[0], grad_blocks[0], None)
            return
        below = ws.delta[i - 1]
        layers[i].backward(ws.aug[i - 1], ws.delta[i], grad_blocks[i], below)
        if dropout:
            below *= ws.keep[i - 1]
            a = ws.raw[i - 1]
        else:
            a = ws.a[i - 1]
        layers[i - 1].activation.mul_derivative(a, ws.z[i - 1], below, ws.tmp[i - 1])
