"""What the autoencoder lab measures, in NumPy: PCA (the linear baseline), reconstruction
errors, principal angles between subspaces, anomaly detection (ROC) and how well a code
keeps neighbours together.

Reconstruction errors are in the trainer's unit (loss "mse"): half the squared distance
between a sample and its reconstruction, so PCA's error and the loss curve compare directly.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Pca:
    """Principal components fitted on training rows.

    mean (f,): the rows' mean. components (k, f): orthonormal directions of most variance,
    first the largest. variances (k,): the variance of the rows along each one.
    """

    mean: np.ndarray
    components: np.ndarray
    variances: np.ndarray

    def project(self, X: np.ndarray) -> np.ndarray:
        """Rows X (n, f) -> their coordinates (n, k) on the components."""
        return (np.asarray(X, dtype=np.float64) - self.mean) @ self.components.T

    def reconstruct(self, X: np.ndarray) -> np.ndarray:
        """Rows X (n, f) -> their nearest points (n, f) in the components' flat subspace."""
        return self.project(X) @ self.components + self.mean


def fit_pca(X: np.ndarray, k: int) -> Pca:
    """PCA of X (n, f) by the SVD of the centred rows, keeping k <= min(n, f) components."""
    X = np.asarray(X, dtype=np.float64)
    mean = X.mean(axis=0)
    _, singular, rows = np.linalg.svd(X - mean, full_matrices=False)
    k = max(1, min(int(k), len(singular)))
    return Pca(mean=mean, components=rows[:k], variances=singular[:k] ** 2 / len(X))


def reconstruction_errors(X: np.ndarray, R: np.ndarray) -> np.ndarray:
    """Per sample, half the squared distance between X (n, f) and its reconstruction R
    (n, f): (n,). Their mean is the trainer's "mse" loss."""
    diff = np.asarray(R, dtype=np.float64) - np.asarray(X, dtype=np.float64)
    return 0.5 * np.einsum("ij,ij->i", diff, diff)


def principal_angles(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Angles in degrees (min(p, q),), smallest first, between the subspaces spanned by the
    rows of A (p, f) and of B (q, f); all 0 when the subspaces are the same."""
    qa, _ = np.linalg.qr(np.asarray(A, dtype=np.float64).T)
    qb, _ = np.linalg.qr(np.asarray(B, dtype=np.float64).T)
    cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
    return np.degrees(np.arccos(np.clip(cosines, -1.0, 1.0)))


def output_subspace(R: np.ndarray, k: int) -> np.ndarray:
    """The k directions (k, f) in which reconstructions R (n, f) vary: a linear
    autoencoder's outputs lie in a k-dimensional flat subspace (plus their mean)."""
    R = np.asarray(R, dtype=np.float64)
    _, _, rows = np.linalg.svd(R - R.mean(axis=0), full_matrices=False)
    return rows[:k]


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class Roc:
    """The ROC curve of a score that should be high for anomalies.

    false_alarms (m,), detections (m,): the share of normal and of anomalous samples at or
    above each threshold, from (0, 0) (threshold above every score) to (1, 1).
    thresholds (m,): falling; the first is +inf. area: the area under the curve (1 =
    perfect separation, 0.5 = chance).
    """

    false_alarms: np.ndarray
    detections: np.ndarray
    thresholds: np.ndarray
    area: float


def roc_curve(scores: np.ndarray, anomalous: np.ndarray) -> Roc:
    """ROC of scores (n,) against anomalous (n,) bool; tied scores move together (one
    diagonal step), so the area equals the chance that a random anomaly scores above a
    random normal sample, ties counted half. Needs at least one sample of each kind."""
    scores = np.asarray(scores, dtype=np.float64)
    anomalous = np.asarray(anomalous, dtype=bool)
    n_bad, n_good = int(anomalous.sum()), int((~anomalous).sum())
    if n_bad == 0 or n_good == 0:
        raise ValueError("the ROC curve needs both anomalous and normal samples")
    order = np.argsort(-scores, kind="stable")
    ranked, bad = scores[order], anomalous[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(ranked)), len(ranked) - 1]
    detections = np.r_[0.0, np.cumsum(bad)[last_of_tie] / n_bad]
    false_alarms = np.r_[0.0, np.cumsum(~bad)[last_of_tie] / n_good]
    area = float(np.sum(np.diff(false_alarms) * (detections[1:] + detections[:-1]) / 2))
    return Roc(false_alarms, detections, np.r_[np.inf, ranked[last_of_tie]], area)


def detection_at(scores: np.ndarray, anomalous: np.ndarray, threshold: float):
    """(detection rate, false alarm rate) when every score >= threshold is flagged:
    the share of anomalous (n,) samples flagged, and of normal ones; nan without any."""
    flagged = np.asarray(scores, dtype=np.float64) >= threshold
    anomalous = np.asarray(anomalous, dtype=bool)
    rate = [flagged[part].mean() if part.any() else np.nan for part in (anomalous, ~anomalous)]
    return float(rate[0]), float(rate[1])


def neighbour_r2(code: np.ndarray, values: np.ndarray, k: int = 10) -> float:
    """How well a code keeps its data's structure: each sample's value (e.g. its place along
    a sheet) predicted as the mean of its k nearest neighbours in the code (n, d), as R^2
    (1 = neighbours in the code are neighbours on the sheet; near 0 = folded together)."""
    code = np.asarray(code, dtype=np.float64)
    values = np.asarray(values, dtype=np.float64)
    squared = np.einsum("ij,ij->i", code, code)
    distances = squared[:, None] + squared[None, :] - 2 * code @ code.T
    np.fill_diagonal(distances, np.inf)
    nearest = np.argpartition(distances, k, axis=1)[:, :k]
    predicted = values[nearest].mean(axis=1)
    total = np.sum((values - values.mean()) ** 2)
    return float(1.0 - np.sum((predicted - values) ** 2) / total) if total > 0 else float("nan")
