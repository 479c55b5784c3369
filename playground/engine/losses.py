"""Losses: which output/loss pairs are valid, target encoding, loss values and output deltas.

mse = mean over rows of 1/2 ||a - y||^2; bce = mean binary cross-entropy; cce = mean
categorical cross-entropy. bce and cce are computed from the pre-activation z (logaddexp /
logsumexp), so z = +-1000 gives a finite loss.
"""

import numpy as np

from playground.engine.activations import ACTIVATIONS

LOSSES: tuple[str, ...] = ("mse", "bce", "cce")

# The loss each output activation is naturally paired with: for these pairs the gradient of
# the loss with respect to z is simply a - y.
_NATURAL_PAIRS = {("sigmoid", "bce"), ("softmax", "cce"), ("linear", "mse")}


def check_pair(output: str, loss: str) -> None:
    """Raise ValueError unless (output, loss) is sigmoid+bce, softmax+cce or mse+any output."""
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; choose one of {LOSSES}")
    if loss == "mse" or (output, loss) in _NATURAL_PAIRS:
        return
    need = "sigmoid" if loss == "bce" else "softmax"
    raise ValueError(
        f"loss {loss!r} needs a {need!r} output, not {output!r} (use 'mse' with any output)"
    )


def encode_targets(y, loss: str, n_outputs: int) -> np.ndarray:
    """Turn labels into float targets of shape (n, n_outputs).

    bce: integer class ids 0/1, shape (n,) or (n, 1). cce: integer class ids 0..k-1, shape
    (n,), one-hot encoded. mse: float targets (n,) (one output) or (n, n_outputs).
    """
    y = np.asarray(y)
    if y.dtype == object or not np.issubdtype(y.dtype, np.number) and y.dtype != bool:
        raise ValueError("labels must be numbers")
    y = y.astype(np.float64)
    if not np.all(np.isfinite(y)):
        raise ValueError("labels must be finite numbers")
    if loss == "mse":
        if y.ndim == 1 and n_outputs == 1:
            return y.reshape(-1, 1).copy()
        if y.ndim == 2 and y.shape[1] == n_outputs:
            return y.copy()
        raise ValueError(f"mse targets must have shape (n,) or (n, {n_outputs}), got {y.shape}")
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise ValueError(f"{loss} labels must be class ids of shape (n,), got {y.shape}")
    classes = 2 if loss == "bce" else n_outputs
    if np.any(y != np.round(y)) or np.any(y < 0) or np.any(y >= classes):
        raise ValueError(f"{loss} labels must be integer class ids 0..{classes - 1}")
    if loss == "bce":
        return y.reshape(-1, 1).copy()
    return np.eye(n_outputs)[y.astype(np.intp)]


def loss_value(loss: str, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
    """Mean loss over the rows of z, a, y (each (n, k)), without regularization."""
    if loss == "bce":
        # -[y log s(z) + (1-y) log(1-s(z))] = log(1 + e^z) - y z
        return float(np.mean(np.logaddexp(0.0, z) - y * z))
    if loss == "cce":
        peak = z.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(z - peak).sum(axis=1)) + peak[:, 0]
        return float(np.mean(log_sum - (y * z).sum(axis=1)))
    diff = a - y
    return 0.5 * float(np.einsum("ij,ij->", diff, diff)) / len(a)


def make_output_delta(output: str, loss: str):
    """Return delta(a, z, y, out, tmp, inv_rows): out = d(mean loss)/dz, shapes (rows, k).

    For sigmoid+bce, softmax+cce and linear+mse the gradient is (a - y) / rows. Other mse
    pairs multiply by the output activation's derivative (softmax: its full Jacobian).
    """
    check_pair(output, loss)
    if (output, loss) in _NATURAL_PAIRS:
        return _natural_delta
    if output == "softmax":
        return _softmax_mse_delta
    mul_derivative = ACTIVATIONS[output].mul_derivative

    def squashed_delta(a, z, y, out, tmp, inv_rows):
        np.subtract(a, y, out=out)
        mul_derivative(a, z, out, tmp)
        out *= inv_rows

    return squashed_delta


def _natural_delta(a, z, y, out, tmp, inv_rows):
    np.subtract(a, y, out=out)
    out *= inv_rows


def _softmax_mse_delta(a, z, y, out, tmp, inv_rows):
    # dL/dz_j = a_j * (g_j - sum_k a_k g_k) with g = a - y (the softmax Jacobian applied to g).
    np.subtract(a, y, out=tmp)
    weighted = np.einsum("ij,ij->i", a, tmp)[:, None]
    np.subtract(tmp, weighted, out=out)
    out *= a
    out *= inv_rows
