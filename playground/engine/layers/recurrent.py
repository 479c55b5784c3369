"""Recurrent layers: one cell reads a sequence step by step and carries a hidden state forward.

Inputs are sequences x of shape (rows, steps, features); x_t = x[:, t] is (rows, features).
A recurrent layer keeps a hidden state h_t (rows, units), starting from h_0 = 0, and updates
it once per step from the new input and the previous state. SimpleRNN's update is

    a_t = x_t · W_x + h_{t-1} · W_h + b          (rows, units)
    h_t = tanh(a_t)

with W_x (features, units), W_h (units, units), b (units,): the SAME weights at every step.
The output is the last state h_T (rows, units), or with return_sequences=True every state
(rows, steps, units), e.g. for a head applied per step (TimeDistributed(Dense(...))).

Training: backpropagation through time (BPTT). Unroll the loop into a deep network with one
layer per step that shares its weights, and backpropagate through it from the last step to
the first. With g_t = dL/dh_t (rows, units), which collects the gradient arriving from the
output at step t (only at t = T without return_sequences) and from the step after it:

    g_T = dL/dh_T (from the output)
    da_t = g_t * (1 - h_t**2)                     through tanh, (rows, units)
    g_{t-1} = da_t · W_h.T  (+ dL/dh_{t-1} from the output, with return_sequences)

and, because the weights are shared, their gradients are SUMS over the steps:

    dW_h = sum_t h_{t-1}.T · da_t,   dW_x = sum_t x_t.T · da_t,   db = sum_t sum_rows da_t
    dL/dx_t = da_t · W_x.T

Every step multiplies g by W_h.T and by tanh's slope (at most 1), so the gradient reaching
step t from step T is a product of T - t such factors: it tends to fade (vanishing
gradients) or, with large weights, to blow up. This is why a SimpleRNN forgets what it saw
long ago and why the LSTM (lstm.py) carries a separate cell state through a gate instead.
work["g"] keeps g_t for every step after a backward pass: its norm per step is the
gradient reaching each earlier time step (see time_step_gradient_norms).

The batch is vectorized (one matmul per step for all rows); the loop over time steps is a
Python loop, as the recurrence demands. What does not depend on the previous step is done for
all steps at once: x · W_x before the loop, dW_x, db and dL/dx after it.
"""

import numpy as np

from playground.engine.initializers import initialize
from playground.engine.layers.base import Layer, positive_int


class Recurrent(Layer):
    """What SimpleRNN and LSTM share: inputs (steps, features), units, return_sequences, the
    output (the last state or all states) and the initial weights.

    Subclasses set `gates` (how many blocks of `units` columns W_x, W_h and b have: 1 for
    SimpleRNN, 4 for LSTM) and implement the step loop in forward/backward. Their workspace
    holds h (rows, steps + 1, units) with h[:, 0] = h_0 = 0, and g (rows, steps, units) =
    dL/dh_t after a backward pass.
    """

    gates = 1
    penalized = ("W_x", "W_h")

    def __init__(self, units: int, return_sequences: bool = False):
        self.units = positive_int(units, f"{type(self).__name__} units")
        if not isinstance(return_sequences, bool):
            raise ValueError(f"return_sequences must be true or false, got {return_sequences!r}")
        self.return_sequences = return_sequences

    def build(self, input_shape):
        """Inputs are sequences (steps, features); the output is (steps, units) with
        return_sequences, else (units,)."""
        if len(input_shape) != 2:
            raise ValueError(f"{self.type_name} takes sequences (steps, features), not samples "
                             f"of shape {input_shape}")  # fmt: skip
        self.steps, self.features = int(input_shape[0]), int(input_shape[1])
        return (self.steps, self.units) if self.return_sequences else (self.units,)

    def param_shapes(self):
        """W_x (features, gates * units), W_h (units, gates * units), b (gates * units,)."""
        width = self.gates * self.units
        return {"W_x": (self.features, width), "W_h": (self.units, width), "b": (width,)}

    def initialize(self, init, rng):
        """W_x and b by `init`, one gate block at a time (fans (features, units)); W_h
        orthogonal (each gate block), so that at the start a signal carried through time
        neither grows nor fades by the recurrent matrix alone; init="zeros" zeros all."""
        U = self.units
        W_x, W_h, b = self.params["W_x"], self.params["W_h"], self.params["b"]
        for k in range(self.gates):
            block = slice(k * U, (k + 1) * U)
            initialize(init, W_x[:, block], b[block], rng, fans=(self.features, U))
            if init == "zeros":
                W_h[:, block] = 0.0
            else:
                q, r = np.linalg.qr(rng.normal(size=(U, U)))
                W_h[:, block] = q * np.sign(np.diag(r))  # a uniformly random rotation

    def config(self):
        """{"units", "return_sequences"}."""
        return {"units": self.units, "return_sequences": self.return_sequences}

    def workspace(self, rows, training):
        """h (rows, steps + 1, units) and, for training, g (rows, steps, units); subclasses
        add their own."""
        work = {"h": np.zeros((rows, self.steps + 1, self.units))}
        if training:
            work["g"] = np.empty((rows, self.steps, self.units))
        return work

    def infer(self, x):
        """The output for x (rows, steps, features), as a new array."""
        work = self.workspace(len(x), training=False)
        out = np.empty((len(x), *self.output_shape))
        self.forward(x, out, out, work)
        return out

    def hidden_states(self, x) -> np.ndarray:
        """Every hidden state h_1 ... h_T for x (rows, steps, features): (rows, steps, units)."""
        work = self.workspace(len(x), training=False)
        out = np.empty((len(x), *self.output_shape))
        self.forward(x, out, out, work)
        return work["h"][:, 1:].copy()

    def _write_output(self, h, a) -> None:
        """a = all states h_1..h_T (rows, steps, units) or the last h_T (rows, units)."""
        np.copyto(a, h[:, 1:] if self.return_sequences else h[:, -1])

    def _output_gradient(self, delta, t) -> np.ndarray | None:
        """dL/dh_t from this layer's output at step t (0-based), or None if it has none."""
        if self.return_sequences:
            return delta[:, t]
        return delta if t == self.steps - 1 else None


class SimpleRNN(Recurrent):
    """SimpleRNN(units, return_sequences=False): h_t = tanh(x_t · W_x + h_{t-1} · W_h + b).

    params: W_x (features, units), W_h (units, units), b (units,). Inputs (rows, steps,
    features); output (rows, units) = h_T, or (rows, steps, units) with return_sequences.
    PyTorch's nn.RNN(features, units, batch_first=True) computes the same with
    weight_ih_l0 = W_x.T, weight_hh_l0 = W_h.T and bias_ih_l0 + bias_hh_l0 = b.
    """

    gates = 1

    def workspace(self, rows, training):
        """h, g and, for training, da (rows, steps, units): dL/da_t of every step."""
        work = super().workspace(rows, training)
        if training:
            work["da"] = np.empty((rows, self.steps, self.units))
        return work

    def forward(self, x, z, a, work):
        """h_t for t = 1..T into work["h"][:, t]; the output into a (z is a: no activation)."""
        h, W_h = work["h"], self.params["W_h"]
        # x_t · W_x + b for every step at once, written straight into h[:, 1:].
        h[:, 1:] = np.dot(x, self.params["W_x"]) + self.params["b"]
        for t in range(1, self.steps + 1):
            h[:, t] += np.dot(h[:, t - 1], W_h)
            np.tanh(h[:, t], out=h[:, t])
        self._write_output(h, a)

    def backward(self, x, delta, grads, delta_prev, work):
        """BPTT: g_t and da_t from the last step back to the first, then the weights'
        gradients summed over the steps; delta (rows, units) or (rows, steps, units)."""
        h, g, da, W_h = work["h"], work["g"], work["da"], self.params["W_h"]
        carried = np.zeros((len(x), self.units))  # dL/dh_t from step t + 1
        for t in range(self.steps - 1, -1, -1):  # step t + 1 in the maths, 0-based here
            own = self._output_gradient(delta, t)
            g[:, t] = carried if own is None else carried + own
            np.multiply(g[:, t], 1.0 - h[:, t + 1] ** 2, out=da[:, t])
            np.dot(da[:, t], W_h.T, out=carried)
        rows_steps = (len(x) * self.steps, -1)
        flat_da = da.reshape(rows_steps)
        grads["W_x"][...] = np.dot(x.reshape(rows_steps).T, flat_da)
        grads["W_h"][...] = np.dot(h[:, :-1].reshape(rows_steps).T, flat_da)
        grads["b"][...] = flat_da.sum(axis=0)
        if delta_prev is not None:
            np.dot(da, self.params["W_x"].T, out=delta_prev)


def time_step_gradient_norms(net, X, y, loss, layer: int = 0) -> np.ndarray:
    """How much gradient reaches each time step: the mean over the rows of X of ||dL/dh_t||
    for t = 1..steps of recurrent layer `layer` (an index into net.layers), shape (steps,).
    One forward and backward pass of the mean loss; the weights are not changed."""
    from playground.engine.propagation import Workspace

    if not isinstance(net.layers[layer], Recurrent):
        raise ValueError(f"layer {layer} is not a recurrent layer")
    X = net.check_inputs(X)
    ws = Workspace(net.layers, len(X))
    net.flat_gradient(X, y, loss, ws=ws)
    g = ws.work[layer]["g"]
    return np.sqrt(np.einsum("rtu,rtu->rt", g, g)).mean(axis=0)
