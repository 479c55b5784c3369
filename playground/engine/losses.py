"""Losses: which output/loss pairs are valid, target encoding, loss values and output deltas.

mse = mean over rows of 1/2 ||a - y||^2; bce = mean binary cross-entropy; cce = mean
categorical cross-entropy. bce and cce are computed from the pre-activation z (logaddexp /
logsumexp), so z = +-1000 gives a finite loss.

Sequence outputs (a head at every step, output shape (steps, k)) reach the loss as arrays
(rows, steps, k) (see loss_view). For cce each step is a prediction of its own: the targets
are one class id per step, (n, steps), with -1 where a step has no target, encoded one-hot
(n, steps, k) with all-zero rows at those steps; the loss is the mean cross-entropy over the
(row, step) positions that have a target, and a position without one gets no gradient. For
mse a sequence output is one vector per row, as any other output.
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


NO_TARGET = -1  # a per-step class id meaning "this step has no target"


def loss_view(array: np.ndarray) -> np.ndarray:
    """An output or target array (rows, *output_shape) as the losses read it: a sequence
    (rows, steps, k) stays so (one prediction per step), anything else becomes (rows, size)."""
    return array if array.ndim in (2, 3) else array.reshape(len(array), -1)


def encode_step_targets(y, n_classes: int, steps: int) -> np.ndarray:
    """Per-step class ids y (n, steps), NO_TARGET where a step has none, as one-hot
    (n, steps, n_classes) float64 with all-zero rows at the steps without a target."""
    y = np.asarray(y)
    if y.dtype == object or not np.issubdtype(y.dtype, np.number):
        raise ValueError("labels must be numbers")
    if y.ndim != 2 or y.shape[1] != steps:
        raise ValueError(f"per-step cce labels must have shape (n, {steps}), got {y.shape}")
    if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
        raise ValueError("per-step labels must be integer class ids")
    if np.any(y < NO_TARGET) or np.any(y >= n_classes):
        raise ValueError(f"per-step labels must be class ids 0..{n_classes - 1} or -1 (none)")
    ids = y.astype(np.intp)
    out = np.eye(n_classes + 1)[ids + 1]  # row 0 of the identity: NO_TARGET
    return np.ascontiguousarray(out[..., 1:])


def loss_weight(loss: str, y: np.ndarray) -> float:
    """How many terms the mean loss over encoded targets y averages: the positions with a
    target for per-step cce (y (n, steps, k)), else the rows."""
    if loss == "cce" and y.ndim == 3:
        return float(y.sum())
    return float(len(y))


def loss_value(loss: str, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
    """Mean loss over the rows of z, a, y (each (n, k), or (n, steps, k) for a sequence
    output, see loss_view), without regularization; per-step cce: the mean over the
    positions with a target (0.0 if there are none)."""
    if loss == "cce" and z.ndim == 3:
        return _step_cce_value(z, y)
    if z.ndim == 3:
        z, a, y = (v.reshape(len(v), -1) for v in (z, a, y))
    if loss == "bce":
        # -[y log s(z) + (1-y) log(1-s(z))] = log(1 + e^z) - y z
        return _mean(np.logaddexp(0.0, z) - y * z)
    if loss == "cce":
        # np.maximum.reduce / np.add.reduce: z.max() / .sum() without their Python wrappers
        peak = np.maximum.reduce(z, axis=1, keepdims=True)
        log_sum = np.log(np.add.reduce(np.exp(z - peak), axis=1)) + peak[:, 0]
        return _mean(log_sum - np.add.reduce(y * z, axis=1))
    diff = a - y
    return 0.5 * float(np.einsum("ij,ij->", diff, diff)) / len(a)


def _mean(values: np.ndarray) -> float:
    """float(np.mean(values)) by np.mean's own arithmetic (one sum over every element, then
    one division by their count), without its Python wrapper: the evaluation of every
    epoch calls it twice, and at 250 rows the wrapper cost more than the sum."""
    if values.size == 0:
        return float("nan")  # as np.mean of nothing
    return float(np.add.reduce(values, axis=None)) / values.size


def _step_cce_value(z, y) -> float:
    peak = z.max(axis=2, keepdims=True)
    log_sum = np.log(np.exp(z - peak).sum(axis=2)) + peak[..., 0]
    has_target = y.sum(axis=2)  # 1 where the step has a target, 0 where not
    count = has_target.sum()
    if count == 0:
        return 0.0
    return float(((log_sum - (y * z).sum(axis=2)) * has_target).sum() / count)


def make_output_delta(output: str, loss: str):
    """Return delta(a, z, y, out, tmp, inv_rows): out = d(mean loss)/dz, shapes (rows, k)
    or (rows, steps, k) (loss_view).

    For sigmoid+bce, softmax+cce and linear+mse the gradient is (a - y) / rows; per-step
    cce: (a - y) / (positions with a target), 0 at the steps without one. Other mse pairs
    multiply by the output activation's derivative (softmax: its full Jacobian, per step).
    """
    check_pair(output, loss)
    if (output, loss) == ("softmax", "cce"):
        return _cce_delta
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


def _cce_delta(a, z, y, out, tmp, inv_rows):
    if out.ndim == 2:
        return _natural_delta(a, z, y, out, tmp, inv_rows)
    # Per step: (a - y) where the step has a target (y's row sums to 1), 0 where it has none
    # (y's row is all 0, so a - y = a must be masked), over the count of those positions.
    has_target = y.sum(axis=2, keepdims=True)
    count = has_target.sum()
    np.subtract(a, y, out=out)
    out *= has_target
    out *= 1.0 / max(count, 1.0)


def _softmax_mse_delta(a, z, y, out, tmp, inv_rows):
    # dL/dz_j = a_j * (g_j - sum_k a_k g_k) with g = a - y (the softmax Jacobian applied to g,
    # for each row, or each step of a sequence).
    np.subtract(a, y, out=tmp)
    weighted = np.einsum("...j,...j->...", a, tmp)[..., None]
    np.subtract(tmp, weighted, out=out)
    out *= a
    out *= inv_rows
