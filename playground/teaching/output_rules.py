"""The loss of each sample and the output layer's delta dL/dz, rule by rule.

Why delta = y_hat - y for three pairs (scikit-learn's comment, worked out): the loss's
derivative with respect to the output a is divided by the activation's derivative f'(z):
  sigmoid + binary cross-entropy: dL/da = (a - y) / (a (1 - a)) and f'(z) = a (1 - a);
  softmax + categorical cross-entropy: the softmax Jacobian times -y / a gives a - y;
  linear + squared error: dL/da = a - y and f'(z) = 1.
For any other output with squared error the derivative stays in: delta = (a - y) f'(z)
(tanh: (a - y)(1 - a^2)); softmax + squared error applies the full Jacobian.
"""

import numpy as np

from playground.engine.activations import ACTIVATIONS

NATURAL = "natural"  # delta = a - y
SQUASHED = "squashed"  # delta = (a - y) * f'(z), element-wise
SOFTMAX_MSE = "softmax_mse"  # delta_j = a_j (g_j - sum_k a_k g_k), g = a - y

_NATURAL_PAIRS = {("sigmoid", "bce"), ("softmax", "cce"), ("linear", "mse")}


def delta_rule(output: str, loss: str) -> str:
    """Which rule gives the output delta for this output activation and engine loss:
    NATURAL, SQUASHED or SOFTMAX_MSE."""
    if (output, loss) in _NATURAL_PAIRS:
        return NATURAL
    if loss != "mse":
        raise ValueError(f"loss {loss!r} cannot follow a {output!r} output")
    return SOFTMAX_MSE if output == "softmax" else SQUASHED


def sample_losses(loss: str, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each row's loss (n,) from z, a = f(z) and the encoded targets y, all (n, k).

    bce: -[y log a + (1 - y) log(1 - a)], computed as log(1 + e^z) - y z (finite for any z);
    cce: -sum_k y_k log a_k, as logsumexp(z) - sum_k y_k z_k; mse: 1/2 sum_k (a_k - y_k)^2.
    """
    if loss == "bce":
        return (np.logaddexp(0.0, z) - y * z).sum(axis=1)
    if loss == "cce":
        peak = z.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(z - peak).sum(axis=1)) + peak[:, 0]
        return log_sum - (y * z).sum(axis=1)
    return 0.5 * ((a - y) ** 2).sum(axis=1)


def derivative(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """f'(z) (n, units) of the element-wise activation `name`, with a = f(z)."""
    out = np.ones_like(z)
    ACTIVATIONS[name].mul_derivative(a, z, out, np.empty_like(z))
    return out


def output_delta(rule: str, output: str, z, a, y) -> tuple[np.ndarray, np.ndarray | None]:
    """(delta, f'(z)): each row's dL_i/dz (n, k) for its own loss L_i (not divided by the
    batch size), and the output's f'(z) (n, k) for SQUASHED (else None)."""
    error = a - y
    if rule == NATURAL:
        return error, None
    if rule == SOFTMAX_MSE:
        weighted = (a * error).sum(axis=1, keepdims=True)
        return a * (error - weighted), None
    slope = derivative(output, z, a)
    return error * slope, slope
