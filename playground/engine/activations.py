"""The one registry of activation functions.

Each entry computes its output in place (`forward(z, out)`) and multiplies a gradient in place
by its derivative (`mul_derivative(a, z, delta, tmp)`), written in terms of the output `a`
where the maths allows it, so the backward pass needs no extra exp/tanh. All arrays are
(rows, units) float64; `out` and `a` may be non-contiguous views.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_SLOPE = 0.01
ELU_ALPHA = 1.0

# The constants of the hot paths as 0-d float64 arrays: NumPy turns a Python float operand
# into an array on every call, which at 10 rows a batch costs a good share of the call
# (~1,500 machine instructions); these are turned once. Same values, the same results.
ZERO, HALF, ONE = np.array(0.0), np.array(0.5), np.array(1.0)


@dataclass(frozen=True)
class Activation:
    """One activation: in-place forward and in-place derivative product.

    forward(z, out): out[...] = f(z), shapes (rows, units).
    mul_derivative(a, z, delta, tmp): delta *= f'(z), where a = f(z); tmp is scratch space
    of delta's shape. None for softmax, whose Jacobian is not element-wise (see losses).
    """

    name: str
    forward: Callable
    mul_derivative: Callable | None
    hidden: bool
    output: bool
    in_place: bool = True  # forward(z, z) is correct (z is not read after out is written)
    reads_z: bool = False  # mul_derivative reads z (else only a; z may then be None)


def _linear_forward(z, out):
    np.copyto(out, z)


def _linear_derivative(a, z, delta, tmp):
    pass  # f' = 1


def _tanh_derivative(a, z, delta, tmp):
    np.multiply(a, a, out=tmp)
    np.subtract(ONE, tmp, out=tmp)
    delta *= tmp


def _sigmoid_forward(z, out):
    # 0.5 * (1 + tanh(z/2)) never overflows, unlike 1 / (1 + exp(-z)).
    np.multiply(z, HALF, out=out)
    np.tanh(out, out=out)
    out *= HALF
    out += HALF


def _sigmoid_derivative(a, z, delta, tmp):
    np.subtract(ONE, a, out=tmp)
    tmp *= a
    delta *= tmp


def _relu_forward(z, out):
    np.maximum(z, ZERO, out=out)


def _relu_derivative(a, z, delta, tmp):
    np.greater(a, ZERO, out=tmp)
    delta *= tmp


def _leaky_relu_forward(z, out):
    np.multiply(z, LEAKY_SLOPE, out=out)
    np.maximum(z, out, out=out)


def _leaky_relu_derivative(a, z, delta, tmp):
    np.greater(a, 0.0, out=tmp)
    tmp *= 1.0 - LEAKY_SLOPE
    tmp += LEAKY_SLOPE
    delta *= tmp


def _elu_forward(z, out):
    np.minimum(z, 0.0, out=out)
    np.expm1(out, out=out)
    out *= ELU_ALPHA
    np.maximum(z, out, out=out)  # z > 0 gives z, else alpha*(e^z - 1) which is >= z


def _elu_derivative(a, z, delta, tmp):
    # For z <= 0, f' = alpha*e^z = a + alpha (<= alpha); for z > 0, f' = 1.
    np.add(a, ELU_ALPHA, out=tmp)
    np.copyto(tmp, 1.0, where=z > 0)
    delta *= tmp


def _swish_forward(z, out):
    _sigmoid_forward(z, out)
    out *= z


def _swish_derivative(a, z, delta, tmp):
    # f = z*s with s = sigmoid(z), so f' = s + f*(1 - s) = s - s*f + f.
    _sigmoid_forward(z, tmp)
    tmp -= tmp * a
    tmp += a
    delta *= tmp


GELU_C = np.sqrt(2.0 / np.pi)
GELU_K = 0.044715


def _gelu_tanh(z):
    return np.tanh(GELU_C * (z + GELU_K * z**3))


def _gelu_forward(z, out):
    # The tanh approximation (PyTorch's approximate="tanh"), as in GPT-2 and BERT.
    t = _gelu_tanh(z)
    t += 1.0
    np.multiply(z, t, out=out)
    out *= 0.5


def _gelu_derivative(a, z, delta, tmp):
    # f' = 0.5 (1 + t) + 0.5 z (1 - t^2) c (1 + 3k z^2), t = tanh(c (z + k z^3)).
    t = _gelu_tanh(z)
    inner = GELU_C * (1.0 + 3.0 * GELU_K * z * z)
    np.multiply(0.5 * z * (1.0 - t * t), inner, out=tmp)
    tmp += 0.5 * (1.0 + t)
    delta *= tmp


def _softmax_forward(z, out):
    # np.maximum.reduce and np.add.reduce are what z.max() and out.sum() compute, called
    # without those methods' Python wrappers (this runs once per mini-batch).
    np.subtract(z, np.maximum.reduce(z, axis=1, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= np.add.reduce(out, axis=1, keepdims=True)


_ENTRIES = (
    # tanh's forward is NumPy's own ufunc: np.tanh(z, out) writes tanh(z) into out, with no
    # Python function in between on the hot path (the playground's default activation).
    Activation("tanh", np.tanh, _tanh_derivative, hidden=True, output=True),
    Activation("relu", _relu_forward, _relu_derivative, hidden=True, output=False),
    Activation("leaky_relu", _leaky_relu_forward, _leaky_relu_derivative, True, False, False),
    Activation("elu", _elu_forward, _elu_derivative, True, False, in_place=False, reads_z=True),
    Activation("sigmoid", _sigmoid_forward, _sigmoid_derivative, hidden=True, output=True),
    Activation("linear", _linear_forward, _linear_derivative, hidden=True, output=True),
    Activation("swish", _swish_forward, _swish_derivative, True, False, False, reads_z=True),
    Activation("gelu", _gelu_forward, _gelu_derivative, True, False, reads_z=True),
    Activation("softmax", _softmax_forward, None, hidden=False, output=True),
)

ACTIVATIONS: dict[str, Activation] = {entry.name: entry for entry in _ENTRIES}
HIDDEN_ACTIVATIONS: tuple[str, ...] = tuple(e.name for e in _ENTRIES if e.hidden)
OUTPUT_ACTIVATIONS: tuple[str, ...] = tuple(e.name for e in _ENTRIES if e.output)


def get_activation(name: str, *, output: bool = False) -> Activation:
    """Look up an activation by name; ValueError naming the allowed ones if unknown."""
    allowed = OUTPUT_ACTIVATIONS if output else HIDDEN_ACTIVATIONS
    if not isinstance(name, str) or name not in allowed:
        kind = "output" if output else "hidden"
        raise ValueError(f"unknown {kind} activation {name!r}; choose one of {allowed}")
    return ACTIVATIONS[name]
