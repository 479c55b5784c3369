"""Forward and backward passes over a list of built layers, in preallocated buffers.

One code path serves training (with optional dropout), evaluation and inspection; per-op
NumPy overhead, not arithmetic, dominates at playground sizes, so every op writes in place.
"""

import numpy as np

from playground.engine.losses import loss_view


class Workspace:
    """Buffers for passes over `rows` rows. Per layer i (shape = (rows, *output_shape)):
    z[i] pre-activation and a[i] output, both of shape (z[i] is a[i] for a layer without
    activation); out[i] what layer i + 1 reads: a[i], or (rows, units + 1) holding a[i] and
    a column of ones if that layer wants a bias column; work[i] the layer's own buffers.
    Training adds delta[i] = dL/dz and tmp[i] scratch (shape), and for dropout raw[i]
    (pre-dropout output) and keep[i] (0 or 1/p_keep). z_out, a_out, delta_out, tmp_out:
    the last layer's buffers as the loss reads them (losses.loss_view: (rows, outputs), or
    (rows, steps, k) for a head at every step)."""

    def __init__(self, layers, rows: int, training: bool = True):
        self.rows = rows
        self.inv_rows = 1.0 / rows
        self.z, self.a, self.out = [], [], []
        for i, layer in enumerate(layers):
            shape = (rows, *layer.output_shape)
            if i + 1 < len(layers) and layers[i + 1].bias_column:
                out = np.ones((rows, shape[1] + 1))
                a = out[:, :-1]
            else:
                out = a = np.empty(shape)
            self.out.append(out)
            self.a.append(a)
            self.z.append(a if layer.activation is None else np.empty(shape))
        self.work = [layer.workspace(rows, training) for layer in layers]
        self.z_out, self.a_out = loss_view(self.z[-1]), loss_view(self.a[-1])
        if not training:  # forward only: skip the backward buffers
            return
        self.delta = [np.empty_like(z) for z in self.z]
        self.tmp = [np.empty_like(z) for z in self.z]
        self.delta_out, self.tmp_out = loss_view(self.delta[-1]), loss_view(self.tmp[-1])
        hidden = zip(self.z[:-1], layers[:-1], strict=True)
        self.raw = [np.empty_like(z) if layer.takes_dropout else None for z, layer in hidden]
        self.keep = [None if raw is None else np.empty_like(raw) for raw in self.raw]


def augment(X: np.ndarray) -> np.ndarray:
    """X (n, d) -> (n, d + 1) float64 with a trailing column of ones."""
    out = np.ones((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    return out


def ready_inputs(layers, X: np.ndarray) -> np.ndarray:
    """X (n, *input_shape) as the first layer reads it: augmented if it wants a bias column."""
    return augment(X) if layers[0].bias_column else X


def forward(layers, ws: Workspace, x, dropout: float = 0.0, rng=None) -> None:
    """Fill ws.z and ws.a from x (ready_inputs). With dropout > 0 (training only), each
    output of a hidden layer that takes dropout is zeroed with probability `dropout` and the
    survivors scaled by 1/(1-dropout)."""
    prev = x
    last = len(layers) - 1
    for i, layer in enumerate(layers):
        if dropout and i < last and layer.takes_dropout:
            layer.forward(prev, ws.z[i], ws.raw[i], ws.work[i])
            scale = ws.keep[i]
            rng.random(out=scale)
            np.less(scale, 1.0 - dropout, out=scale)
            scale *= 1.0 / (1.0 - dropout)
            np.multiply(ws.raw[i], scale, out=ws.a[i])
        else:
            layer.forward(prev, ws.z[i], ws.a[i], ws.work[i])
        prev = ws.out[i]


def backward(layers, ws: Workspace, x, grads, dropout: float = 0.0) -> None:
    """From ws.delta[-1] = dL/dz of the output, fill every ws.delta[i] and have each layer
    write its gradients into grads[i] (its gradient_target)."""
    for i in range(len(layers) - 1, 0, -1):
        below = ws.delta[i - 1]
        layers[i].backward(ws.out[i - 1], ws.delta[i], grads[i], below, ws.work[i])
        lower = layers[i - 1]
        if dropout and lower.takes_dropout:
            below *= ws.keep[i - 1]
            a = ws.raw[i - 1]
        else:
            a = ws.a[i - 1]
        if lower.activation is not None:
            lower.activation.mul_derivative(a, ws.z[i - 1], below, ws.tmp[i - 1])
    layers[0].backward(x, ws.delta[0], grads[0], None, ws.work[0])
