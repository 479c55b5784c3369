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
    (rows, steps, k) for a head at every step). delta_wide[i]: what the layer above writes
    dL/dx into (delta[i] itself, or a wider array with the ones column's room: see
    _backward_buffers); forward_steps and backward_steps: each layer's arguments for a
    pass, gathered once."""

    def __init__(self, layers, rows: int, training: bool = True):
        self.rows = rows
        self.inv_rows = np.array(1.0 / rows)  # 0-d: see activations.ONE
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
        # A pass runs once per mini-batch, thousands of times a second, and at playground
        # sizes Python's bookkeeping costs as much as the arithmetic: so each layer's
        # arguments are gathered here once, and a pass is one call per layer.
        # forward_steps[i] = (layer i, its input buffer, z[i], a[i], work[i]); layer 0's
        # input (the batch itself) is given to each pass, so it has None there.
        inputs = [None, *self.out[:-1]]
        self.forward_steps = list(zip(layers, inputs, self.z, self.a, self.work, strict=True))
        if not training:  # forward only: skip the backward buffers
            return
        self._backward_buffers(layers)

    def _backward_buffers(self, layers) -> None:
        """delta, tmp, raw and keep (see the class docstring), and backward_steps.

        Why delta_wide: a[i] of a layer below a Dense is a view of out[i] with the ones
        column cut off, and NumPy's element-wise operations on such a view are several
        times slower than on a whole array (~1 us more per call at 10 rows). So for a Dense
        layer below a Dense one, whose activation's derivative needs only its output a,
        delta[i] and tmp[i] get the ones column's room too (delta_wide[i], (rows, units +
        1)): the Dense above writes dL/d(its augmented input) there in one matmul, and
        f'(a) multiplies it over the whole of out[i]. The last column (the constant ones')
        is never read: delta[i] is the view without it. Elsewhere delta_wide[i] is
        delta[i] itself."""
        self.delta, self.delta_wide, self.tmp, wide_tmp = [], [], [], []
        for i, (layer, z, out) in enumerate(zip(layers, self.z, self.out, strict=True)):
            activation = layer.activation
            if out is self.a[i] or not layer.bias_column or activation.reads_z:
                delta = wide = np.empty_like(z)
                tmp = np.empty_like(z)
            else:
                wide, tmp = np.empty_like(out), np.empty_like(out)
                delta = wide[:, :-1]
            self.delta.append(delta)
            self.delta_wide.append(wide)
            self.tmp.append(tmp if delta is wide else tmp[:, :-1])
            wide_tmp.append(tmp)
        self.delta_out, self.tmp_out = loss_view(self.delta[-1]), loss_view(self.tmp[-1])
        hidden = zip(self.z[:-1], layers[:-1], strict=True)
        self.raw = [np.empty_like(z) if layer.takes_dropout else None for z, layer in hidden]
        self.keep = [None if raw is None else np.empty_like(raw) for raw in self.raw]
        # backward_steps, from the top layer down to layer 1: (i, layer i, its input, its
        # delta, what it writes dL/dx into, work[i], f' of the layer below as
        # mul_derivative (None without an activation) and what that reads: a, z, scratch
        # (over the ones column too where delta_wide is wide; z is then not needed).
        self.backward_steps = []
        for i in range(len(layers) - 1, 0, -1):
            below, wide = self.delta[i - 1], self.delta_wide[i - 1]
            if wide is below:
                reads = (self.a[i - 1], self.z[i - 1], self.tmp[i - 1])
            else:
                reads = (self.out[i - 1], None, wide_tmp[i - 1])
            step = (i, layers[i], self.out[i - 1], self.delta[i], wide, self.work[i])
            self.backward_steps.append((*step, _mul_derivative(layers[i - 1]), *reads))


def _mul_derivative(layer):
    """The layer's activation's mul_derivative, or None if it has no activation."""
    return None if layer.activation is None else layer.activation.mul_derivative


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
    if dropout:
        _forward_with_dropout(layers, ws, x, dropout, rng)
        return
    for layer, x_in, z, a, work in ws.forward_steps:
        layer.forward(x if x_in is None else x_in, z, a, work)


def _forward_with_dropout(layers, ws: Workspace, x, dropout: float, rng) -> None:
    prev = x
    last = len(layers) - 1
    for i, layer in enumerate(layers):
        if i < last and layer.takes_dropout:
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
    if dropout:
        _backward_with_dropout(layers, ws, x, grads)
        return
    for i, layer, x_in, delta, below, work, mul_derivative, a, z, tmp in ws.backward_steps:
        layer.backward(x_in, delta, grads[i], below, work)
        if mul_derivative is not None:
            mul_derivative(a, z, below, tmp)  # below *= f'(z) of the layer below, in place
    layers[0].backward(x, ws.delta[0], grads[0], None, ws.work[0])


def _backward_with_dropout(layers, ws: Workspace, x, grads) -> None:
    for i in range(len(layers) - 1, 0, -1):
        below = ws.delta[i - 1]
        layers[i].backward(ws.out[i - 1], ws.delta[i], grads[i], ws.delta_wide[i - 1], ws.work[i])
        lower = layers[i - 1]
        if lower.takes_dropout:  # the dropped units get no gradient, the kept ones scaled
            below *= ws.keep[i - 1]
            a = ws.raw[i - 1]
        else:
            a = ws.a[i - 1]
        if lower.activation is not None:
            lower.activation.mul_derivative(a, ws.z[i - 1], below, ws.tmp[i - 1])
    layers[0].backward(x, ws.delta[0], grads[0], None, ws.work[0])
