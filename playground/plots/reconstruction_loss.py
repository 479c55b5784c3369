"""The train and test reconstruction loss, with PCA's error as the line to beat."""

import numpy as np

from playground.plots.colors import MISTAKE_RED
from playground.plots.layout import UIREVISION, figure_version
from playground.plots.loss import loss_spec


def reconstruction_loss_spec(
    epochs: np.ndarray,
    train_loss: np.ndarray,
    test_loss: np.ndarray | None,
    baseline: float | None = None,
    baseline_name: str = "PCA",
    log_y: bool = False,
) -> dict:
    """The loss curves (see loss_spec) plus a dashed level line at baseline (e.g. PCA's test
    error with as many components as the code has units, in the loss' unit), if given.

    Returns the figure as a plain dict (reconstruction_loss_figure: the same as a validated Figure).
    """
    spec = loss_spec(epochs, train_loss, test_loss, log_y, UIREVISION)
    if baseline is not None and np.isfinite(baseline):
        epochs = np.asarray(epochs)
        last = int(epochs[-1]) if len(epochs) else 0
        spec["data"].append({
            "type": "scatter", "x": [0, max(last, 1)], "y": [baseline, baseline],
            "mode": "lines", "name": baseline_name,
            "line": {"color": MISTAKE_RED, "width": 1.5, "dash": "dash"},
            "hovertemplate": f"{baseline_name} %{{y:.4g}}<extra></extra>",
        })  # fmt: skip
    return spec


reconstruction_loss_figure = figure_version(reconstruction_loss_spec)
