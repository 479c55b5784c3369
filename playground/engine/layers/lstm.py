"""LSTM: a recurrent cell with a separate cell state, written and read through gates.

Inputs x (rows, steps, features), hidden state h_t and cell state c_t (rows, units), both
starting at 0. Each step computes four gates from the same pre-activation

    A_t = x_t · W_x + h_{t-1} · W_h + b          (rows, 4 units), blocks [i | f | g | o]
    i_t = sigmoid(A_i)     input gate: how much of the candidate to write
    f_t = sigmoid(A_f)     forget gate: how much of the old cell state to keep
    g_t = tanh(A_g)        candidate values
    o_t = sigmoid(A_o)     output gate: how much of the cell to show
    c_t = f_t * c_{t-1} + i_t * g_t
    h_t = o_t * tanh(c_t)

W_x (features, 4 units), W_h (units, 4 units) and b (4 units,) hold the four gates side by
side, in the order i, f, g, o: columns [0, U) are the input gate, [U, 2U) the forget gate,
[2U, 3U) the candidate, [3U, 4U) the output gate. This is PyTorch's order: nn.LSTM's
weight_ih_l0 (4U, features) is W_x.T, weight_hh_l0 (4U, U) is W_h.T and bias_ih_l0 +
bias_hh_l0 is b (PyTorch keeps two biases where one suffices).

Why it remembers: the cell state is carried by c_t = f_t * c_{t-1} + ..., so the gradient
from c_t to c_{t-1} is just f_t (element-wise), with no weight matrix and no squashing in
between. With the forget gate near 1 a gradient (and a memory) passes many steps unchanged;
the forget gate's bias starts at 1 for that reason (Jozefowicz et al., 2015).

Backpropagation through time, with g_t = dL/dh_t and s_t = dL/dc_t (rows, units), from the
last step back:

    dO = g_t * tanh(c_t)
    s_t += g_t * o_t * (1 - tanh(c_t)**2)          (s_t also holds f_{t+1} * s_{t+1})
    dI = s_t * g_t,  dG = s_t * i_t,  dF = s_t * c_{t-1}
    dA = [dI * i(1-i) | dF * f(1-f) | dG * (1 - g**2) | dO * o(1-o)]
    g_{t-1} = dA · W_h.T (+ the output's gradient at t-1),   s_{t-1} = s_t * f_t

and the weights' gradients are sums over the steps as in SimpleRNN (see recurrent.py):
dW_x = sum_t x_t.T · dA_t, dW_h = sum_t h_{t-1}.T · dA_t, db = sum of dA_t, dL/dx_t = dA_t · W_x.T.
"""

import numpy as np

from playground.engine.layers.recurrent import Recurrent


def _sigmoid(a, out) -> None:
    """out = 1 / (1 + e^-a), element-wise, via tanh (no overflow for large |a|)."""
    np.multiply(a, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5


class LSTM(Recurrent):
    """LSTM(units, return_sequences=False): the long short-term memory cell (module docstring).

    params: W_x (features, 4 units), W_h (units, 4 units), b (4 units,), gates in the order
    i, f, g, o (PyTorch's). Inputs (rows, steps, features); output h_T (rows, units), or every
    h_t (rows, steps, units) with return_sequences.
    """

    gates = 4

    def initialize(self, init, rng):
        """As Recurrent (W_x by init, W_h orthogonal per gate), then the forget gate's bias
        set to 1 so that the cell keeps its state at the start (not for init="zeros")."""
        super().initialize(init, rng)
        if init != "zeros":
            self.params["b"][self.units : 2 * self.units] = 1.0

    def workspace(self, rows, training):
        """h, g, and: gates (rows, steps, 4 units) = [i|f|g|o] after their squashing;
        c (rows, steps + 1, units) with c[:, 0] = 0; tc (rows, steps, units) = tanh(c_t);
        for training dA (rows, steps, 4 units)."""
        work = super().workspace(rows, training)
        U, T = self.units, self.steps
        work["gates"] = np.empty((rows, T, 4 * U))
        work["c"] = np.zeros((rows, T + 1, U))
        work["tc"] = np.empty((rows, T, U))
        if training:
            work["dA"] = np.empty((rows, T, 4 * U))
        return work

    def forward(self, x, z, a, work):
        """Every step's gates, c_t and h_t into work; the output into a (z is a)."""
        U, W_h = self.units, self.params["W_h"]
        h, c, tc, gates = work["h"], work["c"], work["tc"], work["gates"]
        gates[...] = np.dot(x, self.params["W_x"]) + self.params["b"]  # x_t · W_x + b, all t
        for t in range(self.steps):
            A = gates[:, t]
            A += np.dot(h[:, t], W_h)
            _sigmoid(A[:, : 2 * U], A[:, : 2 * U])  # i, f
            np.tanh(A[:, 2 * U : 3 * U], out=A[:, 2 * U : 3 * U])  # g
            _sigmoid(A[:, 3 * U :], A[:, 3 * U :])  # o
            i, f, g, o = A[:, :U], A[:, U : 2 * U], A[:, 2 * U : 3 * U], A[:, 3 * U :]
            np.multiply(f, c[:, t], out=c[:, t + 1])
            c[:, t + 1] += i * g
            np.tanh(c[:, t + 1], out=tc[:, t])
            np.multiply(o, tc[:, t], out=h[:, t + 1])
        self._write_output(h, a)

    def backward(self, x, delta, grads, delta_prev, work):
        """BPTT through h and c from the last step back (module docstring); delta (rows,
        units) or (rows, steps, units)."""
        U, W_h = self.units, self.params["W_h"]
        h, c, tc, gates, g_h, dA = (work[k] for k in ("h", "c", "tc", "gates", "g", "dA"))
        # The slopes of the squashings do not depend on the recursion: all steps at once.
        slope = gates * (1.0 - gates)  # sigmoid' = s (1 - s) for i, f, o
        slope[..., 2 * U : 3 * U] = 1.0 - gates[..., 2 * U : 3 * U] ** 2  # tanh' for g
        o_tanh_slope = gates[..., 3 * U :] * (1.0 - tc**2)  # dh_t/dc_t = o_t tanh'(c_t)
        carried = np.zeros((len(x), U))  # dL/dh_t from step t + 1
        s = np.zeros((len(x), U))  # dL/dc_t
        for t in range(self.steps - 1, -1, -1):
            own = self._output_gradient(delta, t)
            gt = g_h[:, t]
            np.add(carried, 0.0 if own is None else own, out=gt)
            G, D = gates[:, t], dA[:, t]
            s += gt * o_tanh_slope[:, t]
            np.multiply(s, G[:, 2 * U : 3 * U], out=D[:, :U])  # input gate: s * g
            np.multiply(s, c[:, t], out=D[:, U : 2 * U])  # forget gate: s * c_{t-1}
            np.multiply(s, G[:, :U], out=D[:, 2 * U : 3 * U])  # candidate: s * i
            np.multiply(gt, tc[:, t], out=D[:, 3 * U :])  # output gate: g_t * tanh(c_t)
            D *= slope[:, t]  # through each gate's squashing: dA_t
            s *= G[:, U : 2 * U]  # dL/dc_{t-1} through the cell path: s * f
            np.dot(D, W_h.T, out=carried)
        rows_steps = (len(x) * self.steps, -1)
        flat = dA.reshape(rows_steps)
        grads["W_x"][...] = np.dot(x.reshape(rows_steps).T, flat)
        grads["W_h"][...] = np.dot(h[:, :-1].reshape(rows_steps).T, flat)
        grads["b"][...] = flat.sum(axis=0)
        if delta_prev is not None:
            np.dot(dA, self.params["W_x"].T, out=delta_prev)
