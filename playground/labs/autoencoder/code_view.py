"""How a code of any size is drawn on a plane, and which codes the decoder's map decodes.

2 units: the code itself. 1 unit: the code along x, spread out along y (a fixed jitter)
so the points can be seen. More than 2: the plane of the codes' two principal components
(PCA of the code), through their mean.
"""

from dataclasses import dataclass

import numpy as np

from playground.labs.autoencoder.analysis import fit_pca

JITTER_SEED = 12345  # the same spread every frame, so points do not dance
GRID_MARGIN = 0.05  # share of the codes' range added on each side of the decoder's map
# The map spans these percentiles of the codes: a few outliers far out stretched it over
# empty code space, where the decoder draws blots that no sample resembles.
GRID_PERCENTILES = (1.0, 99.0)


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class CodeView:
    """The plane the codes are drawn on: origin (k,) and basis (2, k) in code space for
    k > 2 (None otherwise); titles of its two axes; a plain note on what it shows."""

    code_size: int
    origin: np.ndarray | None
    basis: np.ndarray | None
    titles: tuple[str, str]
    note: str

    def place(self, codes: np.ndarray) -> np.ndarray:
        """Codes (n, k) -> points (n, 2) on the plane."""
        codes = np.asarray(codes, dtype=np.float64)
        if self.code_size == 1:
            spread = np.random.default_rng(JITTER_SEED).uniform(-1, 1, len(codes))
            return np.column_stack([codes[:, 0], spread])
        if self.code_size == 2:
            return codes.copy()
        return (codes - self.origin) @ self.basis.T

    def codes_at(self, points: np.ndarray) -> np.ndarray:
        """Points (n, 2) on the plane -> codes (n, k) (for k = 1 only x counts)."""
        points = np.asarray(points, dtype=np.float64)
        if self.code_size == 1:
            return points[:, :1].copy()
        if self.code_size == 2:
            return points.copy()
        return self.origin + points @ self.basis


def code_view(train_codes: np.ndarray) -> CodeView:
    """The plane for codes like train_codes (n, k)."""
    k = train_codes.shape[1]
    if k == 1:
        return CodeView(1, None, None, ("code (1 unit)", "spread out to be seen"),
                        "The code has 1 unit: its value runs left to right.")  # fmt: skip
    if k == 2:
        return CodeView(2, None, None, ("code 1", "code 2"), "")
    pca = fit_pca(train_codes, 2)
    return CodeView(k, pca.mean, pca.components, (f"code PC 1 (PCA of the {k} units)", "code PC 2"),
                    f"The code has {k} units: shown is the plane of its two principal "
                    "components (PCA of the code).")  # fmt: skip


def grid_points(points: np.ndarray, size: int, rows: int | None = None):
    """A grid over the span of points (n, 2) (GRID_PERCENTILES of each axis, plus a margin):
    (xs (size,), ys (rows,), grid (rows*size, 2)), row-major (row j, column i is
    (xs[i], ys[j])). rows defaults to size."""
    points = np.asarray(points, dtype=np.float64)
    rows = size if rows is None else rows
    finite = points[np.isfinite(points).all(axis=1)]
    if len(finite) == 0:
        finite = np.zeros((1, 2))
    low, high = np.percentile(finite, GRID_PERCENTILES, axis=0)
    pad = np.where(high > low, (high - low) * GRID_MARGIN, 0.5)
    xs = np.linspace(low[0] - pad[0], high[0] + pad[0], size)
    ys = np.linspace(low[1] - pad[1], high[1] + pad[1], rows) if rows > 1 else np.zeros(1)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])
